package dev.odeon.sfu.router;

/**
 * One incoming track of a publisher (its audio or its video): the payload types it may use, the
 * SSRC it turned out to send on, reception statistics for receiver reports, and the last sender
 * report (to translate for viewers). A video track also keeps its recent packets for viewers' NACKs
 * and, when the publisher accepted NACK, tracks its own incoming loss. Media thread only.
 */
final class InputTrack {
  /** Minimum gap between two keyframe requests sent to the publisher for this track. */
  static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

  final MediaKind kind;
  final String trackId;
  final int clockRate;
  /** RFC 8285 id of the RFC 6464 audio level in this track's packets; -1 when not negotiated. */
  final int audioLevelExtId;
  private final RtpCodec[] codecByPt = new RtpCodec[128];
  /** For each RTX payload type, the media payload type it carries; -1 elsewhere. */
  private final int[] rtxApt = new int[128];
  /** The SSRC the publisher's RTX stream turned out to use. */
  int rtxSsrc;
  boolean rtxSsrcKnown;
  final ReceiveStats stats;
  /** Recent packets for answering viewers' NACKs; null for audio (browsers do not NACK Opus). */
  final RetransmissionBuffer retransmissions;
  /** Incoming loss to ask the publisher for; null unless video with NACK negotiated. */
  final NackScheduler nacks;
  int ssrc;
  boolean ssrcKnown;
  private long lastKeyframeRequest;
  private boolean keyframeRequested;
  private int firSeq;

  InputTrack(MediaLine line) {
    this.kind = line.kind();
    this.trackId = line.trackId();
    this.clockRate = line.codecs().isEmpty() ? 90000 : line.codecs().get(0).clockRate();
    this.audioLevelExtId = line.kind() == MediaKind.AUDIO ? line.audioLevelExtId() : -1;
    java.util.Arrays.fill(rtxApt, -1);
    for (RtpCodec c : line.codecs()) {
      if (c.payloadType() >= 0 && c.payloadType() < 128) {
        codecByPt[c.payloadType()] = c;
        if (c.isRtx()) {
          rtxApt[c.payloadType()] = c.rtxApt();
        }
      }
    }
    this.stats = new ReceiveStats(clockRate);
    boolean video = line.kind() == MediaKind.VIDEO;
    this.retransmissions = video ? new RetransmissionBuffer() : null;
    this.nacks = video && line.nack() ? new NackScheduler() : null;
  }

  RtpCodec codec(int payloadType) {
    return codecByPt[payloadType & 0x7F];
  }

  /** The media payload type an RTX payload type carries, or -1 when {@code payloadType} is not RTX. */
  int rtxApt(int payloadType) {
    return rtxApt[payloadType & 0x7F];
  }

  boolean accepts(int payloadType) {
    return codecByPt[payloadType & 0x7F] != null;
  }

  /** True when a keyframe request may go out now (and records it), per the rate limit. */
  boolean takeKeyframeRequest(long nowNanos) {
    if (!ssrcKnown
        || (keyframeRequested && nowNanos - lastKeyframeRequest < KEYFRAME_REQUEST_INTERVAL_NANOS)) {
      return false;
    }
    keyframeRequested = true;
    lastKeyframeRequest = nowNanos;
    return true;
  }

  int nextFirSeq() {
    firSeq = (firSeq + 1) & 0xFF;
    return firSeq;
  }

  /** Every payload type this track accepts, for building a viewer's mapping. */
  Iterable<RtpCodec> codecs() {
    java.util.List<RtpCodec> all = new java.util.ArrayList<>();
    for (RtpCodec c : codecByPt) {
      if (c != null) {
        all.add(c);
      }
    }
    return all;
  }
}
