package dev.odeon.sfu.router;

import java.util.List;

/**
 * One accepted audio or video section of a peer's negotiation, in the router's terms.
 *
 * @param mid the section's mid
 * @param kind audio or video
 * @param codecs the accepted payload formats, in preference order
 * @param trackId the publisher's track id (from msid), or the id we announce to a viewer
 */
public record MediaLine(String mid, MediaKind kind, List<RtpCodec> codecs, String trackId) {
  public MediaLine {
    codecs = List.copyOf(codecs);
  }
}
