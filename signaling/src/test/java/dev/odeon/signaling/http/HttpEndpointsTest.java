package dev.odeon.signaling.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.signaling.FakeMediaService;
import dev.odeon.signaling.SignalingConfig;
import dev.odeon.signaling.SignalingServer;
import dev.odeon.signaling.TestServer;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenClaims;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    return Json.parse(response.body());
  }

  @Test
  void healthzIsOk() throws Exception {
    HttpResponse<String> response = server.get("/healthz");
    assertEquals(200, response.statusCode());
    assertEquals("ok", json(response).get("status").asText());
  }

  @Test
  void healthzIs503UntilReady() throws Exception {
    SignalingServer starting = new SignalingServer(
        SignalingConfig.of("127.0.0.1", 0, true), server.tokens, new FakeMediaService(), Clock.systemUTC());
    starting.start();
    try {
      HttpResponse<String> response = server.http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + starting.port() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(503, response.statusCode());
      assertEquals("starting", json(response).get("status").asText());
    } finally {
      starting.close();
    }
  }

  @Test
  void webSocketPathWithoutUpgradeIs400AfterTheTokenCheck() throws Exception {
    HttpResponse<String> response = server.get("/ws?token=" + server.token(Role.VIEWER, "demo", null));
    assertEquals(400, response.statusCode());
    assertEquals("bad_request", json(response).get("error").get("code").asText());
  }

  @Test
  void metricsExposeEngineAndSignalingNames() throws Exception {
    HttpResponse<String> response = server.get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    String body = response.body();
    for (String name : new String[] {"odeon_sessions", "odeon_publishers", "odeon_viewers",
        "odeon_packets_in_total 100", "odeon_bytes_in_total", "odeon_packets_out_total", "odeon_bytes_out_total",
        "odeon_dropped_packets_total{reason=\"srtp_auth_failed\"}", "odeon_ws_connections",
        "odeon_ws_rejected_frames_total"}) {
      assertTrue(body.contains(name), name + " missing from\n" + body);
    }
  }

  @Test
  void indexAndPagesAreServedAsHtml() throws Exception {
    HttpResponse<String> index = server.get("/");
    assertEquals(200, index.statusCode());
    assertEquals("text/html; charset=utf-8", index.headers().firstValue("content-type").orElse(""));
    assertTrue(index.body().contains("Odeon test index"));
    assertTrue(server.get("/watch").body().contains("Odeon test watch"));
    HttpResponse<String> js = server.get("/app.js");
    assertEquals(200, js.statusCode());
    assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void traversalIsRefused() throws Exception {
    int status = server.get("/..%2f..%2fetc/passwd").statusCode();
    assertTrue(status == 400 || status == 404, "status " + status);
    assertTrue(raw("GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .matches("(?s)HTTP/1.1 40[04] .*"));
    assertTrue(raw("GET /%2e%2e/pom.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .matches("(?s)HTTP/1.1 40[04] .*"));
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405InJson() throws Exception {
    HttpResponse<String> missing = server.get("/nope.html");
    assertEquals(404, missing.statusCode());
    assertEquals("not_found", json(missing).get("error").get("code").asText());
    HttpResponse<String> post = server.http.send(
        HttpRequest.newBuilder(URI.create(server.base() + "/healthz")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("method_not_allowed", json(post).get("error").get("code").asText());
  }

  @Test
  void bodyOver64KiBIs413() throws Exception {
    String response = raw(
        "POST /api/dev/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 70000\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 413 "), response);
    assertTrue(response.contains("\"too_large\""), response);
  }

  @Test
  void devTokenIsMintedForLoopback() throws Exception {
    HttpResponse<String> response = server.get("/api/dev/token?stream=demo&role=publisher&source=cam-1&identity=host");
    assertEquals(200, response.statusCode());
    JsonNode body = json(response);
    Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
    assertTrue(expiresAt.isAfter(Instant.now().plusSeconds(30)));
    TokenClaims claims = server.tokens.verify(body.get("token").asText(), Instant.now());
    assertEquals("host", claims.identity());
    assertEquals("demo", claims.stream());
    assertEquals(Role.PUBLISHER, claims.role());
    assertEquals("cam-1", claims.sourceId());
  }

  @Test
  void devTokenRejectsBadParams() throws Exception {
    assertEquals(400, server.get("/api/dev/token?role=viewer").statusCode());
    assertEquals(400, server.get("/api/dev/token?stream=demo&role=admin").statusCode());
    assertEquals(400, server.get("/api/dev/token?stream=de%20mo&role=viewer").statusCode());
    assertEquals(400, server.get("/api/dev/token?stream=demo&role=viewer&source=cam").statusCode());
    String badEscape = raw("GET /api/dev/token?stream=%zz&role=viewer HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertTrue(badEscape.startsWith("HTTP/1.1 400 ") && badEscape.contains("\"bad_request\""), badEscape);
    assertEquals(400, server.get("/api/dev/token?stream=a&stream=b&role=viewer").statusCode());
  }

  @Test
  void devTokenIsForbiddenOutsideDevMode() throws Exception {
    try (TestServer production = new TestServer(false)) {
      HttpResponse<String> response = production.get("/api/dev/token?stream=demo&role=viewer");
      assertEquals(403, response.statusCode());
      assertEquals("forbidden", json(response).get("error").get("code").asText());
    }
  }

  /** Sends bytes exactly as given (no client-side path normalization) and reads the reply. */
  private static String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
