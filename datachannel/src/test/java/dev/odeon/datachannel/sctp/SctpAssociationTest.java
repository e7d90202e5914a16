package dev.odeon.datachannel.sctp;

import static dev.odeon.datachannel.sctp.Link.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.datachannel.sctp.SctpEvent.MessageReceived;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SctpAssociationTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void handshakeThenMessagesBothWays() {
    Link l = new Link(SctpConfig.defaults(), 1);
    l.connect();
    assertEquals(SctpState.ESTABLISHED, l.a.state());
    assertEquals(SctpState.ESTABLISHED, l.b.state());
    assertEquals(1, Link.ofType(l.eventsA, SctpEvent.Connected.class).size());
    assertEquals(1, Link.ofType(l.eventsB, SctpEvent.Connected.class).size());
    assertTrue(l.a.send(l.now, 1, 51, bytes("hello"), true, ReliabilityPolicy.RELIABLE));
    assertTrue(l.b.send(l.now, 2, 53, new byte[] {1, 2, 3}, false, ReliabilityPolicy.RELIABLE));
    l.runFor(1000 * MS);
    List<MessageReceived> atB = Link.ofType(l.eventsB, MessageReceived.class);
    List<MessageReceived> atA = Link.ofType(l.eventsA, MessageReceived.class);
    assertEquals(1, atB.size());
    assertEquals(1, atB.get(0).streamId());
    assertEquals(51, atB.get(0).ppid());
    assertArrayEquals(bytes("hello"), atB.get(0).data());
    assertArrayEquals(new byte[] {1, 2, 3}, atA.get(0).data());
    assertEquals(0, l.a.bufferedAmount());
  }

  @Test
  void simultaneousOpenEstablishesBoth() {
    Link l = new Link(SctpConfig.defaults(), 2);
    l.a.connect(l.now);
    l.b.connect(l.now);
    l.runUntil(() -> l.a.state() == SctpState.ESTABLISHED && l.b.state() == SctpState.ESTABLISHED,
        10_000 * MS);
    assertEquals(SctpState.ESTABLISHED, l.a.state());
    assertEquals(SctpState.ESTABLISHED, l.b.state());
    assertTrue(l.a.send(l.now, 0, 51, bytes("x"), true, ReliabilityPolicy.RELIABLE));
    l.runFor(1000 * MS);
    assertEquals(1, Link.ofType(l.eventsB, MessageReceived.class).size());
  }

  @Test
  void fragmentedMessageIsReassembled() {
    Link l = new Link(SctpConfig.defaults(), 3);
    l.connect();
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7);
    }
    assertTrue(l.a.send(l.now, 4, 53, big, true, ReliabilityPolicy.RELIABLE));
    l.runFor(5000 * MS);
    List<MessageReceived> got = Link.ofType(l.eventsB, MessageReceived.class);
    assertEquals(1, got.size());
    assertArrayEquals(big, got.get(0).data());
    assertEquals(0, l.b.reassemblyBytes());
  }

  @Test
  void oneMebibyteMessageRefusedAtDefaultLimitAndAssociationSurvives() {
    Link l = new Link(SctpConfig.defaults(), 4);
    l.connect();
    assertTrue(l.a.send(l.now, 6, 53, new byte[1 << 20], true, ReliabilityPolicy.RELIABLE));
    assertTrue(l.a.send(l.now, 6, 51, bytes("after"), true, ReliabilityPolicy.RELIABLE));
    l.runUntil(() -> !Link.ofType(l.eventsB, MessageReceived.class).isEmpty(), 60_000 * MS);
    List<SctpEvent.MessageRefused> refused = Link.ofType(l.eventsB, SctpEvent.MessageRefused.class);
    assertEquals(1, refused.size());
    assertEquals(6, refused.get(0).streamId());
    List<MessageReceived> got = Link.ofType(l.eventsB, MessageReceived.class);
    assertEquals(1, got.size());
    assertArrayEquals(bytes("after"), got.get(0).data());
    assertEquals(SctpState.ESTABLISHED, l.b.state());
    assertTrue(l.b.reassemblyBytes() <= 256 * 1024);
    l.runFor(2000 * MS);
    assertEquals(0, l.b.reassemblyBytes());
    assertEquals(1, l.b.counters().refusedMessages());
  }

  @Test
  void gracefulShutdownClosesBothSides() {
    Link l = new Link(SctpConfig.defaults(), 5);
    l.connect();
    assertTrue(l.a.send(l.now, 1, 51, bytes("last words"), true, ReliabilityPolicy.RELIABLE));
    l.a.shutdown(l.now);
    assertFalse(l.a.send(l.now, 1, 51, bytes("too late"), true, ReliabilityPolicy.RELIABLE));
    l.runUntil(() -> l.a.state() == SctpState.CLOSED && l.b.state() == SctpState.CLOSED,
        10_000 * MS);
    assertEquals(SctpState.CLOSED, l.a.state());
    assertEquals(SctpState.CLOSED, l.b.state());
    assertEquals(1, Link.ofType(l.eventsB, MessageReceived.class).size());
    assertEquals(1, Link.ofType(l.eventsA, SctpEvent.Closed.class).size());
    assertEquals(1, Link.ofType(l.eventsB, SctpEvent.Closed.class).size());
  }

  @Test
  void unreachablePeerAbortsAfterMaxRetransmissions() {
    Link l = new Link(SctpConfig.defaults().withMaxRetransmissions(3), 6);
    l.connect();
    l.loss = 1.0;
    assertTrue(l.a.send(l.now, 1, 51, bytes("void"), true, ReliabilityPolicy.RELIABLE));
    l.runUntil(() -> l.a.state() == SctpState.CLOSED, 600_000 * MS);
    assertEquals(SctpState.CLOSED, l.a.state());
    assertEquals(1, Link.ofType(l.eventsA, SctpEvent.Aborted.class).size());
    assertEquals(4, l.a.counters().timeouts());
  }

  @Test
  void abortReachesPeer() {
    Link l = new Link(SctpConfig.defaults().withMaxRetransmissions(0), 7);
    l.connect();
    l.dropIf = (fromA, p) -> !fromA; // B's SACKs never arrive: A times out and aborts.
    assertTrue(l.a.send(l.now, 1, 51, bytes("x"), true, ReliabilityPolicy.RELIABLE));
    l.runUntil(() -> l.b.state() == SctpState.CLOSED, 60_000 * MS);
    assertEquals(SctpState.CLOSED, l.b.state());
    assertEquals(1, Link.ofType(l.eventsB, SctpEvent.Aborted.class).size());
  }

  @Test
  void streamResetRestartsSsnBothWays() {
    Link l = new Link(SctpConfig.defaults(), 8);
    l.connect();
    assertTrue(l.a.send(l.now, 2, 51, bytes("one"), true, ReliabilityPolicy.RELIABLE));
    assertTrue(l.a.resetStream(l.now, 2));
    assertFalse(l.a.send(l.now, 2, 51, bytes("during"), true, ReliabilityPolicy.RELIABLE));
    l.runFor(2000 * MS);
    assertEquals(List.of(new SctpEvent.StreamReset(2, true)),
        Link.ofType(l.eventsB, SctpEvent.StreamReset.class));
    assertEquals(List.of(new SctpEvent.StreamReset(2, false)),
        Link.ofType(l.eventsA, SctpEvent.StreamReset.class));
    // After the reset the stream starts again at SSN 0 and still delivers.
    assertTrue(l.a.send(l.now, 2, 51, bytes("two"), true, ReliabilityPolicy.RELIABLE));
    l.runFor(2000 * MS);
    List<MessageReceived> got = Link.ofType(l.eventsB, MessageReceived.class);
    assertEquals(2, got.size());
    assertArrayEquals(bytes("two"), got.get(1).data());
  }

  @Test
  void heartbeatsKeepIdleAssociationAlive() {
    Link l = new Link(SctpConfig.defaults(), 9);
    l.connect();
    long before = l.packetsCarried;
    l.runFor(300_000 * MS);
    assertEquals(SctpState.ESTABLISHED, l.a.state());
    assertTrue(l.packetsCarried - before >= 18, "heartbeats and acks were exchanged");
  }

  @Test
  void sendRejectsEmptyAndOutOfRange() {
    Link l = new Link(SctpConfig.defaults(), 10);
    assertFalse(l.a.send(l.now, 1, 51, bytes("early"), true, ReliabilityPolicy.RELIABLE));
    l.connect();
    assertFalse(l.a.send(l.now, 70000, 51, bytes("x"), true, ReliabilityPolicy.RELIABLE));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> l.a.send(l.now, 1, 51, new byte[0], true, ReliabilityPolicy.RELIABLE));
  }

  @Test
  void sackIsDelayedForOnePacketAndImmediateForTheSecond() {
    Link l = new Link(SctpConfig.defaults(), 11);
    l.connect();
    l.runFor(500 * MS); // Let handshake-time SACKs and timers settle.
    assertTrue(l.a.send(l.now, 1, 51, bytes("one"), true, ReliabilityPolicy.RELIABLE));
    byte[] first = l.a.pollTransmit();
    l.b.handleInput(l.now, first, 0, first.length);
    assertEquals(null, l.b.pollTransmit(), "no SACK yet");
    assertEquals(l.now + 200 * MS, l.b.pollTimeout());
    l.b.handleTimeout(l.now + 200 * MS);
    byte[] sack = l.b.pollTransmit();
    assertEquals(ChunkType.SACK, SctpPacket.parse(sack, 0, sack.length).chunks().get(0).type());

    assertTrue(l.a.send(l.now, 1, 51, bytes("two"), true, ReliabilityPolicy.RELIABLE));
    assertTrue(l.a.send(l.now, 1, 51, bytes("three"), true, ReliabilityPolicy.RELIABLE));
    byte[] p2 = l.a.pollTransmit();
    byte[] p3 = l.a.pollTransmit();
    l.b.handleInput(l.now + 201 * MS, p2, 0, p2.length);
    assertEquals(null, l.b.pollTransmit());
    l.b.handleInput(l.now + 201 * MS, p3, 0, p3.length);
    assertTrue(l.b.pollTransmit() != null, "every second DATA packet is acknowledged at once");
  }

  @Test
  void resetRequestArrivingBeforeItsDataWaitsForTheData() {
    Link l = new Link(SctpConfig.defaults(), 12);
    l.connect();
    boolean[] dropped = {false};
    l.dropIf = (fromA, p) -> {
      SctpPacket pkt = SctpPacket.parse(p, 0, p.length);
      boolean data = pkt.chunks().stream().anyMatch(c -> c.type() == ChunkType.DATA);
      if (fromA && data && !dropped[0]) {
        dropped[0] = true;
        return true;
      }
      return false;
    };
    assertTrue(l.a.send(l.now, 2, 51, bytes("before reset"), true, ReliabilityPolicy.RELIABLE));
    assertTrue(l.a.resetStream(l.now, 2));
    l.runFor(5000 * MS);
    assertTrue(dropped[0]);
    List<SctpEvent> atB = l.eventsB.stream()
        .filter(e -> e instanceof MessageReceived || e instanceof SctpEvent.StreamReset).toList();
    assertEquals(2, atB.size());
    assertTrue(atB.get(0) instanceof MessageReceived, "data first, then the reset");
    assertEquals(new SctpEvent.StreamReset(2, true), atB.get(1));
    assertEquals(List.of(new SctpEvent.StreamReset(2, false)),
        Link.ofType(l.eventsA, SctpEvent.StreamReset.class));
  }
}
