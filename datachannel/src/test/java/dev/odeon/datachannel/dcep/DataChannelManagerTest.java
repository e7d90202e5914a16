package dev.odeon.datachannel.dcep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.datachannel.dcep.DataChannelEvent.BinaryMessage;
import dev.odeon.datachannel.dcep.DataChannelEvent.ChannelClosed;
import dev.odeon.datachannel.dcep.DataChannelEvent.ChannelOpened;
import dev.odeon.datachannel.dcep.DataChannelEvent.OpenRefused;
import dev.odeon.datachannel.dcep.DataChannelEvent.TextMessage;
import dev.odeon.datachannel.sctp.ReliabilityPolicy;
import dev.odeon.datachannel.sctp.SctpAssociation;
import dev.odeon.datachannel.sctp.SctpConfig;
import dev.odeon.datachannel.sctp.SctpState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two managers over two in-memory associations, fake clock, seeded 10% loss. */
class DataChannelManagerTest {
  private static final long MS = 1_000_000L;

  private SctpAssociation client;
  private SctpAssociation server;
  private DataChannelManager c;
  private DataChannelManager s;
  private final List<DataChannelEvent> atClient = new ArrayList<>();
  private final List<DataChannelEvent> atServer = new ArrayList<>();
  private final Random net = new Random(7);
  private long now = 1000 * MS;

  @BeforeEach
  void connect() {
    client = new SctpAssociation(SctpConfig.defaults(), new Random(1));
    server = new SctpAssociation(SctpConfig.defaults(), new Random(2));
    c = new DataChannelManager(client, DtlsRole.CLIENT);
    s = new DataChannelManager(server, DtlsRole.SERVER);
    client.connect(now);
    server.connect(now);
    run(2000);
    assertEquals(SctpState.ESTABLISHED, client.state());
    assertEquals(SctpState.ESTABLISHED, server.state());
  }

  /** Runs the pair for {@code ms} of fake time in 5 ms ticks, delivering with 10% loss. */
  private void run(long ms) {
    long end = now + ms * MS;
    while (now < end) {
      now += 5 * MS;
      for (int round = 0; round < 4; round++) {
        carry(client, server);
        carry(server, client);
      }
      if (client.pollTimeout() <= now) {
        client.handleTimeout(now);
      }
      if (server.pollTimeout() <= now) {
        server.handleTimeout(now);
      }
      drain();
    }
  }

  private void carry(SctpAssociation from, SctpAssociation to) {
    byte[] p;
    while ((p = from.pollTransmit()) != null) {
      if (net.nextDouble() >= 0.10) {
        to.handleInput(now, p, 0, p.length);
      }
    }
  }

  private void drain() {
    c.handleEvents(now);
    s.handleEvents(now);
    DataChannelEvent e;
    while ((e = c.pollEvent()) != null) {
      atClient.add(e);
    }
    while ((e = s.pollEvent()) != null) {
      atServer.add(e);
    }
  }

  private static <T> List<T> of(List<DataChannelEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void openBothDirectionsWithRoleParity() {
    int fromClient = c.open(now, "chat", "json", ChannelType.RELIABLE, 0);
    int fromServer = s.open(now, "game", "", ChannelType.PARTIAL_RELIABLE_TIMED_UNORDERED, 500);
    assertEquals(0, fromClient % 2);
    assertEquals(1, fromServer % 2);
    run(2000);
    ChannelOpened remoteAtServer = of(atServer, ChannelOpened.class).stream()
        .filter(o -> o.channel().isRemote()).findFirst().orElseThrow();
    assertEquals("chat", remoteAtServer.channel().label());
    assertEquals("json", remoteAtServer.channel().protocol());
    assertEquals(fromClient, remoteAtServer.channel().id());
    ChannelOpened remoteAtClient = of(atClient, ChannelOpened.class).stream()
        .filter(o -> o.channel().isRemote()).findFirst().orElseThrow();
    assertEquals(ChannelType.PARTIAL_RELIABLE_TIMED_UNORDERED, remoteAtClient.channel().type());
    assertEquals(500, remoteAtClient.channel().reliabilityParameter());
    assertEquals(DataChannel.State.OPEN, c.channel(fromClient).state(), "ACK received");
    assertEquals(DataChannel.State.OPEN, s.channel(fromServer).state());
  }

  @Test
  void textBinaryAndEmptyMessagesBothWays() {
    int id = c.open(now, "data", "", ChannelType.RELIABLE, 0);
    assertTrue(c.sendText(now, id, "h\u00e9llo"));
    assertTrue(c.sendText(now, id, ""));
    assertTrue(c.sendBinary(now, id, new byte[] {1, 2}));
    assertTrue(c.sendBinary(now, id, new byte[0]));
    run(3000);
    assertTrue(s.sendText(now, id, "back"));
    run(2000);
    List<DataChannelEvent> msgs = atServer.stream()
        .filter(e -> e instanceof TextMessage || e instanceof BinaryMessage).toList();
    assertEquals(4, msgs.size());
    assertEquals(new TextMessage(id, "h\u00e9llo"), msgs.get(0));
    assertEquals(new TextMessage(id, ""), msgs.get(1));
    assertArrayEquals(new byte[] {1, 2}, ((BinaryMessage) msgs.get(2)).data());
    assertArrayEquals(new byte[0], ((BinaryMessage) msgs.get(3)).data());
    assertEquals(List.of(new TextMessage(id, "back")), of(atClient, TextMessage.class));
  }

  @Test
  void duplicateOpenIsRefused() {
    int id = c.open(now, "one", "", ChannelType.RELIABLE, 0);
    run(2000);
    // A second OPEN on the same stream, as a misbehaving peer would send it.
    byte[] again = new DcepOpen(ChannelType.RELIABLE, 0, 0, "two", "").encode();
    assertTrue(client.send(now, id, Ppid.DCEP, again, true, ReliabilityPolicy.RELIABLE));
    run(2000);
    assertEquals(1, of(atServer, OpenRefused.class).size());
    assertEquals(1, s.duplicateOpenCount());
    assertEquals("one", s.channel(id).label());
  }

  @Test
  void openWithOurParityAndMalformedOpenAreRefused() {
    // The client opens on an odd stream, which belongs to the server.
    byte[] open = new DcepOpen(ChannelType.RELIABLE, 0, 0, "bad", "").encode();
    assertTrue(client.send(now, 3, Ppid.DCEP, open, true, ReliabilityPolicy.RELIABLE));
    byte[] truncated = java.util.Arrays.copyOf(open, 13);
    assertTrue(client.send(now, 4, Ppid.DCEP, truncated, true, ReliabilityPolicy.RELIABLE));
    run(2000);
    assertEquals(2, of(atServer, OpenRefused.class).size());
    assertNull(s.channel(3));
    assertNull(s.channel(4));
    assertEquals(1, s.malformedCount());
  }

  @Test
  void closeResetsBothDirectionsAndFreesTheId() {
    int id = c.open(now, "short-lived", "", ChannelType.RELIABLE, 0);
    assertTrue(c.sendText(now, id, "bye"));
    run(2000);
    assertTrue(c.close(now, id));
    assertFalse(c.sendText(now, id, "after close"));
    run(3000);
    assertEquals(List.of(new ChannelClosed(id)), of(atClient, ChannelClosed.class));
    assertEquals(List.of(new ChannelClosed(id)), of(atServer, ChannelClosed.class));
    assertNull(c.channel(id));
    assertEquals(List.of(new TextMessage(id, "bye")), of(atServer, TextMessage.class));
    int reopened = c.open(now, "again", "", ChannelType.RELIABLE, 0);
    assertTrue(c.sendText(now, reopened, "fresh"));
    run(2000);
    assertTrue(of(atServer, TextMessage.class).contains(new TextMessage(reopened, "fresh")));
  }

  @Test
  void unorderedChannelSendsOrderedUntilAcked() {
    int id = c.open(now, "fast", "", ChannelType.RELIABLE_UNORDERED, 0);
    // Sent right after the OPEN, before any ACK: must not be able to overtake the OPEN.
    for (int i = 0; i < 20; i++) {
      assertTrue(c.sendText(now, id, "early " + i));
    }
    run(3000);
    assertEquals(20, of(atServer, TextMessage.class).size());
    assertEquals(0, s.unknownStreamCount(), "no message arrived before its channel existed");
    assertEquals(DataChannel.State.OPEN, c.channel(id).state());
    assertTrue(c.sendText(now, id, "late"));
    run(2000);
    assertEquals(21, of(atServer, TextMessage.class).size());
  }
}
