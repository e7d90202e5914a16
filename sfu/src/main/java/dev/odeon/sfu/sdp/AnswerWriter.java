package dev.odeon.sfu.sdp;

import java.util.List;
import java.util.Map;

/**
 * Writes the SFU's answer (JSEP RFC 8829 §5.3.1), CRLF-terminated lines:
 *
 * <pre>
 *   v=0 / o= / s=- / t=0 0
 *   a=ice-lite                              RFC 8839 §5.3: we only answer checks
 *   a=group:BUNDLE &lt;accepted mids&gt;          RFC 9143 §7.3, first mid is the tagged one
 *   a=extmap-allow-mixed                    only when the offer had it at session level
 *   a=msid-semantic: WMS *
 *   m=&lt;kind&gt; &lt;port&gt; &lt;proto&gt; &lt;pts&gt;        per offered section, in offer order
 *   c=IN IP4 &lt;first candidate&gt;
 *   a=mid, ice-ufrag, ice-pwd, fingerprint, setup:passive, extmap..., direction, msid, rtcp-mux,
 *   rtcp-rsize, rtpmap / rtcp-fb / fmtp per codec, ssrc..., candidate..., end-of-candidates
 * </pre>
 *
 * <p>A rejected section is {@code m=<kind> 0 <proto> <first offered fmt>}, {@code c=}, its mid and
 * {@code a=inactive} (RFC 3264 §6, RFC 8843 §7.3.3: not in the BUNDLE group).
 */
final class AnswerWriter {
  private static final String CRLF = "\r\n";

  private AnswerWriter() {}

  static String write(SessionDescription offer, LocalTransport local,
      List<NegotiatedMedia> results, List<String> bundleMids, ViewSsrcs ssrcs) {
    StringBuilder sdp = new StringBuilder(2048);
    Candidate first = local.candidates().get(0);
    String connection = "IN " + (first.isIpv6() ? "IP6 " : "IP4 ") + first.ip();
    // A stable, positive session id derived from our credentials: no randomness or clock here.
    long sessionId = (local.iceUfrag() + local.icePwd()).hashCode() & 0x7FFF_FFFFL;
    line(sdp, "v=0");
    line(sdp, "o=- " + sessionId + " 2 " + connection);
    line(sdp, "s=-");
    line(sdp, "t=0 0");
    line(sdp, "a=ice-lite");
    line(sdp, "a=group:BUNDLE " + String.join(" ", bundleMids));
    if (offer.attribute("extmap-allow-mixed").isPresent()) {
      line(sdp, "a=extmap-allow-mixed");
    }
    line(sdp, "a=msid-semantic: WMS *");
    for (int i = 0; i < results.size(); i++) {
      MediaSection offered = offer.media().get(i);
      NegotiatedMedia media = results.get(i);
      if (media.accepted() && media.kind() == MediaKind.APPLICATION) {
        DataSection.write(sdp, offered, media, local, connection);
      } else if (media.accepted()) {
        accepted(sdp, offered, media, local, connection, ssrcs.byMid().get(media.mid()));
      } else {
        line(sdp, "m=" + offered.media() + " 0 " + offered.proto() + " "
            + offered.formats().get(0));
        line(sdp, "c=" + connection);
        line(sdp, "a=mid:" + media.mid());
        line(sdp, "a=inactive");
      }
    }
    return sdp.toString();
  }

  private static void accepted(StringBuilder sdp, MediaSection offered, NegotiatedMedia media,
      LocalTransport local, String connection, ViewSsrcs.Entry send) {
    StringBuilder pts = new StringBuilder();
    for (Codec c : media.codecs()) {
      pts.append(' ').append(c.payloadType());
    }
    line(sdp, "m=" + offered.media() + " " + local.candidates().get(0).port() + " "
        + offered.proto() + pts);
    line(sdp, "c=" + connection);
    line(sdp, "a=mid:" + media.mid());
    line(sdp, "a=ice-ufrag:" + local.iceUfrag());
    line(sdp, "a=ice-pwd:" + local.icePwd());
    line(sdp, "a=fingerprint:sha-256 " + local.fingerprintSha256());
    line(sdp, "a=setup:passive");
    if (offered.hasAttribute("extmap-allow-mixed")) {
      line(sdp, "a=extmap-allow-mixed");
    }
    for (Map.Entry<String, Integer> e : media.extensions().entrySet()) {
      line(sdp, "a=extmap:" + e.getValue() + " " + e.getKey());
    }
    line(sdp, "a=" + media.direction().sdpName());
    if (send != null) {
      line(sdp, "a=msid:" + send.streamId() + " " + send.trackId());
    }
    line(sdp, "a=rtcp-mux");
    if (media.rtcpReducedSize()) {
      line(sdp, "a=rtcp-rsize");
    }
    for (Codec c : media.codecs()) {
      line(sdp, "a=rtpmap:" + c.payloadType() + " " + c.name() + "/" + c.clockRate()
          + (c.channels() > 1 ? "/" + c.channels() : ""));
      for (String fb : c.rtcpFb()) {
        line(sdp, "a=rtcp-fb:" + c.payloadType() + " " + fb);
      }
      if (!c.fmtp().isEmpty()) {
        line(sdp, "a=fmtp:" + c.payloadType() + " " + c.fmtp());
      }
    }
    if (send != null) {
      line(sdp, "a=ssrc:" + send.ssrc() + " cname:" + send.cname());
      line(sdp, "a=ssrc:" + send.ssrc() + " msid:" + send.streamId() + " " + send.trackId());
    }
    candidates(sdp, local);
  }

  /** The candidate lines and end-of-candidates of an accepted section. */
  static void candidates(StringBuilder sdp, LocalTransport local) {
    List<Candidate> candidates = local.candidates();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      // RFC 8445 §5.1.2.1 host priority, local preference falling with the candidate's rank.
      long priority = (126L << 24) | ((65535L - i) << 8) | 255;
      line(sdp, "a=candidate:" + (i + 1) + " 1 udp " + priority + " " + c.ip() + " " + c.port()
          + " typ host");
    }
    line(sdp, "a=end-of-candidates");
  }

  static void line(StringBuilder sdp, String line) {
    sdp.append(line).append(CRLF);
  }
}
