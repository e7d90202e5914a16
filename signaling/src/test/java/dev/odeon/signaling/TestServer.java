package dev.odeon.signaling;

import dev.odeon.signaling.auth.MintedToken;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenRequest;
import dev.odeon.signaling.auth.TokenService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A signaling server on an ephemeral loopback port over a {@link FakeMediaService}. */
public final class TestServer implements AutoCloseable {
  private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();
  public static final String KEY = "testkey";
  public static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";

  public final FakeMediaService media = new FakeMediaService();
  public final TokenService tokens = TokenService.single(KEY, SECRET);
  public final SignalingServer server;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TestServer(boolean devMode) throws InterruptedException {
    server =
        new SignalingServer(
            new SignalingConfig("127.0.0.1", 0, devMode, "testweb/", Duration.ofSeconds(60)),
            tokens,
            media,
            Clock.systemUTC());
    server.start();
    server.markReady();
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  public URI ws(String token) {
    return URI.create("ws://127.0.0.1:" + server.port() + "/ws" + (token == null ? "" : "?token=" + token));
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public String token(Role role, String stream, String sourceId) {
    MintedToken minted =
        tokens.mint(
            new TokenRequest("tester-" + COUNTER.incrementAndGet(), stream, role, sourceId, TokenRequest.defaultGrants(role), null),
            Instant.now());
    return minted.token();
  }

  @Override
  public void close() {
    server.close();
  }
}
