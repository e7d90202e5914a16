package dev.odeon.datachannel.sctp;

import java.util.Random;

/**
 * Path heartbeat (RFC 9260 §8.3): one HEARTBEAT per interval (plus RTO) while established; the
 * info carries the send time and a nonce, so the echoed ACK yields an RTT sample and proves the
 * peer alive. An unanswered heartbeat counts as an error towards Association.Max.Retrans.
 */
final class Heartbeat {
  private long deadline = Long.MAX_VALUE;
  private long nonce;
  private boolean outstanding;

  long deadline() {
    return deadline;
  }

  void schedule(long at) {
    deadline = at;
  }

  void stop() {
    deadline = Long.MAX_VALUE;
  }

  /** True if the previous heartbeat is still unanswered. */
  boolean isOutstanding() {
    return outstanding;
  }

  /** Builds the next HEARTBEAT and marks it outstanding. */
  byte[] next(long now, Random random) {
    byte[] info = new byte[16];
    nonce = random.nextLong();
    Wire.put64(info, 0, now);
    Wire.put64(info, 8, nonce);
    outstanding = true;
    return new HeartbeatChunk(false, info).encode();
  }

  /** Returns the RTT for a matching HEARTBEAT ACK, or -1 if it is not ours or not expected. */
  long handleAck(long now, byte[] info) {
    if (!outstanding || info.length != 16 || Wire.i64(info, 8) != nonce) {
      return -1;
    }
    outstanding = false;
    return now - Wire.i64(info, 0);
  }
}
