package dev.odeon.signaling.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.Track;
import dev.odeon.signaling.FakeMediaService;
import dev.odeon.signaling.TestServer;
import dev.odeon.signaling.auth.Grant;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenRequest;
import dev.odeon.signaling.auth.TokenService;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WsProtocolTest {
  private static final String OFFER = "v=0\\r\\no=browser-offer\\r\\n";
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(true);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WsClient connect(String token) throws Exception {
    return new WsClient(server.http, server.ws(token));
  }

  private int refusedStatus(String token) {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> server.http.newWebSocketBuilder().buildAsync(server.ws(token), new WsClient.Noop()).get(5, TimeUnit.SECONDS));
    WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertTrue(String.valueOf(handshake.getResponse().body()).contains("token_") || handshake.getResponse().body() == null);
    return handshake.getResponse().statusCode();
  }

  @Test
  void upgradeWithoutValidTokenIs401() {
    assertEquals(401, refusedStatus(null));
    assertEquals(401, refusedStatus("garbage"));
    String expired = server.tokens.mint(new TokenRequest("t", "demo", Role.VIEWER, null, Set.of(Grant.VIEW), Duration.ofSeconds(60)),
        Instant.now().minus(Duration.ofMinutes(10))).token();
    assertEquals(401, refusedStatus(expired));
    String otherSecret = TokenService.single(TestServer.KEY, "some-other-secret-0123456789-abcdefg")
        .mint(new TokenRequest("t", "demo", Role.VIEWER, null, Set.of(Grant.VIEW), null), Instant.now()).token();
    assertEquals(401, refusedStatus(otherSecret));
  }

  @Test
  void refusalBodyCarriesTheTokenCode() throws Exception {
    var response = server.get("/ws?token=garbage");
    assertEquals(401, response.statusCode());
    assertEquals("token_malformed", dev.odeon.signaling.http.Json.parse(response.body()).get("error").get("code").asText());
  }

  @Test
  void viewerTokenCannotPublish() throws Exception {
    try (WsClient client = connect(server.token(Role.VIEWER, "demo", null))) {
      client.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
      JsonNode response = client.next();
      assertEquals(1, response.get("id").asInt());
      assertFalse(response.get("ok").asBoolean());
      assertEquals("unauthorized", response.get("error").get("code").asText());
      assertTrue(server.media.publishes.isEmpty());
    }
  }

  @Test
  void publishRoundTripReturnsTheEnginesAnswer() throws Exception {
    try (WsClient client = connect(server.token(Role.PUBLISHER, "demo", "cam-1"))) {
      client.send("{\"type\":\"cmd\",\"id\":\"p1\",\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"cam-1\"}}");
      JsonNode response = client.next();
      assertEquals("response", response.get("type").asText());
      assertEquals("p1", response.get("id").asText());
      assertTrue(response.get("ok").asBoolean(), response.toString());
      assertEquals(FakeMediaService.PUBLISH_ANSWER, response.get("data").get("sdp").asText());
      assertEquals("pub-1", response.get("data").get("sessionId").asText());
      PublishRequest request = server.media.publishes.poll();
      assertEquals(new StreamId("demo"), request.stream());
      assertEquals(new SourceId("cam-1"), request.source());
      assertEquals("v=0\r\no=browser-offer\r\n", request.offerSdp());
      assertTrue(request.identity().startsWith("tester-"));

      client.send("{\"type\":\"cmd\",\"id\":2,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"cam-1\"}}");
      assertEquals("already_publishing", client.next().get("error").get("code").asText());
      client.send("{\"type\":\"cmd\",\"id\":3,\"name\":\"unpublish\"}");
      assertTrue(client.next().get("ok").asBoolean());
      assertEquals(new SessionId("pub-1"), server.media.awaitClosed());
      client.send("{\"type\":\"cmd\",\"id\":4,\"name\":\"unpublish\",\"data\":{}}");
      assertEquals("not_publishing", client.next().get("error").get("code").asText());
    }
  }

  @Test
  void tokenSourceIdBindsThePublishedSource() throws Exception {
    try (WsClient client = connect(server.token(Role.PUBLISHER, "demo", "cam-1"))) {
      client.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"cam-2\"}}");
      assertEquals("unauthorized", client.next().get("error").get("code").asText());
    }
  }

  @Test
  void engineErrorCodeIsForwarded() throws Exception {
    try (WsClient client = connect(server.token(Role.PUBLISHER, "demo", null))) {
      server.media.failNext(new MediaException("no_fingerprint", "offer has no fingerprint"));
      client.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
      JsonNode error = client.next().get("error");
      assertEquals("no_fingerprint", error.get("code").asText());
      assertEquals("offer has no fingerprint", error.get("message").asText());
    }
  }

  @Test
  void badFramesGetBadRequestAndTheConnectionStaysOpen() throws Exception {
    try (WsClient client = connect(server.token(Role.PUBLISHER, "demo", null))) {
      for (String bad : List.of("{not json", "[1,2]", "{\"type\":\"cmd\",\"id\":9,\"name\":\"dance\"}",
          "{\"a\":1,\"a\":2}", "{\"type\":\"cmd\",\"id\":{},\"name\":\"view\"}",
          "[".repeat(40) + "]".repeat(40), "\"" + "x".repeat(300 * 1024) + "\"")) {
        client.send(bad);
        JsonNode response = client.next();
        assertEquals("bad_request", response.get("error").get("code").asText(), bad.length() > 80 ? bad.substring(0, 80) : bad);
        assertFalse(response.get("ok").asBoolean());
      }
      client.send("{\"type\":\"cmd\",\"id\":10,\"name\":\"view\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
      JsonNode response = client.next();
      assertEquals(10, response.get("id").asInt());
      assertTrue(response.get("ok").asBoolean());
      assertEquals(FakeMediaService.VIEW_ANSWER, response.get("data").get("sdp").asText());
    }
    assertTrue(server.get("/metrics").body().contains("odeon_ws_rejected_frames_total 7.0"));
  }

  @Test
  void activeAndInactiveReachViewersAndLateViewersGetTheSnapshot() throws Exception {
    MediaEvent.SourceActive live = new MediaEvent.SourceActive(new StreamId("demo"), SourceId.DEFAULT,
        List.of(new Track("audio", "a1"), new Track("video", "v1")));
    try (WsClient early = connect(server.token(Role.VIEWER, "demo", null))) {
      early.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"view\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
      assertTrue(early.next().get("ok").asBoolean());
      server.media.emit(live);
      JsonNode active = early.next();
      assertEquals("event", active.get("type").asText());
      assertEquals("active", active.get("name").asText());
      assertEquals("demo", active.get("data").get("streamId").asText());
      assertTrue(active.get("data").get("sourceId").isNull());
      assertEquals("v1", active.get("data").get("tracks").get(1).get("trackId").asText());

      try (WsClient late = connect(server.token(Role.VIEWER, "demo", null))) {
        late.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"view\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
        assertEquals("response", late.next().get("type").asText());
        assertEquals("active", late.next().get("name").asText());
        server.media.emit(new MediaEvent.SourceInactive(new StreamId("demo"), SourceId.DEFAULT));
        assertEquals("inactive", late.next().get("name").asText());
        assertEquals("inactive", early.next().get("name").asText());
      }
    }
  }

  @Test
  void sessionClosedByTheEngineSendsStopped() throws Exception {
    try (WsClient client = connect(server.token(Role.PUBLISHER, "demo", null))) {
      client.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
      String session = client.next().get("data").get("sessionId").asText();
      server.media.emit(new MediaEvent.SessionClosed(new SessionId(session), "ice consent expired"));
      JsonNode stopped = client.next();
      assertEquals("stopped", stopped.get("name").asText());
      assertEquals(session, stopped.get("data").get("sessionId").asText());
      assertEquals("ice consent expired", stopped.get("data").get("reason").asText());
      // The slot is free again: a new publish is accepted.
      client.send("{\"type\":\"cmd\",\"id\":2,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
      assertTrue(client.next().get("ok").asBoolean());
    }
  }

  @Test
  void closingTheSocketClosesItsMediaSessions() throws Exception {
    WsClient client = connect(server.token(Role.PUBLISHER, "demo", null));
    client.send("{\"type\":\"cmd\",\"id\":1,\"name\":\"publish\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
    String published = client.next().get("data").get("sessionId").asText();
    client.send("{\"type\":\"cmd\",\"id\":2,\"name\":\"view\",\"data\":{\"sdp\":\"" + OFFER + "\"}}");
    String viewed = client.next().get("data").get("sessionId").asText();
    client.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
    Set<String> closed = Set.of(server.media.awaitClosed().value(), server.media.awaitClosed().value());
    assertEquals(Set.of(published, viewed), closed);
  }
}
