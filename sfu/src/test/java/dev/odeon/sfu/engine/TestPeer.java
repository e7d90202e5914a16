package dev.odeon.sfu.engine;

import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.ice.StunMessage;
import dev.odeon.sfu.sdp.SessionDescription;
import dev.odeon.sfu.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * A browser stand-in for engine tests: makes a Chrome-shaped offer, does the ICE check, the DTLS
 * client handshake and SRTP with our own protocol code. Not thread-safe; the test drives it.
 */
final class TestPeer {
  final InetSocketAddress address;
  final DtlsCertificate cert = DtlsCertificate.generate(java.time.Instant.now());
  final IceCredentials ice;
  final boolean publisher;
  DtlsEndpoint dtls;
  SrtpSession srtp;
  String answer;
  final List<byte[]> received = new ArrayList<>();
  /** Extra recvonly audio sections a viewer offers (mids 2, 3, ...) for multiplexed slots. */
  int extraAudio;
  /** Offer a data channel section too, as Chrome does after createDataChannel(). */
  boolean withData;

  TestPeer(int port, boolean publisher, Random rnd) {
    this.address = new InetSocketAddress("127.0.0.1", port);
    this.ice = IceCredentials.random(rnd);
    this.publisher = publisher;
  }

  String offer() {
    String dir = publisher ? "sendonly" : "recvonly";
    String common = "a=ice-ufrag:" + ice.ufrag() + "\r\n"
        + "a=ice-pwd:" + ice.pwd() + "\r\n"
        + "a=fingerprint:sha-256 " + cert.fingerprintSha256() + "\r\n"
        + "a=setup:actpass\r\n"
        + "a=rtcp-mux\r\n"
        + "a=" + dir + "\r\n";
    return "v=0\r\n"
        + "o=- 1 2 IN IP4 127.0.0.1\r\n"
        + "s=-\r\n"
        + "t=0 0\r\n"
        + "a=group:BUNDLE 0 1" + bundleExtra() + (withData ? " " + (2 + extraAudio) : "") + "\r\n"
        + "a=msid-semantic: WMS s\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
        + "c=IN IP4 0.0.0.0\r\n"
        + common
        + "a=mid:0\r\n"
        + (publisher ? "a=msid:s a0\r\n" : "")
        + "a=rtpmap:111 opus/48000/2\r\n"
        + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
        + "a=extmap:3 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
        + "a=extmap:5 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
        + "a=rtcp-fb:111 transport-cc\r\n"
        + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
        + "c=IN IP4 0.0.0.0\r\n"
        + common
        + "a=mid:1\r\n"
        + (publisher ? "a=msid:s v0\r\n" : "")
        + "a=rtpmap:96 VP8/90000\r\n"
        + "a=rtcp-fb:96 nack\r\n"
        + "a=rtcp-fb:96 nack pli\r\n"
        + extraAudioSections(common)
        + (withData ? "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=ice-ufrag:" + ice.ufrag() + "\r\n"
            + "a=ice-pwd:" + ice.pwd() + "\r\n"
            + "a=fingerprint:sha-256 " + cert.fingerprintSha256() + "\r\n"
            + "a=setup:actpass\r\n"
            + "a=mid:" + (2 + extraAudio) + "\r\n"
            + "a=sctp-port:5000\r\n"
            + "a=max-message-size:262144\r\n" : "");
  }

  private String extraAudioSections(String common) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < extraAudio; i++) {
      b.append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n").append(common)
          .append("a=mid:").append(2 + i).append("\r\na=rtpmap:111 opus/48000/2\r\n");
    }
    return b.toString();
  }

  private String bundleExtra() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < extraAudio; i++) {
      b.append(' ').append(2 + i);
    }
    return b.toString();
  }

  /** The ICE connectivity check a controlling browser sends, nominating the pair. */
  byte[] bindingRequest(Random rnd) {
    SessionDescription a = SessionDescription.parse(answer);
    String serverUfrag = a.media().get(0).attribute("ice-ufrag").orElseThrow();
    String serverPwd = a.media().get(0).attribute("ice-pwd").orElseThrow();
    byte[] tx = new byte[12];
    rnd.nextBytes(tx);
    return StunMessage.bindingRequest(tx, serverUfrag + ":" + ice.ufrag(),
        serverPwd.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1845501695L, true, true,
        rnd.nextLong());
  }

  void startDtls(String serverFingerprint, Executor executor, Runnable wakeup) {
    dtls = new DtlsEndpoint(DtlsEndpoint.Role.CLIENT, cert, serverFingerprint, executor, wakeup);
    dtls.start();
  }

  /** The SSRC the answer announces for {@code mid} (viewers only). */
  int announcedSsrc(String mid) {
    SessionDescription a = SessionDescription.parse(answer);
    for (var m : a.media()) {
      if (m.mid().equals(mid)) {
        String line = m.attributes("ssrc").get(0);
        return (int) Long.parseLong(line.substring(0, line.indexOf(' ')));
      }
    }
    throw new IllegalStateException("no ssrc for mid " + mid);
  }

  static String fingerprintOf(String sdp) {
    for (String line : sdp.split("\r\n")) {
      if (line.startsWith("a=fingerprint:sha-256 ")) {
        return line.substring("a=fingerprint:sha-256 ".length());
      }
    }
    throw new IllegalStateException("no fingerprint");
  }
}
