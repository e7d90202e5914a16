package dev.odeon.datachannel.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polls: first vote counts, steady tallies, exactly one exact final result. */
class PollTest {
  static final long MS = 1_000_000L;
  private InteractiveRelay relay;
  private long now = 1_000 * MS;
  private final FakeTransport backend = new FakeTransport();
  private final List<FakeTransport> viewers = new ArrayList<>();
  private final List<ConnectionId> viewerIds = new ArrayList<>();
  private ConnectionId backendId;

  @BeforeEach
  void setUp() {
    relay = new InteractiveRelay(RelayConfig.defaults());
    backendId = relay.connect(now, "s", "server", true, Delivery.RELIABLE, backend);
    for (int i = 0; i < 3; i++) {
      FakeTransport t = new FakeTransport();
      viewers.add(t);
      viewerIds.add(relay.connect(now, "s", "viewer" + i, false, Delivery.RELIABLE, t));
    }
    relay.handleMessage(now, backendId, "{\"type\":\"session.start\"}");
  }

  private void open(String extra) {
    relay.handleMessage(now, backendId, "{\"type\":\"poll.open\",\"pollId\":\"p1\",\"question\":\"Next map?\","
        + "\"options\":[\"desert\",\"jungle\",\"ice\"],\"windowMs\":5000" + extra + "}");
  }

  private void vote(int viewer, int option) {
    relay.handleMessage(now, viewerIds.get(viewer), "{\"type\":\"vote\",\"pollId\":\"p1\",\"option\":" + option + "}");
  }

  private void runUntil(long until) {
    while (relay.pollTimeout() <= until) {
      now = Math.max(now, relay.pollTimeout());
      relay.handleTimeout(now);
    }
    now = until;
  }

  @Test
  void threeVotesGiveTheExactTallyOnce() {
    open(",\"showViewers\":true");
    JsonNode opened = viewers.get(0).named("poll.opened").get(0);
    assertEquals("Next map?", opened.get("question").asText());
    assertEquals(3, opened.get("options").size());
    vote(0, 1);
    vote(1, 1);
    vote(2, 2);
    vote(0, 0); // a second vote: refused, the first counts
    assertEquals("already_voted", viewers.get(0).last().get("code").asText());
    vote(1, 7);
    assertEquals("already_voted", viewers.get(1).last().get("code").asText());
    runUntil(now + 10_000 * MS);
    List<JsonNode> tallies = backend.named("poll.tally");
    assertEquals(4, tallies.size(), "one tally per second of the 5 s window before it ends");
    List<JsonNode> results = backend.named("poll.result");
    assertEquals(1, results.size());
    assertEquals("[0,2,1]", results.get(0).get("counts").toString());
    assertEquals(3, results.get(0).get("total").asInt());
    assertTrue(results.get(0).get("final").asBoolean());
    for (FakeTransport v : viewers) {
      assertEquals(1, v.named("poll.result").size(), "showViewers sends the result to viewers");
    }
    vote(2, 0);
    assertEquals("unknown_poll", viewers.get(2).last().get("code").asText());
    assertEquals(3, relay.counters().votes);
  }

  @Test
  void backendClosesEarlyAndSessionCloseEndsPolls() {
    open("");
    vote(0, 0);
    relay.handleMessage(now, backendId, "{\"type\":\"poll.close\",\"pollId\":\"p1\"}");
    relay.handleMessage(now, backendId, "{\"type\":\"poll.close\",\"pollId\":\"p1\"}");
    assertEquals("unknown_poll", backend.last().get("code").asText());
    assertEquals(1, backend.named("poll.result").size());
    assertTrue(viewers.get(0).named("poll.result").isEmpty(), "viewers see results only with showViewers");
    open("");
    vote(1, 2);
    relay.handleMessage(now, backendId, "{\"type\":\"session.close\"}");
    runUntil(now + 10_000 * MS);
    List<JsonNode> results = backend.named("poll.result");
    assertEquals(2, results.size());
    assertEquals("[0,0,1]", results.get(1).get("counts").toString());
    assertEquals(0, relay.counters().pollsOpen);
  }

  @Test
  void badPollsAndVotesAreRefused() {
    for (String bad : List.of("{\"type\":\"poll.open\"}",
        "{\"type\":\"poll.open\",\"pollId\":\"p\",\"question\":\"q\",\"options\":[\"only\"]}",
        "{\"type\":\"poll.open\",\"pollId\":\"p\",\"question\":\"q\",\"options\":[\"a\",2]}",
        "{\"type\":\"poll.open\",\"pollId\":\"p\",\"question\":\"q\",\"options\":[\"a\",\"b\"],\"windowMs\":1}",
        "{\"type\":\"poll.open\",\"pollId\":\"p\",\"question\":\"q\",\"options\":[\"a\",\"b\"],\"windowMs\":\"x\"}")) {
      relay.handleMessage(now, backendId, bad);
      assertEquals("bad_request", backend.last().get("code").asText(), bad);
    }
    open("");
    open("");
    assertEquals("bad_request", backend.last().get("code").asText(), "duplicate pollId");
    relay.handleMessage(now, viewerIds.get(0), "{\"type\":\"vote\",\"pollId\":\"p1\",\"option\":\"1\"}");
    assertEquals("bad_vote", viewers.get(0).last().get("code").asText());
    relay.handleMessage(now, viewerIds.get(0), "{\"type\":\"vote\",\"pollId\":\"p1\",\"option\":-1}");
    assertEquals("bad_vote", viewers.get(0).last().get("code").asText());
    relay.handleMessage(now, viewerIds.get(0), "{\"type\":\"vote\",\"pollId\":\"p1\",\"option\":99999999999}");
    assertEquals("bad_vote", viewers.get(0).last().get("code").asText());
    relay.handleMessage(now, backendId, "{\"type\":\"vote\",\"pollId\":\"p1\",\"option\":0}");
    assertEquals("not_allowed", backend.last().get("code").asText());
    assertEquals(0, relay.counters().votes);
  }

  @Test
  void manyVotersCountExactly() {
    InteractiveRelay r = new InteractiveRelay(RelayConfig.defaults());
    FakeTransport b = new FakeTransport();
    ConnectionId bid = r.connect(now, "big", "server", true, Delivery.RELIABLE, b);
    r.startSession(now, "big");
    r.handleMessage(now, bid, "{\"type\":\"poll.open\",\"pollId\":\"q\",\"question\":\"?\","
        + "\"options\":[\"a\",\"b\",\"c\",\"d\"],\"windowMs\":60000}");
    int voters = 20_000;
    long[] expected = new long[4];
    Transport ignore = new Transport() {
      @Override
      public boolean offer(String json) {
        return true;
      }

      @Override
      public void disconnect(String reason) {}
    };
    for (int i = 0; i < voters; i++) {
      ConnectionId id = r.connect(now, "big", "u" + i, false, Delivery.LOSSY, ignore);
      int option = (i * 7 + i / 3) % 4;
      expected[option]++;
      r.handleMessage(now, id, "{\"type\":\"vote\",\"pollId\":\"q\",\"option\":" + option + "}");
      r.handleMessage(now, id, "{\"type\":\"vote\",\"pollId\":\"q\",\"option\":" + ((option + 1) % 4) + "}");
    }
    r.handleMessage(now, bid, "{\"type\":\"poll.close\",\"pollId\":\"q\"}");
    JsonNode result = b.named("poll.result").get(0);
    for (int o = 0; o < 4; o++) {
      assertEquals(expected[o], result.get("counts").get(o).asLong());
    }
    assertEquals(voters, result.get("total").asLong());
    assertEquals(voters, r.counters().rejected(RelayError.ALREADY_VOTED));
  }
}
