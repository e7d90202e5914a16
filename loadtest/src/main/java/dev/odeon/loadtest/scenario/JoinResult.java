package dev.odeon.loadtest.scenario;

/**
 * The outcome of a {@code join} run.
 *
 * @param viewers viewers that tried to join at once
 * @param failed viewers that got no video frame before the deadline (their errors in {@code firstError})
 * @param p50Ms median time from the start of the join to the first video packet
 * @param p99Ms 99th percentile of that time
 * @param maxMs slowest successful join
 * @param allJoinedMs time until the last successful viewer had video
 * @param sortedMs every successful viewer's time to first frame, ascending
 * @param firstError the first failure's message, or null
 * @param milestonesP50Ms medians over the viewers of the time to an open WebSocket (token included), the answer, the ICE check, DTLS and the first video packet
 */
public record JoinResult(int viewers, int failed, double p50Ms, double p99Ms, double maxMs, double allJoinedMs,
    double[] sortedMs, String firstError, double[] milestonesP50Ms) {}
