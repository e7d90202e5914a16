package dev.odeon.sfu.router;

import java.util.List;

/**
 * One accepted audio or video section of a peer's negotiation, in the router's terms.
 *
 * @param mid the section's mid
 * @param kind audio or video
 * @param codecs the accepted payload formats, in preference order
 * @param trackId the publisher's track id (from msid), or the id we announce to a viewer
 * @param audioLevelExtId the publisher's RFC 8285 id for {@code ssrc-audio-level} (RFC 6464), or
 *     -1 when not negotiated
 * @param nack the peer accepted generic NACK feedback ({@code a=rtcp-fb:<pt> nack}, RFC 4585) for
 *     this section: the router asks a publisher to resend what it lost on the way in
 */
public record MediaLine(String mid, MediaKind kind, List<RtpCodec> codecs, String trackId, int audioLevelExtId,
    boolean nack) {
  public MediaLine {
    codecs = List.copyOf(codecs);
  }

  /** A section without generic NACK. */
  public MediaLine(String mid, MediaKind kind, List<RtpCodec> codecs, String trackId, int audioLevelExtId) {
    this(mid, kind, codecs, trackId, audioLevelExtId, false);
  }

  /** A section without the audio-level extension and without generic NACK. */
  public MediaLine(String mid, MediaKind kind, List<RtpCodec> codecs, String trackId) {
    this(mid, kind, codecs, trackId, -1, false);
  }
}
