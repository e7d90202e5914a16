package dev.odeon.loadtest.scenario;

import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.client.SignalingClient;
import dev.odeon.loadtest.client.UdpLoop;
import dev.odeon.loadtest.server.ServerUnderTest;
import dev.odeon.sfu.dtls.DtlsCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server under test plus the synthetic clients of one run: one UDP loop, one HTTP client for the
 * dev tokens and WebSockets, a keepalive every 20 s on every socket. Peers share one DTLS certificate
 * (a browser generates its certificate before it joins, so this keeps key generation out of the
 * join time without changing the handshake).
 */
final class Fleet implements AutoCloseable {
  final ServerUnderTest server;
  final UdpLoop loop;
  final String stream;
  private final Options options;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final DtlsCertificate cert = DtlsCertificate.generate(java.time.Instant.now());
  private final Random rnd = new Random(1);
  private final List<SignalingClient> sockets = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "loadtest-keepalive");
    t.setDaemon(true);
    return t;
  });

  Fleet(Options options) throws IOException, InterruptedException {
    this.options = options;
    this.server = options.target() != null
        ? ServerUnderTest.target(options.target(), options.targetPid())
        : ServerUnderTest.start(options.serverJar(), options.serverJvmArgs());
    this.loop = new UdpLoop();
    this.stream = "load-" + Long.toHexString(System.nanoTime());
    timer.scheduleAtFixedRate(() -> sockets.forEach(s -> s.keepalive().exceptionally(e -> null)), 20, 20,
        TimeUnit.SECONDS);
  }

  /** For the scenarios' own command data. */
  static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** The certificate every synthetic peer shares. */
  DtlsCertificate cert() {
    return cert;
  }

  URI base() {
    return server.base();
  }

  Peer newPublisher() {
    return Peer.publisher(cert, rnd);
  }

  Peer newViewer() {
    return Peer.viewer(cert, rnd);
  }

  /** Signals the peer (token, WebSocket, publish or view) and connects its media; completes when SRTP is up. */
  CompletableFuture<Peer> join(Peer peer) {
    return join(peer, ws -> peer.isPublisher() ? ws.publish(peer.offer()) : ws.view(peer.offer()));
  }

  /** As {@link #join(Peer)}, with the peer's own publish or view command ({@code signal}: socket to answer SDP). */
  CompletableFuture<Peer> join(Peer peer, java.util.function.Function<SignalingClient, CompletableFuture<String>> signal) {
    peer.markJoinStart(System.nanoTime());
    return SignalingClient.connect(http, server.base(), stream, peer.isPublisher() ? "publisher" : "viewer")
        .thenCompose(ws -> {
          peer.markSocketOpen();
          sockets.add(ws);
          return signal.apply(ws);
        })
        .thenCompose(answer -> {
          peer.setAnswer(answer);
          return loop.add(peer, options.videoBitsPerSecond());
        });
  }

  /** A signaling connection without media (dev token with {@code extraQuery}), kept alive like the peers'. */
  CompletableFuture<SignalingClient> connect(String role, String extraQuery) {
    return SignalingClient.connect(http, server.base(), stream, role, extraQuery).thenApply(ws -> {
      sockets.add(ws);
      return ws;
    });
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    sockets.forEach(SignalingClient::close);
    loop.close();
    server.close();
  }
}
