package dev.odeon.sfu.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WebRTC data channel section (RFC 8841, RFC 8831 §5), accepted when {@link Options#dataChannels()}
 * allows it. The offer's section must read
 *
 * <pre>
 *   m=application 9 UDP/DTLS/SCTP webrtc-datachannel
 *   a=mid:&lt;mid&gt;              (in the BUNDLE group)
 *   a=sctp-port:5000          (any valid port; RFC 8841 §5)
 *   a=max-message-size:262144 (optional; RFC 8841 §6)
 * </pre>
 *
 * and the answer's is the same m= line with our port, transport attributes, {@code a=sctp-port:5000}
 * and {@code a=max-message-size:262144}. Any other shape is rejected like an unknown section.
 * Stateless; any thread.
 */
final class DataSection {
  private static final String PROTO = "UDP/DTLS/SCTP";
  private static final String FORMAT = "webrtc-datachannel";

  private DataSection() {}

  static NegotiatedMedia negotiate(MediaSection m, List<String> bundle) {
    boolean usable = PROTO.equals(m.proto().toUpperCase(Locale.ROOT))
        && m.formats().contains(FORMAT)
        && (m.port() != 0 || m.hasAttribute("bundle-only"))
        && bundle.contains(m.mid())
        && validPort(m.attribute("sctp-port"));
    return new NegotiatedMedia(m.mid(), MediaKind.APPLICATION, usable,
        usable ? Direction.SENDRECV : Direction.INACTIVE, List.of(), Map.of(),
        RemoteSsrcs.from(m), Optional.empty(), false);
  }

  private static boolean validPort(Optional<String> value) {
    if (value.isEmpty()) {
      return false;
    }
    String v = value.get().trim();
    if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int port = Integer.parseInt(v);
    return port > 0 && port <= 65535;
  }

  static void write(StringBuilder sdp, MediaSection offered, NegotiatedMedia media,
      LocalTransport local, String connection) {
    AnswerWriter.line(sdp, "m=application " + local.candidates().get(0).port() + " " + offered.proto()
        + " " + FORMAT);
    AnswerWriter.line(sdp, "c=" + connection);
    AnswerWriter.line(sdp, "a=mid:" + media.mid());
    AnswerWriter.line(sdp, "a=ice-ufrag:" + local.iceUfrag());
    AnswerWriter.line(sdp, "a=ice-pwd:" + local.icePwd());
    AnswerWriter.line(sdp, "a=fingerprint:sha-256 " + local.fingerprintSha256());
    AnswerWriter.line(sdp, "a=setup:passive");
    AnswerWriter.line(sdp, "a=sctp-port:" + Options.SCTP_PORT);
    AnswerWriter.line(sdp, "a=max-message-size:" + Options.MAX_MESSAGE_SIZE);
    AnswerWriter.candidates(sdp, local);
  }
}
