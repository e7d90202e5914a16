package dev.odeon.sfu.router;

import dev.odeon.sfu.rtp.RtpRewriter;
import java.util.Arrays;

/**
 * One receive slot of a viewer (its audio or its video m-line): a fixed outgoing SSRC, the
 * rewriter that keeps that stream continuous whatever input feeds it, and the mapping from the
 * current input's payload types to the viewer's. Media thread only.
 */
final class OutSlot {
  /** What a slot is for: the main source, a multiplexed speaker, or projection only. */
  enum Role { MAIN, MULTIPLEXED, EXTRA }

  final Viewer viewer;
  final Role role;
  /** Index among the viewer's multiplexed slots; -1 for other roles. */
  final int muxIndex;
  final MediaKind kind;
  final String mid;
  final int outSsrc;
  final RtpRewriter rewriter;
  private final RtpCodec[] viewerCodecs;
  /** The viewer's payload type for each input payload type of the bound track; -1: not decodable. */
  private final int[] outPtByInPt = new int[128];
  InputTrack input;
  /** The publisher whose track feeds this slot now (null: idle). */
  Publisher source;
  /** The source the viewer projected here (stays when that source goes away and comes back). */
  dev.odeon.sfu.api.SourceId projected;
  /** A multiplexing decision already announced ({@code vad}) and bound at {@link #pendingAt}. */
  Publisher pending;
  boolean hasPending;
  long pendingAt;
  /** Video slots start and restart on a keyframe: a decoder cannot join mid-GOP. */
  boolean waitingForKeyframe;

  OutSlot(Viewer viewer, Role role, int muxIndex, MediaLine line, int outSsrc, int initialSeq, long initialTs) {
    this.viewer = viewer;
    this.role = role;
    this.muxIndex = muxIndex;
    this.kind = line.kind();
    this.mid = line.mid();
    this.outSsrc = outSsrc;
    this.viewerCodecs = line.codecs().toArray(new RtpCodec[0]);
    int clockRate = viewerCodecs.length == 0 ? 90000 : viewerCodecs[0].clockRate();
    this.rewriter = new RtpRewriter(outSsrc, clockRate, initialSeq, initialTs);
    Arrays.fill(outPtByInPt, -1);
  }

  /** Feeds this slot from {@code track} (or from nothing when null). */
  void bind(InputTrack track) {
    input = track;
    Arrays.fill(outPtByInPt, -1);
    waitingForKeyframe = kind == MediaKind.VIDEO;
    if (track == null) {
      return;
    }
    for (RtpCodec in : track.codecs()) {
      outPtByInPt[in.payloadType()] = matchingPayloadType(in);
    }
  }

  private int matchingPayloadType(RtpCodec in) {
    String key = in.key();
    for (RtpCodec c : viewerCodecs) {
      if (c.key().equals(key)) {
        return c.payloadType();
      }
    }
    // H.264 of another profile still beats nothing: Chrome decodes what it can.
    for (RtpCodec c : viewerCodecs) {
      if (c.name().equalsIgnoreCase(in.name())) {
        return c.payloadType();
      }
    }
    return -1;
  }

  int outPayloadType(int inPt) {
    return outPtByInPt[inPt & 0x7F];
  }
}
