package dev.odeon.loadtest.janus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.ice.IceCredentials;

/**
 * What a TextRoom participant says to Janus: the plugin requests on the JSON API ({@code create},
 * {@code setup}, {@code ack} with the answer) and the JSON messages on the data channel
 * ({@code join}, {@code message}), plus the SDP answer to the plugin's data-channel offer.
 */
final class TextRoom {
  /** The label Janus's SCTP stack uses for data a plugin relays without one. */
  static final String LABEL = "JanusDataChannel";
  static final String PLUGIN = "janus.plugin.textroom";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TextRoom() {}

  /** {@code create} on the JSON API: a temporary, public room {@code room}. */
  static ObjectNode create(long room) {
    return JSON.createObjectNode().put("request", "create").put("room", room).put("description", "odeon loadtest")
        .put("is_private", false).put("permanent", false);
  }

  /** {@code setup}: Janus answers with an event whose JSEP is its data-channel offer. */
  static ObjectNode setup() {
    return JSON.createObjectNode().put("request", "setup");
  }

  /** {@code ack}: sent with the client's answer as JSEP. */
  static ObjectNode ack() {
    return JSON.createObjectNode().put("request", "ack");
  }

  /** {@code join} on the data channel. */
  static String join(String transaction, long room, String username) {
    return JSON.createObjectNode().put("textroom", "join").put("transaction", transaction).put("room", room)
        .put("username", username).put("display", username).toString();
  }

  /**
   * {@code message} on the data channel: {@code text} to the participant {@code to} only (a whisper),
   * or to the whole room when {@code to} is null; {@code ack: false} so Janus sends no reply.
   */
  static String message(String transaction, long room, String to, String text) {
    ObjectNode m = JSON.createObjectNode().put("textroom", "message").put("transaction", transaction)
        .put("room", room).put("text", text).put("ack", false);
    if (to != null) {
      m.put("to", to);
    }
    return m.toString();
  }

  /**
   * The answer to Janus's offer: its data-channel section accepted ({@code UDP/DTLS/SCTP}, SCTP port
   * 5000, {@code a=setup:active}: the client is the DTLS client), every other section rejected with
   * port 0. BUNDLE over the accepted mid.
   */
  static String answer(String offer, IceCredentials ice, DtlsCertificate cert) {
    StringBuilder bundle = new StringBuilder("a=group:BUNDLE");
    StringBuilder media = new StringBuilder();
    for (JanusSdp.Section s : JanusSdp.sections(offer)) {
      if (!s.kind().equals("application") || s.mid() == null) {
        media.append("m=").append(s.kind()).append(" 0 ").append(s.proto()).append(" 0\r\n")
            .append("c=IN IP4 0.0.0.0\r\n");
        if (s.mid() != null) {
          media.append("a=mid:").append(s.mid()).append("\r\n");
        }
        continue;
      }
      bundle.append(' ').append(s.mid());
      media.append("m=application 9 ").append(s.proto()).append(" webrtc-datachannel\r\n")
          .append("c=IN IP4 0.0.0.0\r\n")
          .append("a=ice-ufrag:").append(ice.ufrag()).append("\r\n")
          .append("a=ice-pwd:").append(ice.pwd()).append("\r\n")
          .append("a=fingerprint:sha-256 ").append(cert.fingerprintSha256()).append("\r\n")
          .append("a=setup:active\r\n")
          .append("a=mid:").append(s.mid()).append("\r\n")
          .append("a=sctp-port:5000\r\n")
          .append("a=max-message-size:262144\r\n");
    }
    return "v=0\r\no=- 3 3 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + bundle + "\r\na=msid-semantic: WMS\r\n" + media;
  }

  /** The mid of the offer's data-channel section ("0" when it has none). */
  static String dataMid(String offer) {
    for (JanusSdp.Section s : JanusSdp.sections(offer)) {
      if (s.kind().equals("application") && s.mid() != null) {
        return s.mid();
      }
    }
    return "0";
  }
}
