package dev.odeon.loadtest.scenario;

import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.client.Stamp;
import dev.odeon.loadtest.report.Histogram;
import dev.odeon.sfu.rtp.RtpPacket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stage viewer's receive side, run on the UDP loop's thread: it checks every packet's stamp
 * against the speaker this viewer excluded (a packet of that speaker is a leak, counted at any
 * time), and inside the measurement window counts packets and the gaps in each receive slot's RTP
 * sequence numbers. The server rewrites each slot to one continuous sequence even when the slot
 * switches speakers, so a gap is a packet lost between the server and this viewer. {@code vad}
 * events arrive on the WebSocket's threads and are only counted.
 */
final class StageViewer implements Peer.RtpObserver {
  final int excludedTag;
  final AtomicLong vadEvents = new AtomicLong();
  private final Histogram delays;
  private final Map<Integer, long[]> slots = new HashMap<>(); // ssrc -> {first ext seq, last ext seq, received}
  // The window, by the stamps' send times (the generator's clock): packets sent in it count whenever they arrive.
  private long windowStart = Long.MAX_VALUE;
  private long windowEnd = Long.MAX_VALUE;
  volatile boolean gotVideo;
  volatile boolean gotAudio;
  long leaks;
  /** Bit t set: a packet stamped by speaker t arrived (shows the stamps are read, so a leak would be seen). */
  long speakersHeard;
  long received;
  long expected;

  StageViewer(int excludedTag, Histogram delays) {
    this.excludedTag = excludedTag;
    this.delays = delays;
  }

  @Override
  public void onRtp(RtpPacket packet, byte[] buf, long now) {
    int end = packet.payloadOffset() + packet.payloadLength();
    int kind = Stamp.kind(buf, packet.payloadOffset(), end);
    if (kind < 0) {
      return;
    }
    int tag = Stamp.tag(buf, end);
    if (tag == excludedTag) {
      leaks++;
    }
    speakersHeard |= 1L << (tag & 63);
    if (kind == 1) {
      gotVideo = true;
    } else {
      gotAudio = true;
    }
    long sentAt = Stamp.nanos(buf, end);
    if (sentAt < windowStart || sentAt >= windowEnd) {
      return;
    }
    delays.record(now - sentAt);
    long[] s = slots.get(packet.ssrc());
    int seq = packet.sequenceNumber();
    if (s == null) {
      slots.put(packet.ssrc(), new long[] {seq, seq, 1});
      return;
    }
    long ext = s[1] + (short) (seq - (int) (s[1] & 0xFFFF));
    s[1] = Math.max(s[1], ext);
    s[2]++;
  }

  /** Loop thread: counts packets sent from {@code startNanos} on. */
  void open(long startNanos) {
    slots.clear();
    windowStart = startNanos;
    windowEnd = Long.MAX_VALUE;
  }

  /** Loop thread: packets sent from {@code endNanos} on no longer count (those sent before still do). */
  void end(long endNanos) {
    windowEnd = endNanos;
  }

  /** Loop thread: totals this viewer's received and expected packets (after in-flight packets arrived). */
  void close() {
    windowStart = Long.MAX_VALUE;
    received = 0;
    expected = 0;
    for (long[] s : slots.values()) {
      received += s[2];
      expected += s[1] - s[0] + 1;
    }
  }
}
