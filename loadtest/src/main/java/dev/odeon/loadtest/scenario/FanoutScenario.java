package dev.odeon.loadtest.scenario;

import dev.odeon.loadtest.client.UdpLoop;
import dev.odeon.loadtest.server.MeasuredProcess;
import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.report.Histogram;
import dev.odeon.loadtest.server.ProcStat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code fanout}: one synthetic publisher, N synthetic viewers. Viewers join in batches; once all of
 * them receive video the generator measures one window: server CPU from /proc, packets every viewer
 * received (loss against what the publisher sent), the added delay of each packet. With a ramp it
 * repeats for growing N on the same server and stops after the first step that fails
 * {@link FanoutStep#passes()}.
 */
public final class FanoutScenario {
  private static final int JOIN_BATCH = 50;
  private final Options options;
  private final Consumer<String> log;

  public FanoutScenario(Options options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** The viewer counts a run measures: just {@code viewers}, or 10, 25, 50, 100, 200, ... up to it. */
  static List<Integer> steps(Options o) {
    List<Integer> steps = new ArrayList<>();
    if (o.ramp()) {
      for (int n : new int[] {10, 25, 50, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1500, 2000}) {
        if (n < o.viewers()) {
          steps.add(n);
        }
      }
    }
    steps.add(o.viewers());
    return steps;
  }

  public List<FanoutStep> run() throws Exception {
    List<FanoutStep> results = new ArrayList<>();
    try (Fleet fleet = new Fleet(options)) {
      log.accept("server " + fleet.base() + " pid " + fleet.server.pid());
      Peer publisher = fleet.newPublisher();
      fleet.join(publisher).get(30, TimeUnit.SECONDS);
      Thread.sleep(500); // Let the first keyframe and the server's allocations settle before the baseline.
      long rssBase = fleet.server.rssKiB();
      List<Peer> viewers = new ArrayList<>();
      for (int n : steps(options)) {
        try {
          addViewers(fleet, viewers, n);
        } catch (Exception e) {
          if (!options.ramp() || results.isEmpty()) {
            throw e;
          }
          log.accept("ramp ends: " + n + " viewers could not all join (" + e.getMessage() + ")");
          break;
        }
        FanoutStep step = measure(fleet.server, fleet.loop, viewers, rssBase, options.seconds());
        log(step);
        if (options.ramp() && !step.passes()) {
          // On a shared machine one window can catch another process's burst: measure once more.
          step = measure(fleet.server, fleet.loop, viewers, rssBase, options.seconds());
          log(step);
        }
        results.add(step);
        if (options.ramp() && !step.passes()) {
          break;
        }
      }
    }
    return results;
  }

  private void log(FanoutStep s) {
    log.accept(String.format("%d viewers: %.0f fwd pkt/s, %.2f ms CPU/1k pkts, loss %.3f%%, p50 %.2f ms, p99 %.2f ms,"
        + " load %.1f", s.viewers(), s.forwardedPps(), s.cpuPerKPackets(), s.lossPct(), s.p50Ms(), s.p99Ms(), s.loadAvg()));
  }

  private void addViewers(Fleet fleet, List<Peer> viewers, int target) throws Exception {
    while (viewers.size() < target) {
      List<CompletableFuture<Peer>> batch = new ArrayList<>();
      for (int i = 0; i < JOIN_BATCH && viewers.size() < target; i++) {
        Peer v = fleet.newViewer();
        viewers.add(v);
        batch.add(fleet.join(v));
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    // Every viewer must be receiving video (first keyframe) before the window opens.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (viewers.stream().anyMatch(v -> v.firstVideoNanos() == 0)) {
      if (System.nanoTime() > deadline) {
        long missing = viewers.stream().filter(v -> v.firstVideoNanos() == 0).count();
        throw new IOException(missing + " of " + viewers.size() + " viewers got no video within 30 s");
      }
      Thread.sleep(20);
    }
    Thread.sleep(1000); // Settle: the joins' handshakes and keyframe bursts stay out of the window.
  }

  /**
   * One measurement window of a fanout step: opens the loop's window for {@code windowSeconds}, then reads
   * what the viewers received, their added delay, and the server's CPU and memory over the window.
   * Shared by the Odeon and the Janus runs so both are measured the same way.
   */
  public static FanoutStep measure(MeasuredProcess server, UdpLoop loop, List<Peer> viewers, long rssBase,
      int windowSeconds) throws Exception {
    long self = ProcessHandle.current().pid();
    long genCpu0 = ProcStat.cpuNanos(self);
    long[] udp0 = ProcStat.udpBufferErrors();
    long cpu0 = server.cpuNanos();
    long t0 = System.nanoTime();
    loop.openWindow().get(5, TimeUnit.SECONDS);
    Thread.sleep(windowSeconds * 1000L);
    int[] sent = loop.closeWindow().get(5, TimeUnit.SECONDS);
    long t1 = System.nanoTime();
    long cpu1 = server.cpuNanos();
    long genCpu1 = ProcStat.cpuNanos(self);
    long rss = server.rssKiB();
    long[] udp1 = ProcStat.udpBufferErrors();
    Thread.sleep(500); // Packets sent before the window closed may still be in flight.
    Histogram h = loop.delays().get(5, TimeUnit.SECONDS);
    long received = 0;
    long fewest = Long.MAX_VALUE;
    for (Peer v : viewers) {
      long r = v.windowReceived(0) + v.windowReceived(1);
      received += r;
      fewest = Math.min(fewest, r);
    }
    long perViewer = sent[0] + sent[1];
    double worst = perViewer == 0 ? 100 : 100.0 * Math.max(0, perViewer - fewest) / perViewer;
    long expected = (long) (sent[0] + sent[1]) * viewers.size();
    double seconds = (t1 - t0) / 1e9;
    double serverCpuMs = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e6;
    double perK = serverCpuMs < 0 || received == 0 ? -1 : serverCpuMs / (received / 1000.0);
    double loss = expected == 0 ? 100 : 100.0 * Math.max(0, expected - received) / expected;
    double rssPerViewer = rss < 0 || rssBase < 0 ? -1 : (double) (rss - rssBase) / viewers.size();
    return new FanoutStep(viewers.size(), seconds, received, received / seconds, perK, loss, h.percentileMs(50),
        h.percentileMs(99), h.maxMs(), rssPerViewer, serverCpuMs < 0 ? -1 : serverCpuMs / 10.0 / seconds,
        (genCpu1 - genCpu0) / 1e7 / seconds, worst, udp1[0] - udp0[0], udp1[1] - udp0[1], ProcStat.loadAverage());
  }
}
