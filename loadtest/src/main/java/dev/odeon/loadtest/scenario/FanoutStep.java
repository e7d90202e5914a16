package dev.odeon.loadtest.scenario;

/**
 * One measured fan-out window.
 *
 * @param viewers connected viewers during the window
 * @param seconds window length (wall clock)
 * @param forwarded stamped packets the viewers received in the window
 * @param forwardedPps forwarded / seconds
 * @param cpuPerKPackets ms of server CPU per 1,000 forwarded packets (= µs per packet); -1 unknown
 * @param lossPct 100 x (1 - received / (sent x viewers))
 * @param p50Ms median added delay, publisher send to viewer receive
 * @param p99Ms 99th percentile added delay
 * @param maxMs worst added delay
 * @param rssPerViewerKiB server RSS growth since before the first viewer, per viewer; -1 unknown
 * @param serverCpuPct server CPU over the window, % of one core
 * @param generatorCpuPct the generator's own CPU over the window, % of one core
 * @param worstViewerLossPct the loss of the viewer that lost most (equal to lossPct when the loss is upstream)
 * @param udpRcvbufErrors datagrams the kernel dropped at full receive buffers during the window (machine-wide)
 * @param udpSndbufErrors datagrams dropped at full send buffers during the window (machine-wide)
 * @param loadAvg the machine's 1-minute load average at the end of the window (other work competes)
 */
public record FanoutStep(int viewers, double seconds, long forwarded, double forwardedPps, double cpuPerKPackets,
    double lossPct, double p50Ms, double p99Ms, double maxMs, double rssPerViewerKiB, double serverCpuPct,
    double generatorCpuPct, double worstViewerLossPct, long udpRcvbufErrors, long udpSndbufErrors, double loadAvg) {

  /** The pass criterion for a ramp step: loss below 0.5% and p99 added delay below 50 ms. */
  public boolean passes() {
    return lossPct < 0.5 && p99Ms < 50 && forwarded > 0;
  }
}
