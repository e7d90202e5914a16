package dev.odeon.loadtest.client;

import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.sdp.MediaSection;
import dev.odeon.sfu.sdp.SessionDescription;
import java.net.InetSocketAddress;

/**
 * Chrome-shaped SDP offers for the synthetic clients (BUNDLE of one Opus audio and one VP8 video
 * section, rtcp-mux, actpass) and the answer fields the clients need.
 */
public final class Offers {
  /** RFC 6464 client-to-mixer audio level: the extension id the publisher negotiates. */
  public static final int AUDIO_LEVEL_EXT_ID = 1;
  public static final int OPUS_PT = 111;
  public static final int VP8_PT = 96;

  private Offers() {}

  /** A publisher's sendonly offer announcing {@code audioSsrc} and {@code videoSsrc}. */
  public static String publisher(IceCredentials ice, DtlsCertificate cert, int audioSsrc, int videoSsrc) {
    return offer(ice, cert, true, audioSsrc, videoSsrc);
  }

  /** A viewer's recvonly offer. */
  public static String viewer(IceCredentials ice, DtlsCertificate cert) {
    return offer(ice, cert, false, 0, 0);
  }

  private static String offer(IceCredentials ice, DtlsCertificate cert, boolean publisher, int audioSsrc, int videoSsrc) {
    String dir = publisher ? "sendonly" : "recvonly";
    String common = "c=IN IP4 0.0.0.0\r\n"
        + "a=ice-ufrag:" + ice.ufrag() + "\r\n"
        + "a=ice-pwd:" + ice.pwd() + "\r\n"
        + "a=fingerprint:sha-256 " + cert.fingerprintSha256() + "\r\n"
        + "a=setup:actpass\r\n"
        + "a=rtcp-mux\r\n"
        + "a=" + dir + "\r\n";
    return "v=0\r\n"
        + "o=- 1 2 IN IP4 127.0.0.1\r\n"
        + "s=-\r\n"
        + "t=0 0\r\n"
        + "a=group:BUNDLE 0 1\r\n"
        + "a=msid-semantic: WMS lt\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PT + "\r\n"
        + common
        + "a=mid:0\r\n"
        + "a=extmap:" + AUDIO_LEVEL_EXT_ID + " urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
        + (publisher ? "a=msid:lt a0\r\n" : "")
        + "a=rtpmap:" + OPUS_PT + " opus/48000/2\r\n"
        + "a=fmtp:" + OPUS_PT + " minptime=10;useinbandfec=1\r\n"
        + (publisher ? "a=ssrc:" + Integer.toUnsignedString(audioSsrc) + " cname:loadtest\r\n" : "")
        + "m=video 9 UDP/TLS/RTP/SAVPF " + VP8_PT + "\r\n"
        + common
        + "a=mid:1\r\n"
        + (publisher ? "a=msid:lt v0\r\n" : "")
        + "a=rtpmap:" + VP8_PT + " VP8/90000\r\n"
        + "a=rtcp-fb:" + VP8_PT + " nack pli\r\n"
        + (publisher ? "a=ssrc:" + Integer.toUnsignedString(videoSsrc) + " cname:loadtest\r\n" : "");
  }

  /**
   * A viewer's recvonly offer for multiplexing: the main audio and video sections, then
   * {@code extraAudio} more recvonly audio sections (mids 2, 3, ...) for the multiplexed slots.
   */
  public static String multiplexedViewer(IceCredentials ice, DtlsCertificate cert, int extraAudio) {
    String base = viewer(ice, cert);
    StringBuilder bundle = new StringBuilder("a=group:BUNDLE 0 1");
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < extraAudio; i++) {
      int mid = 2 + i;
      bundle.append(' ').append(mid);
      more.append("m=audio 9 UDP/TLS/RTP/SAVPF ").append(OPUS_PT).append("\r\n")
          .append("c=IN IP4 0.0.0.0\r\n")
          .append("a=ice-ufrag:").append(ice.ufrag()).append("\r\n")
          .append("a=ice-pwd:").append(ice.pwd()).append("\r\n")
          .append("a=fingerprint:sha-256 ").append(cert.fingerprintSha256()).append("\r\n")
          .append("a=setup:actpass\r\na=rtcp-mux\r\na=recvonly\r\n")
          .append("a=mid:").append(mid).append("\r\n")
          .append("a=extmap:").append(AUDIO_LEVEL_EXT_ID).append(" urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n")
          .append("a=rtpmap:").append(OPUS_PT).append(" opus/48000/2\r\n")
          .append("a=fmtp:").append(OPUS_PT).append(" minptime=10;useinbandfec=1\r\n");
    }
    return base.replace("a=group:BUNDLE 0 1", bundle.toString()) + more;
  }

  /** A viewer's recvonly audio + video offer plus a data channel section ({@code m=application}, mid 2). */
  public static String dataViewer(IceCredentials ice, DtlsCertificate cert) {
    return viewer(ice, cert).replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2")
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
        + "c=IN IP4 0.0.0.0\r\n"
        + "a=ice-ufrag:" + ice.ufrag() + "\r\n"
        + "a=ice-pwd:" + ice.pwd() + "\r\n"
        + "a=fingerprint:sha-256 " + cert.fingerprintSha256() + "\r\n"
        + "a=setup:actpass\r\n"
        + "a=mid:2\r\n"
        + "a=sctp-port:5000\r\n"
        + "a=max-message-size:262144\r\n";
  }

  /** The server's ICE ufrag and pwd from an answer. */
  public static IceCredentials remoteIce(String answer) {
    MediaSection m = SessionDescription.parse(answer).media().get(0);
    return new IceCredentials(m.attribute("ice-ufrag").orElseThrow(), m.attribute("ice-pwd").orElseThrow());
  }

  /** The server's sha-256 fingerprint from an answer. */
  public static String fingerprint(String answer) {
    for (String line : answer.split("\r\n")) {
      if (line.startsWith("a=fingerprint:sha-256 ")) {
        return line.substring("a=fingerprint:sha-256 ".length()).trim();
      }
    }
    throw new IllegalArgumentException("answer has no sha-256 fingerprint");
  }

  /** The first UDP host candidate of an answer: where the client sends its media. */
  public static InetSocketAddress candidate(String answer) {
    for (String line : answer.split("\r\n")) {
      if (line.startsWith("a=candidate:")) {
        // a=candidate:<foundation> <component> udp <priority> <ip> <port> typ host
        String[] f = line.split(" ");
        if (f.length >= 6 && f[2].equalsIgnoreCase("udp")) {
          return new InetSocketAddress(f[4], Integer.parseInt(f[5]));
        }
      }
    }
    throw new IllegalArgumentException("answer has no UDP candidate");
  }
}
