package dev.odeon.sfu.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome for one m= section of the offer, in offer order.
 *
 * @param mid the section's mid
 * @param kind AUDIO or VIDEO for RTP sections; APPLICATION or OTHER sections are always rejected
 * @param accepted false when the answer rejects the section (port 0, {@code a=inactive})
 * @param direction the direction written in the answer: RECVONLY (publish), SENDONLY (view), or
 *     INACTIVE when rejected
 * @param codecs the accepted codecs in the offer's order (the browser sends with the first); empty
 *     when rejected
 * @param extensions accepted header extension URI to the offer's id (RFC 8285), in offer order
 * @param remoteSsrcs the SSRCs the offer announced for this section (recorded even when rejected)
 * @param msid the offer's msid for this section, if any
 * @param rtcpReducedSize whether the answer says {@code a=rtcp-rsize} (RFC 5506)
 */
public record NegotiatedMedia(
    String mid,
    MediaKind kind,
    boolean accepted,
    Direction direction,
    List<Codec> codecs,
    Map<String, Integer> extensions,
    RemoteSsrcs remoteSsrcs,
    Optional<Msid> msid,
    boolean rtcpReducedSize) {

  public NegotiatedMedia {
    Objects.requireNonNull(mid, "mid");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(remoteSsrcs, "remoteSsrcs");
    Objects.requireNonNull(msid, "msid");
    codecs = List.copyOf(codecs);
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }
}
