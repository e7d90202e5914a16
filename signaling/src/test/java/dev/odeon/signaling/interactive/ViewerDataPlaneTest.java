package dev.odeon.signaling.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odeon.datachannel.dcep.ChannelType;
import dev.odeon.datachannel.dcep.DataChannelEvent;
import dev.odeon.datachannel.dcep.DataChannelManager;
import dev.odeon.datachannel.dcep.DtlsRole;
import dev.odeon.datachannel.relay.ConnectionId;
import dev.odeon.datachannel.relay.Delivery;
import dev.odeon.datachannel.relay.InteractiveRelay;
import dev.odeon.datachannel.relay.RelayConfig;
import dev.odeon.datachannel.relay.Transport;
import dev.odeon.datachannel.sctp.SctpAssociation;
import dev.odeon.datachannel.sctp.SctpConfig;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.data.DataSession;
import dev.odeon.sfu.data.DataSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A viewer's data plane against an in-memory browser (our own SCTP association and DCEP in the
 * DTLS client role), fake clock: the browser's channel joins the relay with the session identity,
 * its events reach the backend stamped, the backend's broadcast reaches it, and garbage records or
 * an oversized message harm nothing.
 */
class ViewerDataPlaneTest {
  private static final long MS = 1_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final InteractiveRelay relay = new InteractiveRelay(RelayConfig.defaults());
  private final ArrayDeque<byte[]> toBrowser = new ArrayDeque<>();
  private final List<String> atBrowser = new ArrayList<>();
  private final List<JsonNode> atBackend = new ArrayList<>();
  private long now = 10_000 * MS;
  private ViewerDataPlane plane;
  private SctpAssociation browser;
  private DataChannelManager browserChannels;
  private ConnectionId backend;
  private int channel;

  @BeforeEach
  void setUp() {
    DataSink sink = new DataSink() {
      @Override
      public boolean send(byte[] record) {
        toBrowser.add(record);
        return true;
      }

      @Override
      public int maxRecordSize() {
        return 1400;
      }
    };
    plane = new ViewerDataPlane(relay, new DataSession(new SessionId("s1"), new StreamId("play"), "alice"),
        sink, new Random(1), new MediaClock());
    browser = new SctpAssociation(SctpConfig.defaults(), new Random(2));
    browserChannels = new DataChannelManager(browser, DtlsRole.CLIENT);
    backend = relay.connect(now, "play", "server", true, Delivery.RELIABLE, new Transport() {
      @Override
      public boolean offer(String json) {
        try {
          atBackend.add(JSON.readTree(json));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        return true;
      }

      @Override
      public void disconnect(String reason) {}
    });
    relay.startSession(now, "play");
    browser.connect(now);
    run(500);
    channel = browserChannels.open(now, "odeon", "", ChannelType.RELIABLE, 0);
    run(500);
  }

  private void run(long ms) {
    long end = now + ms * MS;
    while (now < end) {
      now += 5 * MS;
      for (int i = 0; i < 4; i++) {
        for (byte[] p; (p = browser.pollTransmit()) != null; ) {
          plane.handleData(now, p);
        }
        for (byte[] p; (p = toBrowser.poll()) != null; ) {
          browser.handleInput(now, p, 0, p.length);
        }
        browserChannels.handleEvents(now);
        for (DataChannelEvent e; (e = browserChannels.pollEvent()) != null; ) {
          if (e instanceof DataChannelEvent.TextMessage t) {
            atBrowser.add(t.text());
          }
        }
      }
      if (plane.pollTimeout() <= now) {
        plane.handleTimeout(now);
      }
      if (browser.pollTimeout() <= now) {
        browser.handleTimeout(now);
      }
    }
  }

  private List<JsonNode> backendNamed(String eventName) {
    return atBackend.stream().filter(n -> eventName.equals(n.path("eventName").asText())).toList();
  }

  @Test
  void channelJoinsAndEventsFlowBothWays() throws Exception {
    assertEquals("alice", backendNamed("user.joined").get(0).get("identity").asText());
    assertTrue(atBrowser.stream().anyMatch(s -> s.contains("session.started")), atBrowser.toString());

    browserChannels.sendText(now, channel, "{\"type\":\"event\",\"eventName\":\"click\",\"official\":true,\"from\":\"x\"}");
    run(300);
    JsonNode click = backendNamed("click").get(0);
    assertEquals("alice", click.get("from").asText());
    assertFalse(click.get("official").asBoolean());

    relay.handleMessage(now, backend, "{\"type\":\"event\",\"eventName\":\"board\"}");
    run(300);
    JsonNode board = JSON.readTree(atBrowser.stream().filter(s -> s.contains("board")).findFirst().orElseThrow());
    assertTrue(board.get("official").asBoolean());
  }

  @Test
  void garbageAndOversizedInputHarmNothing() {
    Random r = new Random(5);
    for (int i = 0; i < 2000; i++) {
      byte[] junk = new byte[r.nextInt(300)];
      r.nextBytes(junk);
      plane.handleData(now, junk);
    }
    browserChannels.sendText(now, channel, "{\"type\":\"event\",\"eventName\":\"x\",\"p\":\"" + "a".repeat(20_000) + "\"}");
    browserChannels.sendText(now, channel, "{\"type\":\"event\",\"eventName\":\"x\",\"a\":1,\"a\":2}");
    run(500);
    long errors = atBrowser.stream().filter(s -> s.contains("\"type\":\"error\"")).count();
    assertEquals(2, errors, atBrowser.toString());
    assertTrue(atBrowser.stream().anyMatch(s -> s.contains("event_too_large")));
    assertTrue(atBrowser.stream().anyMatch(s -> s.contains("duplicate_key")));
    browserChannels.sendText(now, channel, "{\"type\":\"event\",\"eventName\":\"still-here\"}");
    run(300);
    assertEquals(1, backendNamed("still-here").size(), "the channel still works");
  }

  @Test
  void channelsPastTheCapDoNotJoin() {
    for (int i = 0; i < 6; i++) {
      browserChannels.open(now, "extra" + i, "", ChannelType.RELIABLE, 0);
    }
    run(1000);
    assertEquals(ViewerDataPlane.MAX_CHANNELS, backendNamed("user.joined").size());
  }

  @Test
  void closingThePlaneLeavesTheRelay() {
    plane.close(now, "session closed");
    assertEquals("alice", backendNamed("user.left").get(0).get("identity").asText());
    relay.handleMessage(now, backend, "{\"type\":\"viewercount.get\"}");
    assertEquals(0, backendNamed("viewercount").get(0).get("count").asInt());
  }
}
