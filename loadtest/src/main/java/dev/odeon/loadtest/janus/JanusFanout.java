package dev.odeon.loadtest.janus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.loadtest.client.Offers;
import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.client.UdpLoop;
import dev.odeon.loadtest.report.Histogram;
import dev.odeon.loadtest.scenario.FanoutStep;
import dev.odeon.loadtest.scenario.Options;
import dev.odeon.loadtest.server.ProcStat;
import dev.odeon.sfu.dtls.DtlsCertificate;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code fanout} on Janus's VideoRoom with the same synthetic publisher and viewers as on Odeon:
 * the publisher {@code joinandconfigure}s with its offer and takes Janus's answer; each viewer joins
 * as a subscriber to the publisher's feed, answers Janus's offer ({@link JanusSdp}) and
 * {@code start}s. Then one window is measured the way {@code FanoutScenario} measures Odeon, with
 * Janus's process CPU from /proc. Must run where Janus can gather candidates: see {@link NetNamespace}.
 */
public final class JanusFanout {
  /** The SSRCs {@code UdpLoop} gives the publisher's {@code MediaSource}; Janus matches packets to them. */
  private static final int AUDIO_SSRC = 0x11110001;
  private static final int VIDEO_SSRC = 0x22220001;
  private static final long ROOM = 4242;
  private static final int JOIN_BATCH = 50;
  private final Options options;
  private final Consumer<String> log;

  public JanusFanout(Options options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** Measures one window with {@code viewers} viewers. */
  public FanoutStep run(int viewers) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    DtlsCertificate cert = DtlsCertificate.generate(java.time.Instant.now());
    Random rnd = new Random(2);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "loadtest-janus-keepalive");
      t.setDaemon(true);
      return t;
    });
    try (JanusServer janus = JanusServer.start(); UdpLoop loop = new UdpLoop()) {
      log.accept("janus " + janus.uri() + " pid " + janus.pid());
      try (JanusApi api = JanusApi.connect(http, janus.uri())) {
        timer.scheduleAtFixedRate(() -> api.keepalive().exceptionally(e -> null), 25, 25, TimeUnit.SECONDS);
        long admin = api.attach("janus.plugin.videoroom").get(10, TimeUnit.SECONDS);
        api.message(admin, JanusApi.body().put("request", "create").put("room", ROOM).put("publishers", 1)
            .put("audiocodec", "opus").put("videocodec", "vp8").put("bitrate", 0).put("notify_joining", false),
            null, null).get(10, TimeUnit.SECONDS);
        Peer publisher = Peer.publisher(cert, rnd);
        String offer = Offers.publisher(publisher.iceCredentials(), cert, AUDIO_SSRC, VIDEO_SSRC);
        long ph = api.attach("janus.plugin.videoroom").get(10, TimeUnit.SECONDS);
        publisher.markJoinStart(System.nanoTime());
        JsonNode joined = api.message(ph, JanusApi.body().put("request", "joinandconfigure").put("room", ROOM)
            .put("ptype", "publisher").put("display", "loadtest"), "offer", offer).get(20, TimeUnit.SECONDS);
        long feed = joined.path("plugindata").path("data").path("id").asLong();
        publisher.setAnswer(sdp(joined, "answer"));
        try {
          CompletableFuture<Peer> up = loop.add(publisher, options.videoBitsPerSecond());
          int port = loop.call(publisher::localPort).get(5, TimeUnit.SECONDS);
          api.trickle(ph, port).get(5, TimeUnit.SECONDS);
          up.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IOException("publisher's ICE/DTLS with Janus failed: " + e.getMessage() + "\njanus log:\n" + janus.log(), e);
        }
        Thread.sleep(500);
        long rssBase = janus.rssKiB();
        List<Peer> peers = new ArrayList<>();
        while (peers.size() < viewers) {
          List<CompletableFuture<Peer>> batch = new ArrayList<>();
          for (int i = 0; i < JOIN_BATCH && peers.size() < viewers; i++) {
            Peer v = Peer.viewer(cert, rnd);
            peers.add(v);
            batch.add(subscribe(api, loop, v, feed));
          }
          try {
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IOException("a viewer's join on Janus failed: " + e.getMessage() + "\njanus log:\n" + janus.log(), e);
          }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (peers.stream().anyMatch(v -> v.firstVideoNanos() == 0)) {
          if (System.nanoTime() > deadline) {
            long missing = peers.stream().filter(v -> v.firstVideoNanos() == 0).count();
            throw new IOException(missing + " of " + peers.size() + " viewers got no video from Janus within 30 s");
          }
          Thread.sleep(20);
        }
        Thread.sleep(1000);
        return measure(janus, loop, peers, rssBase);
      }
    } finally {
      timer.shutdownNow();
    }
  }

  private CompletableFuture<Peer> subscribe(JanusApi api, UdpLoop loop, Peer v, long feed) {
    v.markJoinStart(System.nanoTime());
    return api.attach("janus.plugin.videoroom").thenCompose(handle -> {
      var body = JanusApi.body().put("request", "join").put("room", ROOM).put("ptype", "subscriber");
      body.putArray("streams").addObject().put("feed", feed);
      return api.message(handle, body, null, null).thenCompose(attached -> {
        String janusOffer = sdp(attached, "offer");
        v.setAnswer(janusOffer);
        v.setIceControlled();
        String answer = JanusSdp.answer(janusOffer, v.iceCredentials(), v.certificate());
        return api.message(handle, JanusApi.body().put("request", "start").put("room", ROOM), "answer", answer);
      }).thenCompose(started -> {
        CompletableFuture<Peer> up = loop.add(v, options.videoBitsPerSecond());
        return loop.call(v::localPort).thenCompose(port -> api.trickle(handle, port)).thenCompose(ack -> up);
      });
    });
  }

  private static String sdp(JsonNode reply, String type) {
    JsonNode jsep = reply.path("jsep");
    if (!type.equals(jsep.path("type").asText())) {
      throw new IllegalStateException("janus sent no " + type + ": " + reply);
    }
    return jsep.path("sdp").asText();
  }

  private FanoutStep measure(JanusServer janus, UdpLoop loop, List<Peer> viewers, long rssBase) throws Exception {
    long self = ProcessHandle.current().pid();
    long genCpu0 = ProcStat.cpuNanos(self);
    long[] udp0 = ProcStat.udpBufferErrors();
    long cpu0 = janus.cpuNanos();
    long t0 = System.nanoTime();
    loop.openWindow().get(5, TimeUnit.SECONDS);
    Thread.sleep(options.seconds() * 1000L);
    int[] sent = loop.closeWindow().get(5, TimeUnit.SECONDS);
    long t1 = System.nanoTime();
    long cpu1 = janus.cpuNanos();
    long genCpu1 = ProcStat.cpuNanos(self);
    long rss = janus.rssKiB();
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
    long expected = perViewer * viewers.size();
    double seconds = (t1 - t0) / 1e9;
    double cpuMs = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e6;
    double perK = cpuMs < 0 || received == 0 ? -1 : cpuMs / (received / 1000.0);
    double loss = expected == 0 ? 100 : 100.0 * Math.max(0, expected - received) / expected;
    double rssPerViewer = rss < 0 || rssBase < 0 ? -1 : (double) (rss - rssBase) / viewers.size();
    return new FanoutStep(viewers.size(), seconds, received, received / seconds, perK, loss, h.percentileMs(50),
        h.percentileMs(99), h.maxMs(), rssPerViewer, cpuMs < 0 ? -1 : cpuMs / 10.0 / seconds,
        (genCpu1 - genCpu0) / 1e7 / seconds, worst, udp1[0] - udp0[0], udp1[1] - udp0[1], ProcStat.loadAverage());
  }
}
