package dev.odeon.signaling.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.signaling.TestServer;
import dev.odeon.signaling.auth.Role;
import dev.odeon.signaling.auth.TokenRequest;
import dev.odeon.signaling.room.StageDirector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stage commands and events over real WebSockets against a server with a fake media engine. */
class StageProtocolTest {
  private static final String OFFER = "v=0\\r\\no=browser-offer\\r\\n";
  private final TestServer server = new TestServer(false);
  private final List<WsClient> clients = new ArrayList<>();
  private int ids;

  StageProtocolTest() throws InterruptedException {}

  @AfterEach
  void tearDown() {
    clients.forEach(WsClient::close);
    server.close();
  }

  /** A client that keeps what it received, so waiting for one message never loses another. */
  private final class Client {
    final WsClient ws;
    final List<JsonNode> backlog = new ArrayList<>();

    Client(String token) throws Exception {
      ws = new WsClient(server.http, server.ws(token));
      clients.add(ws);
    }

    JsonNode await(Predicate<JsonNode> match, String what) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      for (Iterator<JsonNode> it = backlog.iterator(); it.hasNext(); ) {
        JsonNode m = it.next();
        if (match.test(m)) {
          it.remove();
          return m;
        }
      }
      while (System.nanoTime() < deadline) {
        JsonNode m = ws.messages.poll(50, TimeUnit.MILLISECONDS);
        if (m == null) {
          continue;
        }
        if (match.test(m)) {
          return m;
        }
        backlog.add(m);
      }
      throw new AssertionError("no " + what + " within 5 s; got " + backlog);
    }

    JsonNode event(String name) throws InterruptedException {
      return await(m -> "event".equals(m.path("type").asText()) && name.equals(m.path("name").asText()), "event " + name).get("data");
    }

    JsonNode call(String name, String data) throws Exception {
      int id = ++ids;
      ws.send("{\"type\":\"cmd\",\"id\":" + id + ",\"name\":\"" + name + "\",\"data\":" + data + "}");
      return await(m -> "response".equals(m.path("type").asText()) && m.path("id").asInt() == id, "response to " + name);
    }

    boolean hasEvent(String name) {
      drainInto();
      return backlog.stream().anyMatch(m -> name.equals(m.path("name").asText()));
    }

    private void drainInto() {
      JsonNode m;
      while ((m = ws.messages.poll()) != null) {
        backlog.add(m);
      }
    }
  }

  private String token(String identity, Role role, String sourceId) {
    return server.tokens.mint(new TokenRequest(identity, "demo", role, sourceId, TokenRequest.defaultGrants(role), null),
        Instant.now()).token();
  }

  private static String code(JsonNode response) {
    return response.path("error").path("code").asText();
  }

  @Test
  void raiseInviteAcceptPublishMuteMoveBack() throws Exception {
    Client host = new Client(token("host", Role.HOST, null));
    assertEquals("live", host.event("stage").get("phase").asText());
    Client v1 = new Client(token("v1", Role.VIEWER, null));
    Client v2 = new Client(token("v2", Role.VIEWER, null));
    v1.event("stage");

    assertTrue(v1.call("raiseHand", "{}").get("ok").asBoolean());
    JsonNode hands = host.await(m -> "hands".equals(m.path("name").asText())
        && m.get("data").get("total").asInt() == 1, "hands with one raised").get("data");
    assertEquals("v1", hands.get("hands").get(0).get("identity").asText());
    assertEquals(2, host.await(m -> "viewercount".equals(m.path("name").asText())
        && m.get("data").get("count").asInt() == 2, "viewercount 2").get("data").get("count").asInt());

    assertEquals("unauthorized", code(v2.call("invite", "{\"identity\":\"v1\"}")), "viewers cannot invite");
    assertEquals("bad_request", code(host.call("invite", "{\"identity\":42}")));
    assertEquals("not_in_audience", code(host.call("invite", "{\"identity\":\"nobody\"}")));
    JsonNode invited = host.call("invite", "{\"identity\":\"v1\"}");
    String sourceId = invited.get("data").get("sourceId").asText();
    JsonNode invitation = v1.event("invited");
    assertEquals(sourceId, invitation.get("sourceId").asText());
    String speakerToken = invitation.get("token").asText();

    // The speaker token is refused until the invitation is accepted.
    Client speaker = new Client(speakerToken);
    assertEquals("unauthorized", code(speaker.call("publish", "{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"" + sourceId + "\"}")));
    assertEquals(sourceId, v1.call("acceptInvite", "{}").get("data").get("sourceId").asText());
    host.event("inviteAccepted");
    assertEquals("unauthorized", code(speaker.call("publish", "{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"other\"}")),
        "the speaker token is bound to its sourceId");
    assertTrue(speaker.call("publish", "{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"" + sourceId + "\"}").get("ok").asBoolean());
    PublishRequest published = null;
    while (published == null || !published.source().equals(new SourceId(sourceId))) {
      published = server.media.publishes.poll(5, TimeUnit.SECONDS);
      assertNotNull(published);
    }
    assertEquals("v1", v2.event("speakerJoined").get("identity").asText());
    assertEquals("featured demo/" + sourceId, server.media.moderation.poll(5, TimeUnit.SECONDS));

    assertTrue(host.call("mute", "{\"identity\":\"v1\"}").get("ok").asBoolean());
    assertEquals("muted demo/" + sourceId, server.media.moderation.poll(5, TimeUnit.SECONDS));
    assertTrue(v2.event("muted").get("muted").asBoolean());

    server.media.closed.clear();
    assertTrue(host.call("moveToAudience", "{\"identity\":\"v1\"}").get("ok").asBoolean());
    SessionId closed = server.media.awaitClosed();
    assertNotNull(closed, "the speaker's publishing session is closed");
    assertTrue(closed.value().startsWith("pub-"));
    assertEquals("v1", v2.event("speakerLeft").get("identity").asText());
    assertEquals("v1", v1.event("movedToAudience").get("identity").asText());
    assertEquals("unauthorized", code(speaker.call("publish", "{\"sdp\":\"" + OFFER + "\",\"sourceId\":\"" + sourceId + "\"}")),
        "the publish right is gone on the live connection");
  }

  @Test
  void declineAndLowerHand() throws Exception {
    Client host = new Client(token("host", Role.HOST, null));
    Client v1 = new Client(token("v1", Role.VIEWER, null));
    v1.event("stage");
    v1.call("raiseHand", "{}");
    host.await(m -> "hands".equals(m.path("name").asText()) && m.get("data").get("total").asInt() == 1, "hand up");
    v1.call("lowerHand", "{}");
    host.await(m -> "hands".equals(m.path("name").asText()) && m.get("data").get("total").asInt() == 0, "hand down");
    host.call("invite", "{\"identity\":\"v1\"}");
    v1.event("invited");
    assertTrue(v1.call("declineInvite", "{}").get("ok").asBoolean());
    assertEquals("v1", host.event("inviteDeclined").get("identity").asText());
    assertEquals("not_invited", code(v1.call("acceptInvite", "{}")));
  }

  @Test
  void sameIdentityConnectingAgainReplacesTheOlderConnection() throws Exception {
    Client first = new Client(token("alice", Role.VIEWER, null));
    Client second = new Client(token("alice", Role.VIEWER, null));
    assertEquals("the same identity connected again", first.event("replaced").get("reason").asText());
    assertEquals(StageDirector.CLOSE_REPLACED, first.ws.closed.get(5, TimeUnit.SECONDS));
    assertTrue(second.call("keepalive", "{}").get("ok").asBoolean());
    assertFalse(second.ws.closed.isDone());
  }

  @Test
  void kickedIdentityIsDisconnectedAndCannotReturn() throws Exception {
    Client host = new Client(token("host", Role.HOST, null));
    Client v1 = new Client(token("v1", Role.VIEWER, null));
    v1.event("stage");
    assertTrue(host.call("kick", "{\"identity\":\"v1\"}").get("ok").asBoolean());
    assertEquals("kicked by host", v1.event("kicked").get("reason").asText());
    assertEquals(StageDirector.CLOSE_KICKED, v1.ws.closed.get(5, TimeUnit.SECONDS));
    Client again = new Client(token("v1", Role.VIEWER, null));
    assertEquals(StageDirector.CLOSE_KICKED, again.ws.closed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void hostEndingTheStageEndsItForEveryone() throws Exception {
    Client host = new Client(token("host", Role.HOST, null));
    Client v1 = new Client(token("v1", Role.VIEWER, null));
    v1.event("stage");
    assertEquals("unauthorized", code(v1.call("endStage", "{}")));
    assertTrue(host.call("endStage", "{}").get("ok").asBoolean());
    assertEquals("ended by host", v1.event("stageEnded").get("reason").asText());
    assertEquals(StageDirector.CLOSE_ENDED, v1.ws.closed.get(5, TimeUnit.SECONDS));
    assertEquals(StageDirector.CLOSE_ENDED, host.ws.closed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void stageCommandsBeforeAHostAreRefused() throws Exception {
    Client v1 = new Client(token("v1", Role.VIEWER, null));
    assertEquals("stage_not_live", code(v1.call("raiseHand", "{}")));
    assertEquals("waiting", v1.call("stageState", "{}").get("data").get("phase").asText());
  }
}
