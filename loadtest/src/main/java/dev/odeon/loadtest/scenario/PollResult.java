package dev.odeon.loadtest.scenario;

/**
 * The outcome of a {@code poll} run.
 *
 * @param voters WebSocket voters joined to the stream's interactive session
 * @param storms polls run, one vote storm each
 * @param votesSent votes the voters sent (one per voter per storm)
 * @param votesCounted the sum of the {@code poll.result} totals the backend received
 * @param votesPerSecond votes sent / seconds from the storm's first vote until the server's
 *     {@code odeon_relay_votes_total} counter showed all of them, averaged over the storms
 * @param sendSeconds mean time the generator needed to send one storm
 * @param cpuPerKVotes ms of server CPU per 1,000 votes over the storms (first vote to full tally); -1 unknown
 * @param tallyLatencyMs median over the storms of the time from the last vote sent to the first
 *     {@code poll.tally} counting every vote (tallies go out once a second)
 * @param tallyLatencyMaxMs the slowest of those
 * @param relayErrors relay {@code error} events the voters received (e.g. {@code rate_limited})
 * @param firstError the first of them, or null
 */
public record PollResult(int voters, int storms, long votesSent, long votesCounted, double votesPerSecond,
    double sendSeconds, double cpuPerKVotes, double tallyLatencyMs, double tallyLatencyMaxMs, long relayErrors,
    String firstError) {

  /** Every vote sent was counted exactly once and no voter got an error. */
  public boolean exact() {
    return votesSent == votesCounted && relayErrors == 0 && votesSent > 0;
  }
}
