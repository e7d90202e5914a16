package dev.odeon.loadtest.scenario;

import dev.odeon.loadtest.client.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code join}: a publisher is live, then N viewers start joining at the same instant, each with its
 * own token request, WebSocket, {@code view} command, ICE check, DTLS handshake and SRTP session. The
 * figure is each viewer's time from that instant to its first decrypted video packet (the server
 * starts every viewer on a keyframe, so that packet begins a decodable frame). Five viewers join
 * first and stay, so both JVMs are warm and the stream is already watched, as on a live server.
 */
public final class JoinScenario {
  private static final long DEADLINE_SECONDS = 60;
  private static final int WARM_VIEWERS = 5;
  private final Options options;
  private final Consumer<String> log;

  public JoinScenario(Options options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  public JoinResult run() throws Exception {
    try (Fleet fleet = new Fleet(options)) {
      log.accept("server " + fleet.base() + " pid " + fleet.server.pid());
      fleet.join(fleet.newPublisher()).get(30, TimeUnit.SECONDS);
      // A few viewers are already watching (both JVMs warm, the stream live) when the crowd arrives.
      List<CompletableFuture<Peer>> early = new ArrayList<>();
      for (int i = 0; i < WARM_VIEWERS; i++) {
        early.add(fleet.join(fleet.newViewer()));
      }
      CompletableFuture.allOf(early.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      Thread.sleep(2000);
      List<Peer> viewers = new ArrayList<>();
      for (int i = 0; i < options.viewers(); i++) {
        viewers.add(fleet.newViewer());
      }
      long start = System.nanoTime();
      List<CompletableFuture<Peer>> joins = new ArrayList<>();
      for (Peer v : viewers) {
        joins.add(fleet.join(v));
      }
      for (Peer v : viewers) {
        v.markJoinStart(start);
      }
      long deadline = start + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      while (System.nanoTime() < deadline) {
        boolean done = true;
        for (int i = 0; i < viewers.size() && done; i++) {
          done = viewers.get(i).firstVideoNanos() != 0 || joins.get(i).isCompletedExceptionally();
        }
        if (done) {
          break;
        }
        Thread.sleep(10);
      }
      List<Double> times = new ArrayList<>();
      String firstError = null;
      for (int i = 0; i < viewers.size(); i++) {
        long first = viewers.get(i).firstVideoNanos();
        if (first != 0) {
          times.add((first - start) / 1e6);
        } else if (firstError == null) {
          firstError = joins.get(i).isCompletedExceptionally()
              ? joins.get(i).handle((p, e) -> String.valueOf(e)).join()
              : "no video within " + DEADLINE_SECONDS + " s (phase " + viewers.get(i).phase() + ")";
        }
      }
      double[] milestones = new double[5];
      for (int m = 0; m < milestones.length; m++) {
        final int k = m;
        double[] ms = viewers.stream().mapToLong(v -> v.milestones()[k]).filter(x -> x >= 0)
            .mapToDouble(x -> x / 1e6).sorted().toArray();
        milestones[m] = percentile(ms, 50);
      }
      double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int failed = viewers.size() - sorted.length;
      log.accept(String.format("join: %d of %d viewers got video, %d failed", sorted.length, viewers.size(), failed));
      return new JoinResult(viewers.size(), failed, percentile(sorted, 50), percentile(sorted, 99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1], sorted.length == 0 ? 0 : sorted[sorted.length - 1],
          sorted, firstError, milestones);
    }
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
