package dev.odeon.datachannel.sctp;

import static dev.odeon.datachannel.sctp.Link.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.datachannel.sctp.SctpEvent.MessageReceived;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PR-SCTP (RFC 3758): abandoned messages are skipped with FORWARD TSN, later ones flow on. */
class PartialReliabilityTest {

  private static boolean hasData(byte[] p) {
    SctpPacket pkt = SctpPacket.parse(p, 0, p.length);
    return pkt != null && pkt.chunks().stream().anyMatch(c -> c.type() == ChunkType.DATA);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void maxRetransmitsZeroAbandonsAndOrderedStreamContinues() {
    Link l = new Link(SctpConfig.defaults(), 21);
    l.connect();
    l.dropIf = (fromA, p) -> fromA && hasData(p);
    for (int i = 0; i < 5; i++) {
      assertTrue(l.a.send(l.now, 1, 51, bytes("lost " + i), true,
          ReliabilityPolicy.maxRetransmits(0)));
    }
    l.runFor(100 * MS);
    l.dropIf = (fromA, p) -> false;
    assertTrue(l.a.send(l.now, 1, 51, bytes("tail"), true, ReliabilityPolicy.RELIABLE));
    l.runFor(5000 * MS);
    List<MessageReceived> got = Link.ofType(l.eventsB, MessageReceived.class);
    assertEquals(1, got.size());
    assertArrayEquals(bytes("tail"), got.get(0).data());
    assertEquals(5, l.a.counters().abandonedMessages());
    assertEquals(0, l.a.bufferedAmount());
    assertEquals(SctpState.ESTABLISHED, l.b.state());
  }

  @Test
  void maxRetransmitsTwoIsRetriedTwiceThenAbandoned() {
    Link l = new Link(SctpConfig.defaults(), 22);
    l.connect();
    l.dropIf = (fromA, p) -> fromA && hasData(p);
    assertTrue(l.a.send(l.now, 5, 53, bytes("doomed"), false, ReliabilityPolicy.maxRetransmits(2)));
    l.runFor(20_000 * MS);
    assertEquals(2, l.a.counters().retransmissions());
    assertEquals(1, l.a.counters().abandonedMessages());
    assertEquals(0, l.a.bufferedAmount());
    assertTrue(Link.ofType(l.eventsB, MessageReceived.class).isEmpty());
  }

  @Test
  void lifetimeExpiryAbandonsQueuedAndSentMessages() {
    Link l = new Link(SctpConfig.defaults(), 23);
    l.connect();
    l.dropIf = (fromA, p) -> fromA && hasData(p);
    for (int i = 0; i < 3; i++) {
      assertTrue(l.a.send(l.now, 2, 51, bytes("stale " + i), true,
          ReliabilityPolicy.maxLifetimeMs(200)));
      assertTrue(l.a.send(l.now, 3, 51, bytes("stale u" + i), false,
          ReliabilityPolicy.maxLifetimeMs(200)));
    }
    l.runFor(3000 * MS);
    l.dropIf = (fromA, p) -> false;
    assertTrue(l.a.send(l.now, 2, 51, bytes("fresh"), true, ReliabilityPolicy.maxLifetimeMs(200)));
    l.runFor(3000 * MS);
    List<MessageReceived> got = Link.ofType(l.eventsB, MessageReceived.class);
    assertEquals(1, got.size());
    assertArrayEquals(bytes("fresh"), got.get(0).data());
    assertEquals(6, l.a.counters().abandonedMessages());
  }

  @Test
  void abandonedFragmentedMessageReleasesReceiverMemory() {
    Link l = new Link(SctpConfig.defaults(), 24);
    l.connect();
    int[] dataPackets = {0};
    l.dropIf = (fromA, p) -> fromA && hasData(p) && ++dataPackets[0] == 2;
    assertTrue(l.a.send(l.now, 1, 53, new byte[20_000], true, ReliabilityPolicy.maxRetransmits(0)));
    l.runFor(35 * MS);
    assertTrue(l.b.reassemblyBytes() > 2000, "fragments around the hole are held");
    l.runFor(10_000 * MS);
    assertEquals(0, l.b.reassemblyBytes());
    assertTrue(Link.ofType(l.eventsB, MessageReceived.class).isEmpty());
    assertTrue(l.a.send(l.now, 1, 51, bytes("next"), true, ReliabilityPolicy.RELIABLE));
    l.runFor(2000 * MS);
    assertEquals(1, Link.ofType(l.eventsB, MessageReceived.class).size());
  }
}
