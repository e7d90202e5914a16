package dev.odeon.loadtest.client;

import dev.odeon.sfu.rtp.RtpBuilder;
import dev.odeon.sfu.rtp.RtpPacket;
import dev.odeon.sfu.srtp.SrtpSession;

/**
 * The synthetic publisher's media, shaped like a browser's: Opus-sized audio (160 B every 20 ms, with
 * the RFC 6464 audio level extension) and VP8-shaped video (30 fps at a target bitrate, a keyframe
 * every 2 s or on request, packets of at most {@link #MAX_PACKET} bytes, a valid RFC 7741 payload
 * descriptor with a 15-bit picture id and, on each frame's first packet, a VP8 payload header whose
 * P bit marks keyframes). Like Chrome's pacer, a frame's packets leave at {@value #PACING_FACTOR} x the
 * video bitrate rather than in one burst. Every payload ends with a {@link Stamp} written when the
 * packet leaves. Time is a parameter (the stamp reads the clock: it is the measurement); not thread-safe.
 */
public final class MediaSource {
  /** Largest RTP packet (header included) before SRTP. */
  public static final int MAX_PACKET = 1200;
  private static final long AUDIO_INTERVAL = 20_000_000L;
  private static final long VIDEO_INTERVAL = 1_000_000_000L / 30;
  private static final int AUDIO_PAYLOAD = 160;
  private static final int KEYFRAME_EVERY = 60;
  /** A keyframe is this many times the size of a delta frame (VP8 at 30 fps is about 5-10x). */
  private static final int KEYFRAME_WEIGHT = 5;
  private static final long MIN_KEYFRAME_GAP = 200_000_000L;
  /** Chrome paces video at 2.5x its target bitrate. */
  private static final double PACING_FACTOR = 2.5;

  private record Paced(byte[] packet, int length, long due) {}

  private final java.util.ArrayDeque<Paced> paced = new java.util.ArrayDeque<>();
  private final long nanosPerPacedByte;

  /** Where protected packets go. */
  public interface Sink {
    /** {@code buf} holds an RTP packet of {@code len} bytes followed by SRTP headroom. */
    void send(byte[] buf, int len);
  }

  private final int audioSsrc;
  private final int videoSsrc;
  private final int deltaFrameBytes;
  private final int keyFrameBytes;
  private final byte[] buf = new byte[MAX_PACKET + SrtpSession.MAX_OVERHEAD];
  private final byte[] level = new byte[1];
  private long nextAudio;
  private long nextVideo;
  private int audioRtpSeq;
  private int videoRtpSeq;
  private long audioTs;
  private long videoTs;
  private int frame;
  private int pictureId;
  private long lastKeyframe = Long.MIN_VALUE / 2;
  private boolean keyframeRequested;
  private int audioSent;
  private int videoSent;
  private int keyframesSent;
  private int tag;
  private java.util.function.IntUnaryOperator levelScript;

  /**
   * A scripted speaker (stage scenario): {@code tag} (1-127) goes into every stamp so a viewer knows
   * whose packet it got, and {@code levelScript} maps the audio packet index (50 per second) to the
   * RFC 6464 level to send (0 loudest ... 127 silence).
   */
  public MediaSource(int audioSsrc, int videoSsrc, int videoBitsPerSecond, long nowNanos, int tag,
      java.util.function.IntUnaryOperator levelScript) {
    this(audioSsrc, videoSsrc, videoBitsPerSecond, nowNanos);
    this.tag = tag;
    this.levelScript = levelScript;
  }

  public MediaSource(int audioSsrc, int videoSsrc, int videoBitsPerSecond, long nowNanos) {
    this.audioSsrc = audioSsrc;
    this.videoSsrc = videoSsrc;
    // Bytes per keyframe interval, shared by (KEYFRAME_EVERY - 1) delta frames and one heavier keyframe.
    long perInterval = (long) videoBitsPerSecond / 8 * KEYFRAME_EVERY / 30;
    this.deltaFrameBytes = (int) Math.max(200, perInterval / (KEYFRAME_EVERY - 1 + KEYFRAME_WEIGHT));
    this.keyFrameBytes = deltaFrameBytes * KEYFRAME_WEIGHT;
    this.nanosPerPacedByte = (long) (8e9 / (PACING_FACTOR * videoBitsPerSecond));
    this.nextAudio = nowNanos;
    this.nextVideo = nowNanos;
  }

  /** When the next packet is due. */
  public long nextDue() {
    long due = Math.min(nextAudio, nextVideo);
    return paced.isEmpty() ? due : Math.min(due, paced.peekFirst().due());
  }

  /** A PLI or FIR arrived: the next frame is a keyframe (at most one per 200 ms). */
  public void requestKeyframe() {
    keyframeRequested = true;
  }

  /** Emits every packet due at {@code now}; a loop that fell far behind skips instead of bursting. */
  public void emitDue(long now, Sink sink) {
    if (now - nextAudio > 200_000_000L) {
      nextAudio = now;
    }
    if (now - nextVideo > 200_000_000L) {
      nextVideo = now;
    }
    while (nextAudio <= now) {
      emitAudio(sink);
      nextAudio += AUDIO_INTERVAL;
    }
    while (nextVideo <= now) {
      emitFrame(now);
      nextVideo += VIDEO_INTERVAL;
    }
    while (!paced.isEmpty() && paced.peekFirst().due() <= now) {
      Paced p = paced.pollFirst();
      System.arraycopy(p.packet(), 0, buf, 0, p.length());
      Stamp.write(buf, p.length(), tag << 1 | 1, videoSent++, System.nanoTime());
      sink.send(buf, p.length());
    }
  }

  /** The level byte for a scripted level: the V flag marks speech (levels below 70, -70 dBov). */
  private static int scriptedLevel(int level) {
    int l = Math.max(0, Math.min(127, level));
    return l < 70 ? 0x80 | l : l;
  }

  private void emitAudio(Sink sink) {
    level[0] = levelScript != null
        ? (byte) (scriptedLevel(levelScript.applyAsInt(audioSent)))
        : (byte) (0x80 | ((audioSent / 50) % 2 == 0 ? 30 : 90)); // V flag + -dBov, alternating each second.
    RtpBuilder b = new RtpBuilder().payloadType(Offers.OPUS_PT).sequenceNumber(audioRtpSeq++ & 0xFFFF)
        .timestamp(audioTs).ssrc(audioSsrc).extension(Offers.AUDIO_LEVEL_EXT_ID, level)
        .payload(new byte[AUDIO_PAYLOAD]);
    audioTs += 960;
    int len = b.writeTo(buf, 0);
    Stamp.write(buf, len, tag << 1, audioSent++, System.nanoTime());
    sink.send(buf, len);
  }

  private void emitFrame(long now) {
    boolean key = frame % KEYFRAME_EVERY == 0
        || (keyframeRequested && now - lastKeyframe >= MIN_KEYFRAME_GAP);
    if (key) {
      keyframeRequested = false;
      lastKeyframe = now;
      keyframesSent++;
    }
    frame++;
    pictureId = (pictureId + 1) & 0x7FFF;
    int total = key ? keyFrameBytes : deltaFrameBytes;
    int packets = (total + MAX_PACKET - 12 - 1) / (MAX_PACKET - 12);
    boolean first = true;
    long due = paced.isEmpty() ? now : Math.max(now, paced.peekLast().due());
    for (int i = 0; i < packets; i++) {
      // Equal shares, so no packet is too small for the descriptor, the payload header and the stamp.
      int payload = total / packets + (i < total % packets ? 1 : 0);
      int off = RtpPacket.writeHeader(buf, 0, i == packets - 1, Offers.VP8_PT, videoRtpSeq++ & 0xFFFF,
          videoTs, videoSsrc);
      int p = off;
      buf[p++] = (byte) (first ? 0x90 : 0x80); // X=1, S on the frame's first packet, PID=0.
      buf[p++] = (byte) 0x80; // I: picture id present.
      buf[p++] = (byte) (0x80 | (pictureId >>> 8)); // M=1: 15-bit picture id.
      buf[p++] = (byte) pictureId;
      if (first) {
        // VP8 payload header (RFC 6386 §9.1): size0 | show_frame=1 | version 0 | P (0 = key frame).
        buf[p++] = (byte) (0x10 | (key ? 0 : 1));
        buf[p++] = 0;
        buf[p++] = 0;
        if (key) {
          buf[p++] = (byte) 0x9d; // Start code and 640x360.
          buf[p++] = 0x01;
          buf[p++] = 0x2a;
          buf[p++] = (byte) 0x80;
          buf[p++] = 0x02;
          buf[p++] = 0x68;
          buf[p++] = 0x01;
        }
      }
      int end = off + payload;
      java.util.Arrays.fill(buf, p, end, (byte) 0x5A);
      paced.addLast(new Paced(java.util.Arrays.copyOf(buf, end), end, due));
      due += end * nanosPerPacedByte;
      first = false;
    }
    videoTs += 3000;
  }

  /** Audio packets sent so far (the next audio stamp sequence). */
  public int audioSent() {
    return audioSent;
  }

  /** Video packets sent so far (the next video stamp sequence). */
  public int videoSent() {
    return videoSent;
  }

  public int keyframesSent() {
    return keyframesSent;
  }
}
