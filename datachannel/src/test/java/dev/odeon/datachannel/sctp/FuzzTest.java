package dev.odeon.datachannel.sctp;

import static dev.odeon.datachannel.sctp.Link.MS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Mutated real packets (with the checksum fixed up so they reach the chunk parsers) never make an
 * association throw.
 */
class FuzzTest {

  private static void fixChecksum(byte[] p) {
    p[8] = p[9] = p[10] = p[11] = 0;
    CRC32C crc = new CRC32C();
    crc.update(p);
    long v = crc.getValue();
    p[8] = (byte) v;
    p[9] = (byte) (v >>> 8);
    p[10] = (byte) (v >>> 16);
    p[11] = (byte) (v >>> 24);
  }

  @Test
  void mutatedPacketsNeverThrow() {
    Link l = new Link(SctpConfig.defaults(), 41);
    List<byte[]> corpus = new ArrayList<>();
    l.dropIf = (fromA, p) -> {
      corpus.add(p.clone());
      return false;
    };
    l.connect();
    for (int i = 0; i < 30; i++) {
      l.a.send(l.now, i % 4, 51, new byte[1 + i * 97], i % 2 == 0,
          i % 3 == 0 ? ReliabilityPolicy.maxRetransmits(0) : ReliabilityPolicy.RELIABLE);
    }
    l.a.resetStream(l.now, 1);
    l.runFor(3000 * MS);
    l.a.shutdown(l.now);
    l.runFor(3000 * MS);
    assertTrue(corpus.size() > 20);
    Random r = new Random(99);
    long reachedChunks = 0;
    l = fresh();
    for (int round = 0; round < 20_000; round++) {
      if (round % 500 == 0 || l.a.state() == SctpState.CLOSED || l.b.state() == SctpState.CLOSED) {
        reachedChunks += l.a.counters().malformedChunks() + l.b.counters().malformedChunks();
        l = fresh();
      }
      Link target = l;
      byte[] p = corpus.get(r.nextInt(corpus.size())).clone();
      int flips = 1 + r.nextInt(4);
      for (int f = 0; f < flips; f++) {
        int at = SctpPacket.HEADER + r.nextInt(Math.max(1, p.length - SctpPacket.HEADER));
        if (at < p.length) {
          p[at] = (byte) (r.nextBoolean() ? r.nextInt(256) : p[at] ^ (1 << r.nextInt(8)));
        }
      }
      if (r.nextInt(10) == 0) {
        p = java.util.Arrays.copyOf(p, SctpPacket.HEADER + r.nextInt(p.length));
      }
      fixChecksum(p);
      byte[] packet = p;
      SctpAssociation victim = r.nextBoolean() ? target.a : target.b;
      assertDoesNotThrow(() -> {
        victim.handleInput(target.now, packet, 0, packet.length);
        victim.handleTimeout(target.now + 100 * MS);
        while (victim.pollTransmit() != null) {
          // drain
        }
        while (victim.pollEvent() != null) {
          // drain
        }
      }, "round " + round);
    }
    assertTrue(reachedChunks > 100, "mutations got past the header checks: " + reachedChunks);
  }

  /** Same seed as the corpus: same tags and TSNs, so mutated packets reach the chunk parsers. */
  private static Link fresh() {
    Link l = new Link(SctpConfig.defaults(), 41);
    l.connect();
    return l;
  }
}
