package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.datachannel.sctp.SctpEvent.MessageReceived;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile packets against an established receiver: dropped and counted, association unharmed. */
class BadInputTest {
  private static final SctpConfig SMALL = new SctpConfig(5000, 5000, 1200, 4096, 8192, 65536,
      1 << 20, 65535, 1000, 400, 60_000, 10, 8, 200, 30_000, 60_000);

  private Link link;
  private SctpAssociation b;
  private int tagAtB;
  private int tagAtA;
  private int tsn;

  @BeforeEach
  void establish() {
    link = new Link(SMALL, 31);
    link.connect();
    b = link.b;
    // Learn the tags and the next TSN from a real packet A would send (it is not delivered).
    link.a.send(link.now, 0, 51, new byte[] {9}, true, ReliabilityPolicy.RELIABLE);
    byte[] p = link.a.pollTransmit();
    SctpPacket pkt = SctpPacket.parse(p, 0, p.length);
    tagAtB = pkt.verificationTag();
    tsn = DataChunk.parse(pkt.chunks().get(0)).tsn();
    link.pump();
    byte[] fromB = craftProbeFromB();
    tagAtA = SctpPacket.parse(fromB, 0, fromB.length).verificationTag();
  }

  private byte[] craftProbeFromB() {
    b.send(link.now, 1, 51, new byte[] {1}, true, ReliabilityPolicy.RELIABLE);
    return b.pollTransmit();
  }

  private void toB(byte[]... chunks) {
    byte[] p = SctpPacket.build(5000, 5000, tagAtB, List.of(chunks));
    b.handleInput(link.now, p, 0, p.length);
  }

  private static byte[] data(int tsn, int sid, int ssn, boolean begin, boolean end, int size) {
    return new DataChunk(tsn, sid, ssn, 53, false, false, begin, end, new byte[size]).encode();
  }

  private List<MessageReceived> delivered() {
    SctpEvent e;
    while ((e = b.pollEvent()) != null) {
      link.eventsB.add(e);
    }
    return Link.ofType(link.eventsB, MessageReceived.class);
  }

  @Test
  void validCraftedDataIsDelivered() {
    toB(data(tsn, 0, 0, true, true, 10));
    assertEquals(1, delivered().size());
  }

  @Test
  void badChecksumDropped() {
    byte[] p = SctpPacket.build(5000, 5000, tagAtB, List.of(data(tsn, 0, 0, true, true, 10)));
    p[p.length - 1] ^= 1;
    b.handleInput(link.now, p, 0, p.length);
    assertEquals(1, b.counters().badChecksum());
    assertTrue(delivered().isEmpty());
  }

  @Test
  void wrongVerificationTagDropped() {
    byte[] p = SctpPacket.build(5000, 5000, tagAtB + 1, List.of(data(tsn, 0, 0, true, true, 10)));
    b.handleInput(link.now, p, 0, p.length);
    assertEquals(1, b.counters().badVerificationTag());
    assertTrue(delivered().isEmpty());
  }

  @Test
  void chunkLengthZeroAndThreeDropThePacket() {
    for (int len : new int[] {0, 3}) {
      byte[] bogus = {0, 3, 0, (byte) len};
      toB(data(tsn, 0, 0, true, true, 10), bogus);
    }
    assertEquals(2, b.counters().malformedPackets());
    assertTrue(delivered().isEmpty(), "the whole packet is dropped, earlier chunks included");
    toB(data(tsn, 0, 0, true, true, 10));
    assertEquals(1, delivered().size());
    assertEquals(SctpState.ESTABLISHED, b.state());
  }

  @Test
  void chunkLengthPastEndDropsThePacket() {
    byte[] c = data(tsn, 0, 0, true, true, 10);
    Wire.put16(c, 2, 200);
    toB(c);
    assertEquals(1, b.counters().malformedPackets());
    assertTrue(delivered().isEmpty());
  }

  @Test
  void sackWhoseGapCountExceedsTheChunkIsDropped() {
    byte[] sack = new SackChunk(tagAtA, 65536, new int[0], new int[0], new int[0]).encode();
    Wire.put16(sack, 12, 10); // Claims ten gap blocks, carries none.
    byte[] p = SctpPacket.build(5000, 5000, tagAtA, List.of(sack));
    link.a.handleInput(link.now, p, 0, p.length);
    assertEquals(1, link.a.counters().malformedChunks());
    assertEquals(SctpState.ESTABLISHED, link.a.state());
  }

  @Test
  void dataFarOutsideTheWindowIsDropped() {
    toB(data(tsn + 100_000, 0, 0, true, true, 10));
    toB(data(tsn - 100_000, 0, 0, true, true, 10));
    assertEquals(1, b.counters().outOfWindowData());
    assertEquals(1, b.counters().duplicateTsns(), "far behind counts as an old duplicate");
    assertTrue(delivered().isEmpty());
    assertEquals(0, b.reassemblyBytes());
  }

  @Test
  void dataWithoutUserDataIsMalformed() {
    byte[] c = data(tsn, 0, 0, true, true, 1);
    byte[] empty = java.util.Arrays.copyOf(c, 16);
    Wire.put16(empty, 2, 16);
    toB(empty);
    assertEquals(1, b.counters().malformedChunks());
  }

  @Test
  void fragmentsPastMaxMessageSizeAreRefusedAndReleased() {
    toB(data(tsn, 2, 0, true, false, 1000));
    for (int i = 1; i <= 4; i++) {
      toB(data(tsn + i, 2, 0, false, false, 1000));
    }
    assertEquals(1, b.counters().refusedMessages());
    assertEquals(0, b.reassemblyBytes());
    // The rest of the refused message, including its end, is discarded without a second event.
    toB(data(tsn + 5, 2, 0, false, false, 1000));
    toB(data(tsn + 6, 2, 0, false, true, 1000));
    assertEquals(0, b.reassemblyBytes());
    // The next message on the same ordered stream (SSN 1) is delivered.
    toB(data(tsn + 7, 2, 1, true, true, 10));
    List<MessageReceived> got = delivered();
    assertEquals(1, got.size());
    assertEquals(10, got.get(0).data().length);
    assertEquals(1, Link.ofType(link.eventsB, SctpEvent.MessageRefused.class).size());
  }

  @Test
  void neverCompletedFragmentsAreBoundedByTheMemoryCap() {
    // Skip TSN `tsn` so nothing is in order; each fragment starts a message on its own stream.
    for (int i = 1; i <= 40; i++) {
      toB(data(tsn + i, 10 + i, 0, true, false, 1000));
    }
    assertTrue(b.reassemblyBytes() <= SMALL.maxReassemblyBytes());
    assertTrue(b.counters().noBufferData() > 0);
    assertEquals(SctpState.ESTABLISHED, b.state());
  }

  @Test
  void heldFragmentsReleasedWhenTheAssociationDies() {
    toB(data(tsn, 3, 0, true, false, 1000));
    assertEquals(1000, b.reassemblyBytes());
    toB(new AbortChunk(false, -1).encode());
    assertEquals(SctpState.CLOSED, b.state());
    assertEquals(0, b.reassemblyBytes());
  }

  @Test
  void unknownChunkTypesFollowTheirActionBits() {
    byte[] skipReport = Wire.chunk(0xC1, 0, 4);
    toB(skipReport, data(tsn, 0, 0, true, true, 10));
    assertEquals(1, delivered().size(), "0b11: skipped, the rest processed");
    byte[] stop = Wire.chunk(0x3F, 0, 0);
    toB(stop, data(tsn + 1, 0, 1, true, true, 10));
    assertEquals(1, delivered().size(), "0b00: rest of the packet discarded");
    assertEquals(2, b.counters().unknownChunks());
  }

  @Test
  void initWithParameterLengthBelowFourIsDropped() {
    SctpAssociation server = new SctpAssociation(SctpConfig.defaults(), new Random(5));
    byte[] init = new InitChunk(false, 1234, 65536, 10, 10, 77, true, true, null).encode();
    Wire.put16(init, 22, 2); // First parameter (Forward-TSN-Supported) now claims length 2.
    byte[] p = SctpPacket.build(5000, 5000, 0, List.of(init));
    server.handleInput(0, p, 0, p.length);
    assertNull(server.pollTransmit());
    assertEquals(1, server.counters().malformedChunks());
    assertEquals(SctpState.CLOSED, server.state());
  }

  @Test
  void forgedCookieIsRejected() {
    SctpAssociation server = new SctpAssociation(SctpConfig.defaults(), new Random(6));
    byte[] cookie = new StateCookie(0, 42, 43, 1, 2, 65536, 10, 10, true, true)
        .sign(new byte[32]);
    byte[] p = SctpPacket.build(5000, 5000, 42, List.of(new CookieEchoChunk(cookie).encode()));
    server.handleInput(0, p, 0, p.length);
    assertEquals(1, server.counters().badCookies());
    assertEquals(SctpState.CLOSED, server.state());
    assertNull(server.pollTransmit());
  }
}
