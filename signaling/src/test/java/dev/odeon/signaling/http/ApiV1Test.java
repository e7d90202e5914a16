package dev.odeon.signaling.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.signaling.TestServer;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenClaims;
import dev.odeon.signaling.auth.TokenRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The HTTP API v1: authentication, tokens, publish/subscribe, streams, and every malformed body. */
class ApiV1Test {
  private static TestServer server;
  private static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString((TestServer.KEY + ":" + TestServer.SECRET).getBytes(StandardCharsets.UTF_8));

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path, String auth, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"), response.body());
    return Json.parse(response.body());
  }

  @Test
  void credentialsAreRequired() throws Exception {
    HttpResponse<String> none = send("POST", "/api/v1/tokens", null, "{}");
    assertEquals(401, none.statusCode());
    assertEquals("unauthorized", json(none).get("error").get("code").asText());
    String wrong = "Basic " + Base64.getEncoder().encodeToString((TestServer.KEY + ":nope").getBytes(StandardCharsets.UTF_8));
    assertEquals(401, send("GET", "/api/v1/streams", wrong, null).statusCode());
    assertEquals(401, send("GET", "/api/v1/streams", "Basic !!!", null).statusCode());
    assertEquals(401, send("GET", "/api/v1/streams", "Bearer garbage", null).statusCode());
    String viewer = server.token(Role.VIEWER, "demo", null);
    assertEquals(403, send("GET", "/api/v1/streams", "Bearer " + viewer, null).statusCode());
    String admin = server.tokens.mint(new TokenRequest("ops", "demo", Role.VIEWER, null, Set.of(Grant.ADMIN), null),
        Instant.now()).token();
    assertEquals(200, send("GET", "/api/v1/streams", "Bearer " + admin, null).statusCode());
  }

  @Test
  void tokensAreMintedWithTheRequestedClaims() throws Exception {
    HttpResponse<String> response = send("POST", "/api/v1/tokens", BASIC,
        "{\"stream\":\"demo\",\"identity\":\"alice\",\"role\":\"speaker\",\"sourceId\":\"cam-2\",\"ttlSeconds\":30}");
    assertEquals(200, response.statusCode(), response.body());
    TokenClaims claims = server.tokens.verify(json(response).get("token").asText(), Instant.now());
    assertEquals("alice", claims.identity());
    assertEquals(Role.SPEAKER, claims.role());
    assertEquals("cam-2", claims.sourceId());
    assertEquals(Set.of(Grant.PUBLISH, Grant.VIEW), claims.grants());
    HttpResponse<String> interactive = send("POST", "/api/v1/tokens", BASIC,
        "{\"stream\":\"demo\",\"identity\":\"bot\",\"role\":\"viewer\",\"grants\":[\"view\",\"interactive\"]}");
    assertEquals(Set.of(Grant.VIEW, Grant.INTERACTIVE_SERVER),
        server.tokens.verify(json(interactive).get("token").asText(), Instant.now()).grants());
  }

  @Test
  void publishAndSubscribeReturnAWebSocketUrl() throws Exception {
    JsonNode pub = json(send("POST", "/api/v1/publish", BASIC, "{\"stream\":\"demo\",\"sourceId\":\"cam-1\"}"));
    assertTrue(pub.get("wsUrl").asText().startsWith("ws://127.0.0.1:" + server.server.port() + "/ws?token="));
    assertEquals(Role.PUBLISHER, server.tokens.verify(pub.get("token").asText(), Instant.now()).role());
    JsonNode sub = json(send("POST", "/api/v1/subscribe", BASIC, "{\"stream\":\"demo\"}"));
    assertEquals(Role.VIEWER, server.tokens.verify(sub.get("token").asText(), Instant.now()).role());
  }

  @Test
  void publicStreamsAreSubscribableWithoutCredentials() throws Exception {
    assertEquals(401, send("POST", "/api/v1/subscribe", null, "{\"stream\":\"open\"}").statusCode());
    assertEquals(200, send("PUT", "/api/v1/streams/open/policy", BASIC, "{\"public\":true}").statusCode());
    HttpResponse<String> sub = send("POST", "/api/v1/subscribe", null, "{\"stream\":\"open\"}");
    assertEquals(200, sub.statusCode());
    assertEquals(401, send("POST", "/api/v1/publish", null, "{\"stream\":\"open\"}").statusCode(),
        "public means viewing only");
    send("PUT", "/api/v1/streams/open/policy", BASIC, "{\"public\":false}");
    assertEquals(401, send("POST", "/api/v1/subscribe", null, "{\"stream\":\"open\"}").statusCode());
  }

  @Test
  void streamsAreListedReadKickedAndEnded() throws Exception {
    assertEquals(404, send("GET", "/api/v1/streams/nobody-here", BASIC, null).statusCode());
    String viewer = server.tokens.mint(new TokenRequest("watcher", "live1", Role.VIEWER, null, Set.of(Grant.VIEW), null),
        Instant.now()).token();
    java.net.http.WebSocket ws = server.http.newWebSocketBuilder()
        .buildAsync(server.ws(viewer), new java.net.http.WebSocket.Listener() {}).get(5, java.util.concurrent.TimeUnit.SECONDS);
    try {
      JsonNode list = waitFor(() -> json(send("GET", "/api/v1/streams", BASIC, null)),
          l -> l.get("streams").toString().contains("live1"));
      assertTrue(list.get("streams").isArray());
      JsonNode one = waitFor(() -> json(send("GET", "/api/v1/streams/live1", BASIC, null)),
          s -> s.path("viewers").asInt() == 1);
      assertEquals(1, one.get("connections").asInt());
      assertEquals("waiting", one.get("stage").get("phase").asText());
      JsonNode kicked = json(send("POST", "/api/v1/streams/live1/kick", BASIC, "{\"identity\":\"watcher\"}"));
      assertEquals(1, kicked.get("connections").asInt());
      waitFor(() -> json(send("GET", "/api/v1/streams/live1", BASIC, null)), s -> s.path("connections").asInt() == 0);
      assertEquals(200, send("DELETE", "/api/v1/streams/live1", BASIC, null).statusCode());
      assertEquals(404, send("DELETE", "/api/v1/streams/live1", BASIC, null).statusCode());
    } finally {
      ws.abort();
    }
  }

  private interface Call {
    JsonNode get() throws Exception;
  }

  private static JsonNode waitFor(Call call, java.util.function.Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    JsonNode last = call.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s: " + last);
      }
      Thread.onSpinWait();
      last = call.get();
    }
    return last;
  }

  private static DynamicTest bad(String method, String path, String body, int status, String code) {
    return dynamicTest(method + " " + path + " " + (body.length() > 60 ? body.substring(0, 60) + "..." : body), () -> {
      HttpResponse<String> response = send(method, path, BASIC, body);
      assertEquals(status, response.statusCode(), response.body());
      JsonNode error = json(response).get("error");
      assertEquals(code, error.get("code").asText());
      assertTrue(error.get("message").asText().length() > 5);
      assertTrue(!response.body().contains("Exception"), "no stack trace: " + response.body());
    });
  }

  @TestFactory
  Stream<DynamicTest> malformedBodiesGetAClear4xx() {
    String tokens = "/api/v1/tokens";
    return Stream.of(
        bad("POST", tokens, "not json", 400, "bad_request"),
        bad("POST", tokens, "[1,2]", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"stream\":\"x\"}", 400, "bad_request"),
        bad("POST", tokens, "{}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":5,\"identity\":\"a\",\"role\":\"viewer\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"emperor\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a b\",\"role\":\"viewer\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"sourceId\":\"x\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"ttlSeconds\":999999999}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"ttlSeconds\":\"60\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"ttlSeconds\":1.5}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"grants\":[\"root\"]}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"grants\":\"view\"}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"grants\":[\"publish\"]}", 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"demo\",\"identity\":\"a\",\"role\":\"viewer\",\"extra\":1}", 400, "bad_request"),
        bad("POST", tokens, "[".repeat(40) + "]".repeat(40), 400, "bad_request"),
        bad("POST", tokens, "{\"stream\":\"" + "x".repeat(70_000) + "\"}", 413, "too_large"),
        bad("GET", tokens, "", 405, "method_not_allowed"),
        bad("POST", "/api/v1/publish", "{\"stream\":\"demo\",\"role\":\"viewer\"}", 400, "bad_request"),
        bad("POST", "/api/v1/subscribe", "{\"stream\":null}", 400, "bad_request"),
        bad("PUT", "/api/v1/streams/demo/policy", "{\"public\":\"yes\"}", 400, "bad_request"),
        bad("POST", "/api/v1/streams/demo/kick", "{}", 400, "bad_request"),
        bad("GET", "/api/v1/streams/demo/unknown", "", 404, "not_found"),
        bad("GET", "/api/v1/nothing", "", 404, "not_found"));
  }
}
