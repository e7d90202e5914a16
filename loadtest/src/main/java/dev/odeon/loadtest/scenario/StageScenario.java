package dev.odeon.loadtest.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.loadtest.client.MediaSource;
import dev.odeon.loadtest.client.Offers;
import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.report.Histogram;
import dev.odeon.loadtest.server.ProcStat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code stage}: S scripted speakers publish into one stream as sources {@code speaker-1..S}; they
 * talk in turn, {@value #TURN_MILLIS} ms each (audio level -30 dBov while talking, 127 = silence
 * otherwise), with the audio level extension. N viewers each offer 1 + {@value #SLOTS} recvonly audio
 * sections, ask for {@code multiplexedAudioTracks: 3} and exclude one speaker (viewer i excludes
 * speaker i mod S). With S >= 6 the eligible speakers outnumber the slots, so the turns move
 * speakers in and out of the slots and every turn produces {@code vad} events. With a ramp, N grows
 * as in {@code fanout} on the same server and speakers.
 */
public final class StageScenario {
  static final int SLOTS = 3;
  static final int TURN_MILLIS = 1500;
  private static final int JOIN_BATCH = 50;
  private static final int TALKING_LEVEL = 30;
  private static final int SILENT_LEVEL = 127;
  private final Options options;
  private final int speakers;
  private final Consumer<String> log;
  private final Histogram delays = new Histogram();
  private final List<StageViewer> states = new ArrayList<>();
  /** Speaker-1's media: its packet counts give the nominal load (created and read on the loop thread). */
  private MediaSource speakerOne;

  public StageScenario(Options options, int speakers, Consumer<String> log) {
    this.options = options;
    this.speakers = speakers;
    this.log = log;
  }

  public List<StageStep> run() throws Exception {
    List<StageStep> results = new ArrayList<>();
    try (Fleet fleet = new Fleet(options)) {
      log.accept("server " + fleet.base() + " pid " + fleet.server.pid() + ", " + speakers + " speakers");
      long epoch = System.nanoTime();
      Random rnd = new Random(7);
      List<CompletableFuture<Peer>> joins = new ArrayList<>();
      for (int i = 0; i < speakers; i++) {
        int index = i;
        Peer p = Peer.publisher(fleet.cert(), rnd,
            now -> speaker(index, epoch, now));
        ObjectNode data = Fleet.JSON.createObjectNode().put("sdp", p.offer()).put("sourceId", sourceId(i));
        joins.add(fleet.join(p, ws -> ws.command("publish", data).thenApply(d -> d.path("sdp").asText())));
        // Publish order decides the main source: speaker-1 first.
        joins.get(i).get(30, TimeUnit.SECONDS);
      }
      Thread.sleep(500);
      List<Peer> viewers = new ArrayList<>();
      for (int n : FanoutScenario.steps(options)) {
        try {
          addViewers(fleet, rnd, viewers, n);
        } catch (Exception e) {
          if (!options.ramp() || results.isEmpty()) {
            throw e;
          }
          log.accept("ramp ends: " + n + " viewers could not all join (" + e.getMessage() + ")");
          break;
        }
        StageStep step = measure(fleet, viewers.size());
        log(step);
        if (options.ramp() && !step.passes()) {
          step = measure(fleet, viewers.size()); // A shared machine: one more try.
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

  static String sourceId(int speakerIndex) {
    return "speaker-" + (speakerIndex + 1);
  }

  /** Speaker {@code index} talks during turn {@code index} of every round of S turns, counted from {@code epoch}. */
  private MediaSource speaker(int index, long epoch, long now) {
    int offset = (int) ((now - epoch) / 20_000_000L); // Audio packets since the epoch: 50 per second.
    int perTurn = TURN_MILLIS / 20;
    MediaSource source = new MediaSource(0x11110001 + index, 0x22220001 + index, options.videoBitsPerSecond(), now,
        index + 1, k -> ((k + offset) / perTurn) % speakers == index ? TALKING_LEVEL : SILENT_LEVEL);
    if (index == 0) {
      speakerOne = source;
    }
    return source;
  }

  private void addViewers(Fleet fleet, Random rnd, List<Peer> viewers, int target) throws Exception {
    while (viewers.size() < target) {
      List<CompletableFuture<Peer>> batch = new ArrayList<>();
      for (int i = 0; i < JOIN_BATCH && viewers.size() < target; i++) {
        int excluded = viewers.size() % speakers;
        StageViewer state = new StageViewer(excluded + 1, delays);
        Peer v = Peer.viewer(fleet.cert(), rnd, ice -> Offers.multiplexedViewer(ice, fleet.cert(), SLOTS), state);
        ObjectNode data = Fleet.JSON.createObjectNode().put("sdp", v.offer()).put("multiplexedAudioTracks", SLOTS);
        data.putArray("excludedSourceIds").add(sourceId(excluded));
        viewers.add(v);
        states.add(state);
        batch.add(fleet.join(v, ws -> {
          ws.onEvent(e -> {
            if ("vad".equals(e.path("name").asText())) {
              state.vadEvents.incrementAndGet();
            }
          });
          return ws.command("view", data).thenApply(d -> d.path("sdp").asText());
        }));
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (states.stream().anyMatch(s -> !s.gotVideo || !s.gotAudio || s.vadEvents.get() == 0)) {
      if (System.nanoTime() > deadline) {
        long missing = states.stream().filter(s -> !s.gotVideo || !s.gotAudio || s.vadEvents.get() == 0).count();
        throw new IOException(missing + " of " + states.size() + " viewers got no audio, video or vad within 30 s");
      }
      Thread.sleep(20);
    }
    Thread.sleep(1000);
  }

  private StageStep measure(Fleet fleet, int viewers) throws Exception {
    long self = ProcessHandle.current().pid();
    long vad0 = states.stream().mapToLong(s -> s.vadEvents.get()).sum();
    long genCpu0 = ProcStat.cpuNanos(self);
    long cpu0 = fleet.server.cpuNanos();
    long t0 = System.nanoTime();
    // Speaker-1's packet counts and the viewers' window change together, on the loop thread.
    int[] first = fleet.loop.call(() -> {
      delays.reset();
      long start = System.nanoTime();
      states.forEach(v -> v.open(start));
      return new int[] {speakerOne.audioSent(), speakerOne.videoSent()};
    }).get(5, TimeUnit.SECONDS);
    Thread.sleep(options.seconds() * 1000L);
    int[] sent = fleet.loop.call(() -> {
      long end = System.nanoTime();
      states.forEach(v -> v.end(end));
      return new int[] {speakerOne.audioSent() - first[0], speakerOne.videoSent() - first[1]};
    }).get(5, TimeUnit.SECONDS);
    long t1 = System.nanoTime();
    long cpu1 = fleet.server.cpuNanos();
    long genCpu1 = ProcStat.cpuNanos(self);
    Thread.sleep(500); // Packets sent before the window closed may still be in flight.
    fleet.loop.call(() -> {
      states.forEach(StageViewer::close);
      return null;
    }).get(5, TimeUnit.SECONDS);
    long vad1 = states.stream().mapToLong(s -> s.vadEvents.get()).sum();
    Histogram h = fleet.loop.call(() -> {
      Histogram copy = new Histogram();
      copy.addAll(delays);
      return copy;
    }).get(5, TimeUnit.SECONDS);
    long[] totals = fleet.loop.call(() -> new long[] {
        states.stream().mapToLong(s -> s.received).sum(),
        states.stream().mapToLong(s -> s.expected).sum(),
        states.stream().mapToLong(s -> s.leaks).sum(),
        states.stream().mapToInt(s -> Long.bitCount(s.speakersHeard)).min().orElse(0)}).get(5, TimeUnit.SECONDS);
    double seconds = (t1 - t0) / 1e9;
    double serverCpuMs = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e6;
    double perK = serverCpuMs < 0 || totals[0] == 0 ? -1 : serverCpuMs / (totals[0] / 1000.0);
    // Every viewer should get the main source's audio and video and audio in every multiplexed slot
    // (S - 2 speakers are eligible: all but the excluded and the main one); all speakers send alike.
    // A slot switch rebinds on a packet boundary and may skip one 20-ms frame (the new speaker's packets
    // are not in phase with the old one's): each vad event in the window allows one packet less.
    long nominal = (long) viewers * ((long) sent[0] * (1 + Math.max(0, Math.min(SLOTS, speakers - 2))) + sent[1])
        - (vad1 - vad0);
    double gapLoss = totals[1] == 0 ? 100 : 100.0 * Math.max(0, totals[1] - totals[0]) / totals[1];
    double shortfall = nominal == 0 ? 100 : 100.0 * Math.max(0, nominal - totals[0]) / nominal;
    double loss = Math.max(gapLoss, shortfall);
    return new StageStep(viewers, speakers, seconds, totals[0], totals[0] / seconds, vad1 - vad0, vad1, totals[2],
        loss, gapLoss, h.percentileMs(50), h.percentileMs(99), h.maxMs(), perK,
        serverCpuMs < 0 ? -1 : serverCpuMs / 10.0 / seconds, (genCpu1 - genCpu0) / 1e7 / seconds,
        (int) totals[3], ProcStat.loadAverage());
  }

  private void log(StageStep s) {
    log.accept(String.format("stage %d viewers: %.0f fwd pkt/s, %.2f ms CPU/1k, loss %.3f%%, p50 %.2f ms, p99 %.2f ms,"
        + " vad %d, leaks %d, load %.1f", s.viewers(), s.forwardedPps(), s.cpuPerKPackets(), s.lossPct(), s.p50Ms(),
        s.p99Ms(), s.vadEvents(), s.excludedLeaks(), s.loadAvg()));
  }
}
