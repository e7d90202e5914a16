package dev.odeon.datachannel.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing, stamping and system events of the relay, with a fake clock and recording transports. */
class InteractiveRelayTest {
  static final long MS = 1_000_000L;
  private InteractiveRelay relay;
  private long now = 5_000 * MS;
  private final FakeTransport backend = new FakeTransport();
  private final FakeTransport alice = new FakeTransport();
  private final FakeTransport bob = new FakeTransport();
  private ConnectionId backendId;
  private ConnectionId aliceId;
  private ConnectionId bobId;

  @BeforeEach
  void setUp() {
    relay = new InteractiveRelay(RelayConfig.defaults());
    backendId = relay.connect(now, "s", "game-server", true, Delivery.RELIABLE, backend);
    aliceId = relay.connect(now, "s", "alice", false, Delivery.RELIABLE, alice);
    bobId = relay.connect(now, "s", "bob", false, Delivery.RELIABLE, bob);
    relay.handleMessage(now, backendId, "{\"type\":\"session.start\"}");
  }

  @Test
  void systemEventsOnJoinStartAndLeave() {
    assertEquals(List.of("alice", "bob"),
        backend.named("user.joined").stream().map(n -> n.get("identity").asText()).toList());
    assertEquals(1, alice.named("session.started").size());
    assertEquals(1, backend.named("session.started").size());
    relay.disconnect(now, bobId);
    assertEquals("bob", backend.named("user.left").get(0).get("identity").asText());
    relay.handleMessage(now, backendId, "{\"type\":\"viewercount.get\"}");
    assertEquals(1, backend.last().get("count").asInt());
    assertEquals("viewercount", backend.last().get("eventName").asText());
  }

  @Test
  void viewerEventReachesBackendsStampedAndForgeriesStripped() {
    relay.handleMessage(now, aliceId, "{\"type\":\"event\",\"eventName\":\"click\",\"timestamp\":1,"
        + "\"from\":\"bob\",\"official\":true,\"points\":3}");
    JsonNode got = backend.last();
    assertEquals("click", got.get("eventName").asText());
    assertEquals("alice", got.get("from").asText());
    assertFalse(got.get("official").asBoolean());
    assertEquals(3, got.get("points").asInt());
    assertEquals(1, got.get("timestamp").asLong());
    assertTrue(bob.named("click").isEmpty(), "viewer events go to backends only");
  }

  @Test
  void backendEventGoesToAllViewersOrListedOnes() {
    relay.handleMessage(now, backendId, "{\"type\":\"event\",\"eventName\":\"board\",\"official\":false}");
    for (FakeTransport v : List.of(alice, bob)) {
      JsonNode got = v.last();
      assertEquals("board", got.get("eventName").asText());
      assertTrue(got.get("official").asBoolean());
      assertEquals("game-server", got.get("from").asText());
      assertTrue(got.has("timestamp"), "the server stamps a missing timestamp");
    }
    relay.handleMessage(now, backendId, "{\"type\":\"event\",\"eventName\":\"dm\",\"to\":[\"bob\"]}");
    assertEquals(1, bob.named("dm").size());
    assertFalse(bob.named("dm").get(0).has("to"));
    assertTrue(alice.named("dm").isEmpty());
  }

  @Test
  void eventsNeedAnActiveSessionAndAName() {
    relay.handleMessage(now, aliceId, "{\"type\":\"event\"}");
    assertEquals("bad_request", alice.last().get("code").asText());
    relay.handleMessage(now, backendId, "{\"type\":\"session.close\"}");
    assertEquals(1, alice.named("session.closed").size());
    relay.handleMessage(now, aliceId, "{\"type\":\"event\",\"eventName\":\"click\"}");
    assertEquals("session_not_active", alice.last().get("code").asText());
    assertEquals(1, relay.counters().rejected(RelayError.SESSION_NOT_ACTIVE));
  }

  @Test
  void viewersMayNotControlTheSession() {
    for (String type : List.of("session.start", "session.close", "poll.open", "poll.close",
        "viewercount.get")) {
      relay.handleMessage(now, aliceId, "{\"type\":\"" + type + "\"}");
      assertEquals("not_allowed", alice.last().get("code").asText(), type);
    }
    relay.handleMessage(now, aliceId, "{\"type\":\"teleport\"}");
    assertEquals("bad_request", alice.last().get("code").asText());
    assertTrue(relay.isActive("s"));
  }

  @Test
  void ownerCanStartAndCloseWithoutABackend() {
    InteractiveRelay r = new InteractiveRelay(RelayConfig.defaults());
    FakeTransport v = new FakeTransport();
    r.connect(now, "t", "v", false, Delivery.RELIABLE, v);
    assertTrue(r.startSession(now, "t"));
    assertFalse(r.startSession(now, "t"));
    assertTrue(r.closeSession(now, "t"));
    assertEquals(List.of("session.started", "session.closed"),
        v.received.stream().map(n -> n.get("eventName").asText()).toList());
    assertEquals(0, r.counters().sessionsActive);
  }

  @Test
  void unknownConnectionIsIgnored() {
    relay.handleMessage(now, new ConnectionId(999), "{}");
    relay.disconnect(now, new ConnectionId(999));
    relay.handleWritable(new ConnectionId(999));
    assertNull(alice.disconnected);
  }
}
