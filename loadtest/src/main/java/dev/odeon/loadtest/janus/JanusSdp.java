package dev.odeon.loadtest.janus;

import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.ice.IceCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SDP a synthetic viewer needs on Janus, where the subscriber is the answerer: a recvonly answer
 * to Janus's offer, one section per offered section in order (same mid), Opus for audio and VP8 for
 * video at Janus's payload types, {@code a=setup:active} (the viewer is the DTLS client), BUNDLE
 * and rtcp-mux. Sections it cannot take (other media, no matching codec) are rejected with port 0.
 */
final class JanusSdp {
  private JanusSdp() {}

  /** One offered m-section: kind, proto, mid and the payload type of our codec (-1: none). */
  record Section(String kind, String proto, String mid, int payloadType, String rtpmap) {}

  static List<Section> sections(String offer) {
    List<Section> out = new ArrayList<>();
    String kind = null;
    String proto = null;
    String mid = null;
    int pt = -1;
    String rtpmap = null;
    for (String line : offer.split("\r?\n")) {
      if (line.startsWith("m=")) {
        if (kind != null) {
          out.add(new Section(kind, proto, mid, pt, rtpmap));
        }
        String[] f = line.substring(2).split(" ");
        kind = f[0];
        proto = f.length > 2 ? f[2] : "";
        mid = null;
        pt = -1;
        rtpmap = null;
      } else if (kind != null && line.startsWith("a=mid:")) {
        mid = line.substring(6).trim();
      } else if (kind != null && pt < 0 && line.startsWith("a=rtpmap:")) {
        // a=rtpmap:<pt> <encoding>/<clock>[/<channels>]
        String[] f = line.substring(9).split(" ", 2);
        String codec = f.length > 1 ? f[1].toLowerCase(Locale.ROOT) : "";
        if ((kind.equals("audio") && codec.startsWith("opus/")) || (kind.equals("video") && codec.startsWith("vp8/"))) {
          pt = Integer.parseInt(f[0].trim());
          rtpmap = f[1].trim();
        }
      }
    }
    if (kind != null) {
      out.add(new Section(kind, proto, mid, pt, rtpmap));
    }
    return out;
  }

  /** The viewer's answer to Janus's subscriber offer. */
  static String answer(String offer, IceCredentials ice, DtlsCertificate cert) {
    List<Section> sections = sections(offer);
    StringBuilder bundle = new StringBuilder("a=group:BUNDLE");
    StringBuilder media = new StringBuilder();
    for (Section s : sections) {
      if (s.payloadType() < 0 || s.mid() == null) {
        media.append("m=").append(s.kind()).append(" 0 ").append(s.proto()).append(" 0\r\n")
            .append("c=IN IP4 0.0.0.0\r\n");
        if (s.mid() != null) {
          media.append("a=mid:").append(s.mid()).append("\r\n");
        }
        continue;
      }
      bundle.append(' ').append(s.mid());
      media.append("m=").append(s.kind()).append(" 9 UDP/TLS/RTP/SAVPF ").append(s.payloadType()).append("\r\n")
          .append("c=IN IP4 0.0.0.0\r\n")
          .append("a=ice-ufrag:").append(ice.ufrag()).append("\r\n")
          .append("a=ice-pwd:").append(ice.pwd()).append("\r\n")
          .append("a=fingerprint:sha-256 ").append(cert.fingerprintSha256()).append("\r\n")
          .append("a=setup:active\r\n")
          .append("a=mid:").append(s.mid()).append("\r\n")
          .append("a=recvonly\r\n")
          .append("a=rtcp-mux\r\n")
          .append("a=rtpmap:").append(s.payloadType()).append(' ').append(s.rtpmap()).append("\r\n");
      if (s.kind().equals("video")) {
        media.append("a=rtcp-fb:").append(s.payloadType()).append(" nack pli\r\n");
      }
    }
    return "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + bundle + "\r\na=msid-semantic: WMS\r\n" + media;
  }
}
