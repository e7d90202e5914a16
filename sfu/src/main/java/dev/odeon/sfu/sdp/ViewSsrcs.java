package dev.odeon.sfu.sdp;

import java.util.Map;
import java.util.Objects;

/**
 * The streams the SFU will send to a viewer, per mid of the viewer's offer. For each accepted m=
 * section with an entry, the answer announces {@code a=msid} (RFC 8830) and {@code a=ssrc} lines
 * (RFC 5576) so the browser binds the incoming SSRC to a track before the first packet; a section
 * without an entry is answered without them (the browser then demultiplexes by the MID header
 * extension, RFC 8843 §9.2). Configuration, so bad values throw {@link IllegalArgumentException}.
 */
public record ViewSsrcs(Map<String, Entry> byMid) {
  public static final ViewSsrcs NONE = new ViewSsrcs(Map.of());

  public ViewSsrcs {
    byMid = Map.copyOf(byMid);
  }

  /** One outgoing stream: its SSRC (unsigned 32 bits), RTCP CNAME, and msid stream and track ids. */
  public record Entry(long ssrc, String cname, String streamId, String trackId) {
    public Entry {
      if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("ssrc out of range: " + ssrc);
      }
      for (String s : new String[] {cname, streamId, trackId}) {
        Objects.requireNonNull(s);
        if (s.isEmpty() || s.length() > 64 || !SdpParser.isToken(s)) {
          throw new IllegalArgumentException("cname, streamId, trackId: 1-64 token chars");
        }
      }
    }
  }
}
