package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionTest {

  @Test
  void parsesChromePublishOffer() {
    SessionDescription offer = SessionDescription.parse(Offers.publish());

    assertEquals(List.of("0", "1", "2"), offer.bundleMids());
    assertTrue(offer.attribute("extmap-allow-mixed").isPresent());
    assertEquals(3, offer.media().size());
    MediaSection audio = offer.media().get(0);
    assertEquals(MediaKind.AUDIO, audio.kind());
    assertEquals(9, audio.port());
    assertEquals("UDP/TLS/RTP/SAVPF", audio.proto());
    assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
    assertEquals("IN IP4 0.0.0.0", audio.connection());
    assertEquals("0", audio.mid());
    assertEquals(Direction.SENDONLY, Direction.of(audio, offer.attributes()));
    assertEquals(MediaKind.VIDEO, offer.media().get(1).kind());
    assertEquals(MediaKind.APPLICATION, offer.media().get(2).kind());
    assertEquals(List.of("webrtc-datachannel"), offer.media().get(2).formats());

    RemoteTransport t = offer.transport();
    assertEquals(new IceCredentials("Xb3k", "4Qz9pLmN2vR7sT1wY5uE8hJc"), t.ice());
    assertEquals("4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:5A:6C:2F:80:91:0E:"
        + "77:C3:D5:A2:1B:08", t.fingerprintSha256());
    assertEquals("actpass", t.setup());
  }

  @Test
  void acceptsBareLineFeeds() {
    SessionDescription offer = SessionDescription.parse(Offers.publish().replace("\r\n", "\n"));
    assertEquals(3, offer.media().size());
  }

  @Test
  void sessionLevelCredentialsAndFingerprintAreUsed() {
    String sdp = Offers.publish();
    String fp = "a=fingerprint:sha-256 4a:ad:b9:b1:3f:82:18:3b:54:02:12:df:3e:5d:49:6b:19:e5:7c:ab:"
        + "5a:6c:2f:80:91:0e:77:c3:d5:a2:1b:08";
    sdp = Offers.edit(sdp, "a=fingerprint:", null);
    sdp = Offers.edit(sdp, "a=ice-ufrag:", null);
    sdp = Offers.edit(sdp, "a=ice-pwd:", null);
    sdp = sdp.replace("t=0 0\r\n",
        "t=0 0\r\na=ice-ufrag:Sess\r\na=ice-pwd:sessionPassword012345678\r\n" + fp + "\r\n");
    RemoteTransport t = SessionDescription.parse(sdp).transport();
    assertEquals("Sess", t.ice().ufrag());
    assertTrue(t.fingerprintSha256().startsWith("4A:AD"));
  }

  @Test
  void missingFingerprintIsNoFingerprint() {
    String sdp = Offers.edit(Offers.publish(), "a=fingerprint:", null);
    assertEquals("no_fingerprint", code(sdp));
  }

  @Test
  void sha1OnlyIsNoFingerprint() {
    String sdp = Offers.edit(Offers.publish(), "a=fingerprint:",
        "a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB");
    assertEquals("no_fingerprint", code(sdp));
  }

  @Test
  void malformedSha256IsBadSdp() {
    String sdp = Offers.edit(Offers.publish(), "a=fingerprint:", "a=fingerprint:sha-256 4A:AD:ZZ");
    assertEquals("bad_sdp", code(sdp));
  }

  @Test
  void missingIceUfragIsBadSdp() {
    assertEquals("bad_sdp", code(Offers.edit(Offers.publish(), "a=ice-ufrag:", null)));
    assertEquals("bad_sdp", code(Offers.edit(Offers.publish(), "a=ice-pwd:", null)));
  }

  @Test
  void malformedIceCredentialsAreBadSdp() {
    assertEquals("bad_sdp", code(Offers.edit(Offers.publish(), "a=ice-ufrag:", "a=ice-ufrag:a b")));
    assertEquals("bad_sdp", code(Offers.edit(Offers.publish(), "a=ice-pwd:", "a=ice-pwd:short")));
  }

  @Test
  void structuralProblemsAreBadSdp() {
    String sdp = Offers.publish();
    assertEquals("bad_sdp", code(sdp.replace("v=0\r\n", "")), "no v=");
    assertEquals("bad_sdp", code(sdp.replace("v=0\r\n", "v=1\r\n")), "v=1");
    assertEquals("bad_sdp", code(sdp.substring(0, sdp.indexOf("m=audio"))), "no m=");
    assertEquals("bad_sdp", code(Offers.edit(sdp, "a=mid:1", "a=mid:0")), "duplicate mid");
    assertEquals("bad_sdp", code(Offers.edit(sdp, "a=mid:1", null)), "missing mid");
    assertEquals("bad_sdp", code(Offers.edit(sdp, "a=group:", "a=group:BUNDLE 0 1 7")), "bad group");
    assertEquals("bad_sdp", code(sdp.replace("m=audio 9 ", "m=audio 70000 ")), "port");
    assertEquals("bad_sdp", code(sdp.replace("m=audio 9 ", "m=audio x ")), "port");
    assertEquals("bad_sdp", code(sdp.replace("m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
        "m=application 9 UDP/DTLS/SCTP")), "no fmt");
    assertEquals("bad_sdp", code(sdp.replace("a=rtcp-mux", "a=rtcp-mux\0")), "NUL");
    assertEquals("bad_sdp", code(sdp.replace("a=rtcp-mux", "A=rtcp-mux")), "type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "hello world\r\n", "v=0", "v=0\r\nno equals here\r\n",
      "\r\n\r\n", "=", "v=0\r\nm=audio\r\n", "v=0\r\na=\r\nm=audio 9 RTP/AVP 0\r\n",
      "v=0\r\nm=audio 9 RTP/AVP 0\r\n"})
  void garbageIsBadSdp(String sdp) {
    assertEquals("bad_sdp", code(sdp));
  }

  @Test
  void nullIsBadSdp() {
    assertEquals("bad_sdp", code(null));
  }

  @Test
  void lineWithoutEqualsIsBadSdp() {
    String sdp = Offers.publish().replace("a=rtcp-mux\r\n", "a=rtcp-mux\r\nrtcp-mux\r\n");
    assertEquals("bad_sdp", code(sdp));
  }

  @Test
  void oneMebibyteIsBadSdp() {
    String padding = "a=x-pad:" + "x".repeat(100) + "\r\n";
    StringBuilder big = new StringBuilder(Offers.publish());
    while (big.length() < 1024 * 1024) {
      big.append(padding);
    }
    assertEquals("bad_sdp", code(big.toString()));
  }

  @Test
  void limitCountsUtf8Bytes() {
    String sdp = Offers.publish();
    String multiByte = "a=x-pad:" + "\u00e9".repeat(SdpParser.MAX_BYTES / 2) + "\r\n";
    assertTrue(sdp.length() + multiByte.length() <= SdpParser.MAX_BYTES);
    assertEquals("bad_sdp", code(sdp + multiByte));
  }

  static String code(String sdp) {
    return assertThrows(SdpException.class, () -> SessionDescription.parse(sdp)).code();
  }
}
