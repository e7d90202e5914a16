package dev.odeon.loadtest.janus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.loadtest.client.Offers;
import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.client.UdpLoop;
import dev.odeon.loadtest.scenario.FanoutScenario;
import dev.odeon.loadtest.scenario.FanoutStep;
import dev.odeon.loadtest.scenario.Options;
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
        return FanoutScenario.measure(janus, loop, peers, rssBase, options.seconds());
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

}
