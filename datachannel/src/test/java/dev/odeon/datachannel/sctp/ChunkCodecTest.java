package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Round trips and malformed cases for each chunk codec. */
class ChunkCodecTest {

  private static RawChunk raw(byte[] chunk) {
    return new RawChunk(chunk[0] & 0xff, chunk[1] & 0xff, chunk, 4, Wire.u16(chunk, 2) - 4);
  }

  @Test
  void dataRoundTrip() {
    DataChunk d = new DataChunk(0xFFFFFFF0, 65535, 65534, 51, true, true, true, false,
        new byte[] {1, 2, 3});
    DataChunk back = DataChunk.parse(raw(d.encode()));
    assertEquals(d.tsn(), back.tsn());
    assertEquals(65535, back.streamId());
    assertEquals(65534, back.ssn());
    assertTrue(back.immediate() && back.unordered() && back.beginning() && !back.ending());
    assertArrayEquals(d.payload(), back.payload());
  }

  @Test
  void initRoundTripAndBadParameters() {
    InitChunk i = new InitChunk(true, 7, 1 << 20, 100, 200, 99, true, true, new byte[] {1, 2, 3});
    InitChunk back = InitChunk.parse(raw(i.encode()));
    assertEquals(7, back.initiateTag());
    assertEquals(1 << 20, back.aRwnd());
    assertEquals(100, back.outboundStreams());
    assertEquals(200, back.inboundStreams());
    assertTrue(back.forwardTsnSupported() && back.reconfigSupported());
    assertArrayEquals(new byte[] {1, 2, 3}, back.cookie());

    byte[] zeroTag = new InitChunk(false, 1, 1, 1, 1, 1, false, false, null).encode();
    Wire.put32(zeroTag, 4, 0);
    assertNull(InitChunk.parse(raw(zeroTag)), "initiate tag 0");
    byte[] pastEnd = new InitChunk(false, 1, 1, 1, 1, 1, false, false, null).encode();
    Wire.put16(pastEnd, 22, 40);
    assertNull(InitChunk.parse(raw(pastEnd)), "parameter past the chunk");
    byte[] noCookie = new InitChunk(false, 1, 1, 1, 1, 1, false, false, null).encode();
    noCookie[0] = ChunkType.INIT_ACK;
    assertNull(InitChunk.parse(raw(noCookie)), "INIT ACK without a cookie");
  }

  @Test
  void sackRoundTripAndLyingCounts() {
    SackChunk s = new SackChunk(1000, 5000, new int[] {2, 10}, new int[] {4, 12}, new int[] {999});
    SackChunk back = SackChunk.parse(raw(s.encode()));
    assertArrayEquals(new int[] {2, 10}, back.gapStarts());
    assertArrayEquals(new int[] {4, 12}, back.gapEnds());
    assertArrayEquals(new int[] {999}, back.duplicates());
    byte[] lying = s.encode();
    Wire.put16(lying, 14, 3); // three duplicates claimed, one present
    assertNull(SackChunk.parse(raw(lying)));
    byte[] inverted = new SackChunk(1, 1, new int[] {5}, new int[] {3}, new int[0]).encode();
    assertNull(SackChunk.parse(raw(inverted)), "gap end before start");
    byte[] overlapping = new SackChunk(1, 1, new int[] {2, 3}, new int[] {5, 9}, new int[0]).encode();
    assertNull(SackChunk.parse(raw(overlapping)), "overlapping gap blocks");
  }

  @Test
  void forwardTsnRoundTripAndOddLength() {
    ForwardTsnChunk f = new ForwardTsnChunk(77, new int[] {1, 2}, new int[] {3, 4});
    ForwardTsnChunk back = ForwardTsnChunk.parse(raw(f.encode()));
    assertEquals(77, back.newCumTsn());
    assertArrayEquals(new int[] {1, 2}, back.streams());
    assertArrayEquals(new int[] {3, 4}, back.ssns());
    byte[] odd = java.util.Arrays.copyOf(f.encode(), 14);
    Wire.put16(odd, 2, 14);
    assertNull(ForwardTsnChunk.parse(raw(odd)));
  }

  @Test
  void reconfigRoundTripAndShortParameter() {
    ReconfigChunk req = new ReconfigChunk(
        new ReconfigChunk.ResetRequest(5, 6, 7, new int[] {1, 3, 5}), null);
    ReconfigChunk back = ReconfigChunk.parse(raw(req.encode()));
    assertEquals(5, back.request().requestSeq());
    assertArrayEquals(new int[] {1, 3, 5}, back.request().streams());
    ReconfigChunk resp = ReconfigChunk.parse(raw(
        new ReconfigChunk(null, new ReconfigChunk.Response(5, 1)).encode()));
    assertEquals(1, resp.response().result());
    byte[] shortParam = req.encode();
    Wire.put16(shortParam, 6, 8);
    assertNull(ReconfigChunk.parse(raw(shortParam)));
  }

  @Test
  void heartbeatEchoAndBadInfoLength() {
    HeartbeatChunk h = new HeartbeatChunk(false, new byte[] {1, 2, 3, 4});
    HeartbeatChunk back = HeartbeatChunk.parse(raw(h.encode()));
    assertFalse(back.ack());
    assertArrayEquals(h.info(), back.info());
    byte[] bad = h.encode();
    Wire.put16(bad, 6, 2);
    assertNull(HeartbeatChunk.parse(raw(bad)));
  }

  @Test
  void smallChunks() {
    assertEquals(9, ShutdownChunk.parse(raw(new ShutdownChunk(9).encode())).cumTsnAck());
    assertTrue(AbortChunk.parse(raw(new AbortChunk(true, 12).encode())).reflected());
    assertEquals(12, AbortChunk.parse(raw(new AbortChunk(true, 12).encode())).causeCode());
    ErrorChunk e = ErrorChunk.parse(raw(new ErrorChunk(6, new byte[] {1, 2}).encode()));
    assertEquals(6, e.causeCode());
    assertEquals(4, Wire.u16(ShutdownAckChunk.encode(), 2));
    assertEquals(ChunkType.SHUTDOWN_COMPLETE, ShutdownCompleteChunk.encode()[0]);
  }
}
