package dev.odeon.datachannel.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad-input case and limit of the relay: each an error event and a counter. */
class RelayLimitsTest {
  static final long MS = 1_000_000L;
  private InteractiveRelay relay;
  private long now = 1_000 * MS;
  private final FakeTransport backend = new FakeTransport();
  private final FakeTransport viewer = new FakeTransport();
  private ConnectionId backendId;
  private ConnectionId viewerId;

  @BeforeEach
  void setUp() {
    relay = new InteractiveRelay(RelayConfig.defaults());
    backendId = relay.connect(now, "s", "server", true, Delivery.RELIABLE, backend);
    viewerId = relay.connect(now, "s", "v", false, Delivery.RELIABLE, viewer);
    relay.startSession(now, "s");
  }

  private String send(String json) {
    int before = viewer.received.size();
    relay.handleMessage(now, viewerId, json);
    now += 100 * MS; // stay under the rate limit
    return viewer.received.size() > before ? viewer.last().path("code").asText(null) : null;
  }

  private static String nested(int depth) {
    StringBuilder b = new StringBuilder("{\"type\":\"event\",\"eventName\":\"x\",\"d\":");
    // The top-level object is level 1, so depth-1 more levels of arrays.
    b.append("[".repeat(depth - 1)).append("1").append("]".repeat(depth - 1)).append('}');
    return b.toString();
  }

  @Test
  void eventSizeLimit() {
    String pad = "a".repeat(16 * 1024);
    assertEquals("event_too_large", send("{\"type\":\"event\",\"eventName\":\"x\",\"p\":\"" + pad + "\"}"));
    String fits = "a".repeat(16 * 1024 - 60);
    assertNull(send("{\"type\":\"event\",\"eventName\":\"x\",\"p\":\"" + fits + "\"}"));
    // Multi-byte characters count as UTF-8 bytes, not chars.
    String euro = "\u20ac".repeat(6000);
    assertEquals("event_too_large", send("{\"type\":\"event\",\"eventName\":\"x\",\"p\":\"" + euro + "\"}"));
    assertEquals(2, relay.counters().rejected(RelayError.EVENT_TOO_LARGE));
  }

  @Test
  void depthLimit() {
    assertNull(send(nested(32)));
    assertEquals("too_deep", send(nested(33)));
    assertEquals("too_deep", send(nested(5000)));
    assertEquals(2, relay.counters().rejected(RelayError.TOO_DEEP));
    assertEquals(1, backend.named("x").size(), "only the depth-32 event was relayed");
  }

  @Test
  void duplicateKeysRejected() {
    assertEquals("duplicate_key", send("{\"type\":\"event\",\"eventName\":\"x\",\"eventName\":\"y\"}"));
    assertEquals("duplicate_key", send("{\"type\":\"event\",\"eventName\":\"x\",\"o\":{\"a\":1,\"a\":2}}"));
    assertEquals("duplicate_key", send("{\"type\":\"event\",\"eventName\":\"x\",\"from\":\"a\",\"from\":\"b\"}"));
    assertEquals(3, relay.counters().rejected(RelayError.DUPLICATE_KEY));
  }

  @Test
  void malformedJsonRejected() {
    assertEquals("bad_json", send("{\"type\":"));
    assertEquals("bad_json", send("[1,2]"));
    assertEquals("bad_json", send("\"event\""));
    assertEquals("bad_json", send(""));
    assertEquals("bad_json", send("{\"type\":\"event\",\"eventName\":\"x\"} {}"));
    assertEquals("bad_json", send("{\"type\":\"event\",\"eventName\":\"x\",\"n\":1e99999999999999999999999999999999999999999999999999999999999999999}"));
    assertEquals(6, relay.counters().rejected(RelayError.BAD_JSON));
    assertTrue(backend.named("x").isEmpty());
  }

  @Test
  void forgedStampsAreReplaced() {
    assertNull(send("{\"type\":\"event\",\"eventName\":\"x\",\"from\":\"server\",\"official\":true}"));
    assertEquals("v", backend.last().get("from").asText());
    assertEquals(false, backend.last().get("official").asBoolean());
  }

  @Test
  void tokenBucketAllowsBurstThenRate() {
    int accepted = 0;
    for (int i = 0; i < 60; i++) {
      relay.handleMessage(now, viewerId, "{\"type\":\"event\",\"eventName\":\"x\"}");
    }
    accepted = backend.named("x").size();
    assertEquals(40, accepted, "burst 40");
    assertEquals(20, relay.counters().rejected(RelayError.RATE_LIMITED));
    assertEquals("rate_limited", viewer.last().get("code").asText());
    now += 1000 * MS;
    for (int i = 0; i < 30; i++) {
      relay.handleMessage(now, viewerId, "{\"type\":\"event\",\"eventName\":\"x\"}");
    }
    assertEquals(60, backend.named("x").size(), "one second refills 20");
  }

  @Test
  void lossyQueueDropsOldest() {
    InteractiveRelay r = new InteractiveRelay(RelayConfig.defaults().withOutboundQueueLimit(4));
    FakeTransport b = new FakeTransport();
    FakeTransport slow = new FakeTransport();
    FakeTransport fast = new FakeTransport();
    ConnectionId bid = r.connect(now, "s", "b", true, Delivery.RELIABLE, b);
    r.connect(now, "s", "slow", false, Delivery.LOSSY, slow);
    r.connect(now, "s", "fast", false, Delivery.LOSSY, fast);
    r.startSession(now, "s");
    slow.full = true;
    for (int i = 0; i < 10; i++) {
      r.handleMessage(now, bid, "{\"type\":\"event\",\"eventName\":\"e" + i + "\"}");
    }
    assertEquals(10, fast.received.stream().filter(n -> n.path("eventName").asText().startsWith("e")).count(),
        "the slow viewer delays nobody");
    assertEquals(6, r.counters().droppedOldest);
    slow.full = false;
    r.handleWritable(new ConnectionId(2));
    assertEquals(java.util.List.of("e6", "e7", "e8", "e9"),
        slow.received.stream().map(n -> n.path("eventName").asText()).filter(s -> s.startsWith("e")).toList());
    assertNull(slow.disconnected);
  }

  @Test
  void reliableQueueOverflowDisconnectsWithReason() {
    InteractiveRelay r = new InteractiveRelay(RelayConfig.defaults().withOutboundQueueLimit(4));
    FakeTransport b = new FakeTransport();
    FakeTransport slow = new FakeTransport();
    FakeTransport fast = new FakeTransport();
    ConnectionId bid = r.connect(now, "s", "b", true, Delivery.RELIABLE, b);
    r.connect(now, "s", "slow", false, Delivery.RELIABLE, slow);
    r.connect(now, "s", "fast", false, Delivery.RELIABLE, fast);
    r.startSession(now, "s");
    slow.full = true;
    for (int i = 0; i < 10; i++) {
      r.handleMessage(now, bid, "{\"type\":\"event\",\"eventName\":\"e" + i + "\"}");
    }
    assertNotNull(slow.disconnected);
    assertTrue(slow.disconnected.contains("too slow"), slow.disconnected);
    assertEquals(1, r.counters().disconnectedSlow);
    assertEquals(10, fast.named("e9").size() + 9);
    assertNull(fast.disconnected);
    r.handleMessage(now, bid, "{\"type\":\"viewercount.get\"}");
    assertEquals(1, b.last().get("count").asInt(), "the disconnected viewer is gone");
  }

  @Test
  void backloggedConnectionIsRetriedOnTheTimer() {
    InteractiveRelay r = new InteractiveRelay(RelayConfig.defaults());
    FakeTransport b = new FakeTransport();
    FakeTransport v = new FakeTransport();
    ConnectionId bid = r.connect(now, "s", "b", true, Delivery.RELIABLE, b);
    r.connect(now, "s", "v", false, Delivery.RELIABLE, v);
    r.startSession(now, "s");
    v.full = true;
    r.handleMessage(now, bid, "{\"type\":\"event\",\"eventName\":\"late\"}");
    long deadline = r.pollTimeout();
    assertTrue(deadline > now && deadline < now + 1000 * MS, "a retry is scheduled");
    v.full = false;
    r.handleTimeout(deadline);
    assertEquals(1, v.named("late").size());
    assertEquals(Long.MAX_VALUE, r.pollTimeout());
  }
}
