package dev.odeon.loadtest.scenario;

/**
 * One measured stage window.
 *
 * @param viewers viewers during the window (each with 1 + 3 audio receive slots, each excluding one speaker)
 * @param speakers scripted speakers publishing
 * @param seconds window length (wall clock)
 * @param received stamped packets the viewers received in the window
 * @param forwardedPps received / seconds
 * @param vadEvents {@code vad} events the viewers received during the window
 * @param vadEventsTotal {@code vad} events since the viewers joined
 * @param excludedLeaks packets of a viewer's excluded speaker that reached that viewer, since joining (must be 0)
 * @param lossPct the larger of {@code slotGapLossPct} and the shortfall against what speaker-1 sent in the
 *     window times the slots every viewer fills (main audio + video, min(3, S - 2) multiplexed audio),
 *     less one packet per {@code vad} switch in the window (a switch may skip one 20-ms frame)
 * @param slotGapLossPct 100 x the gaps in the slots' RTP sequence numbers / the packets those sequences span
 * @param p50Ms median added delay, speaker send to viewer receive
 * @param p99Ms 99th percentile added delay
 * @param maxMs worst added delay
 * @param cpuPerKPackets ms of server CPU per 1,000 forwarded packets; -1 unknown
 * @param serverCpuPct server CPU over the window, % of one core
 * @param generatorCpuPct the generator's CPU over the window, % of one core
 * @param minSpeakersHeard the fewest distinct speakers any viewer has heard since joining (by stamp)
 * @param loadAvg the machine's 1-minute load average at the end of the window
 */
public record StageStep(int viewers, int speakers, double seconds, long received, double forwardedPps,
    long vadEvents, long vadEventsTotal, long excludedLeaks, double lossPct, double slotGapLossPct, double p50Ms, double p99Ms,
    double maxMs, double cpuPerKPackets, double serverCpuPct, double generatorCpuPct, int minSpeakersHeard, double loadAvg) {

  /** The ramp's pass criterion: loss below 0.5%, p99 added delay below 50 ms, no leak. */
  public boolean passes() {
    return lossPct < 0.5 && p99Ms < 50 && received > 0 && excludedLeaks == 0;
  }
}
