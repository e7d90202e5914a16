package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishNegotiationTest {
  private static final String LOCAL_FP_UPPER = Offers.LOCAL_FINGERPRINT.toUpperCase();

  private static NegotiatedSession publish(String sdp, Options options) {
    return Negotiation.answerPublish(SessionDescription.parse(sdp), Offers.LOCAL, options);
  }

  @Test
  void sessionLevelOfAnswer() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults());
    assertEquals(List.of("v=0", "o=- " + sessionIdOf(s.answerSdp()) + " 2 IN IP4 127.0.0.1", "s=-",
        "t=0 0", "a=ice-lite", "a=group:BUNDLE 0 1", "a=extmap-allow-mixed",
        "a=msid-semantic: WMS *"), Offers.session(s.answerSdp()));
    assertEquals(List.of("0", "1"), s.bundleMids());
  }

  @Test
  void audioSectionOfAnswer() {
    String answer = publish(Offers.publish(), Options.defaults()).answerSdp();
    assertEquals(List.of(
        "m=audio 10000 UDP/TLS/RTP/SAVPF 111",
        "c=IN IP4 127.0.0.1",
        "a=mid:0",
        "a=ice-ufrag:srvU",
        "a=ice-pwd:serverPassword0123456789",
        "a=fingerprint:sha-256 " + LOCAL_FP_UPPER,
        "a=setup:passive",
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=recvonly",
        "a=rtcp-mux",
        "a=rtcp-rsize",
        "a=rtpmap:111 opus/48000/2",
        "a=fmtp:111 minptime=10;useinbandfec=1",
        "a=candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host",
        "a=end-of-candidates"), Offers.section(answer, 0));
  }

  @Test
  void videoSectionKeepsVp8AndBaselineH264InOfferOrder() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults());
    List<String> video = Offers.section(s.answerSdp(), 1);
    assertEquals("m=video 10000 UDP/TLS/RTP/SAVPF 96 102 106", video.get(0));
    assertTrue(video.contains("a=rtpmap:96 VP8/90000"));
    assertTrue(video.contains("a=rtpmap:102 H264/90000"));
    assertTrue(video.contains(
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"));
    assertTrue(video.contains(
        "a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"));
    assertTrue(video.contains("a=recvonly"));
    assertTrue(video.contains("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid"));
    assertTrue(video.contains("a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"));
    assertEquals(List.of("a=rtcp-fb:96 goog-remb", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96 nack pli"), video.stream().filter(l -> l.startsWith("a=rtcp-fb:96 ")).toList());
    for (String line : video) {
      assertFalse(line.matches("a=(rtpmap|fmtp):\\d+ (rtx|red|ulpfec|VP9|AV1|H265|apt=).*"), line);
      assertFalse(line.contains("transport-cc") || line.contains("transport-wide-cc"), line);
      assertFalse(line.startsWith("a=ssrc"), line);
    }
    NegotiatedMedia media = s.media().get(1);
    assertEquals(List.of(96, 102, 106), media.codecs().stream().map(Codec::payloadType).toList());
    assertEquals("1", media.codecs().get(1).fmtpParameters().get("packetization-mode"));
  }

  @Test
  void applicationSectionIsRejectedWithPortZero() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults());
    assertEquals(List.of("m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 127.0.0.1",
        "a=mid:2", "a=inactive"), Offers.section(s.answerSdp(), 2));
    NegotiatedMedia app = s.media().get(2);
    assertEquals(MediaKind.APPLICATION, app.kind());
    assertFalse(app.accepted());
    assertEquals(Direction.INACTIVE, app.direction());
  }

  @Test
  void remoteTransportAndSsrcsAreReported() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults());
    assertEquals(new IceCredentials("Xb3k", "4Qz9pLmN2vR7sT1wY5uE8hJc"), s.remoteIce());
    assertTrue(s.remoteFingerprintSha256().matches("4A:AD:B9(:[0-9A-F]{2}){29}"));
    assertEquals("actpass", s.remoteSetup());

    NegotiatedMedia audio = s.media().get(0);
    assertEquals(2890844526L, audio.remoteSsrcs().primary().getAsLong());
    assertTrue(audio.remoteSsrcs().rtx().isEmpty());
    assertEquals("q4YvJ8a2mKpL0xZc", audio.remoteSsrcs().cname());
    assertEquals(new Msid("7a3f1c2e-5b4d-4e8a-9c1f-2d6b8e0a4f13",
        "0c9f6e1a-3d2b-4f5c-8a7e-1b2c3d4e5f60"), audio.msid().orElseThrow());
    assertEquals(Direction.RECVONLY, audio.direction());
    assertEquals(Map.of(Options.EXT_AUDIO_LEVEL, 1, Options.EXT_ABS_SEND_TIME, 2,
        Options.EXT_MID, 4), audio.extensions());

    NegotiatedMedia video = s.media().get(1);
    assertEquals(1357924680L, video.remoteSsrcs().primary().getAsLong());
    assertEquals(2468013579L, video.remoteSsrcs().rtx().getAsLong());
    assertEquals(List.of(1357924680L, 2468013579L), video.remoteSsrcs().all());
    assertEquals("5e1d2c3b-4a59-4687-9f0e-a1b2c3d4e5f6", video.msid().orElseThrow().trackId());
  }

  @Test
  void msidFallsBackToSsrcAttribute() {
    String sdp = Offers.edit(Offers.publish(), "a=msid:", null);
    NegotiatedMedia video = publish(sdp, Options.defaults()).media().get(1);
    assertEquals("5e1d2c3b-4a59-4687-9f0e-a1b2c3d4e5f6", video.msid().orElseThrow().trackId());
  }

  @Test
  void transportCcIsOptIn() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults().withTransportCc(true));
    List<String> audio = Offers.section(s.answerSdp(), 0);
    assertTrue(audio.contains("a=extmap:3 " + Options.EXT_TRANSPORT_CC));
    assertTrue(audio.contains("a=rtcp-fb:111 transport-cc"));
    assertTrue(Offers.section(s.answerSdp(), 1).contains("a=rtcp-fb:96 transport-cc"));
  }

  @Test
  void codecPreferenceNarrowsToVp8() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults().withCodecs("opus", "vp8"));
    assertEquals("m=video 10000 UDP/TLS/RTP/SAVPF 96", Offers.section(s.answerSdp(), 1).get(0));
  }

  @Test
  void extensionsCanBeNarrowedToNone() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults().withExtensionUris(Set.of()));
    assertTrue(s.answerSdp().lines().noneMatch(l -> l.startsWith("a=extmap:")));
  }

  @Test
  void sendrecvIsAnsweredRecvonly() {
    String sdp = Offers.publish().replace("a=sendonly", "a=sendrecv");
    NegotiatedSession s = publish(sdp, Options.defaults());
    assertTrue(Offers.section(s.answerSdp(), 0).contains("a=recvonly"));
  }

  @Test
  void recvonlySectionIsRejectedInPublish() {
    String sdp = Offers.publish().replaceFirst("a=sendonly", "a=recvonly");
    NegotiatedSession s = publish(sdp, Options.defaults());
    assertEquals("m=audio 0 UDP/TLS/RTP/SAVPF 111", Offers.section(s.answerSdp(), 0).get(0));
    assertTrue(Offers.section(s.answerSdp(), 0).contains("a=inactive"));
    assertEquals(List.of("1"), s.bundleMids());
    assertTrue(Offers.session(s.answerSdp()).contains("a=group:BUNDLE 1"));
  }

  @Test
  void sectionWithoutRtcpMuxIsRejected() {
    String sdp = Offers.publish().replaceFirst("a=rtcp-mux\r\n", "");
    assertFalse(publish(sdp, Options.defaults()).media().get(0).accepted());
  }

  @Test
  void activeSetupIsAccepted() {
    String sdp = Offers.edit(Offers.publish(), "a=setup:", "a=setup:active");
    assertEquals("active", publish(sdp, Options.defaults()).remoteSetup());
  }

  @Test
  void passiveSetupIsBadSdp() {
    String sdp = Offers.edit(Offers.publish(), "a=setup:", "a=setup:passive");
    assertEquals("bad_sdp", code(sdp, Options.defaults()));
  }

  @Test
  void offerWithoutBundleIsBadSdp() {
    assertEquals("bad_sdp", code(Offers.edit(Offers.publish(), "a=group:", null), Options.defaults()));
  }

  @Test
  void onlyUnknownCodecsIsNoCommonCodec() {
    String sdp = Offers.publish()
        .replace("opus/48000/2", "foo/48000/2")
        .replace("VP8/90000", "VP7/90000")
        .replace("packetization-mode=1", "packetization-mode=2");
    assertEquals("no_common_codec", code(sdp, Options.defaults()));
  }

  @Test
  void sectionWithoutCommonCodecIsRejectedAlone() {
    String sdp = Offers.publish().replace("opus/48000/2", "foo/48000/2");
    NegotiatedSession s = publish(sdp, Options.defaults());
    assertFalse(s.media().get(0).accepted());
    assertTrue(s.media().get(1).accepted());
  }

  @Test
  void answerParsesBackWithOurParser() {
    NegotiatedSession s = publish(Offers.publish(), Options.defaults());
    SessionDescription answer = SessionDescription.parse(s.answerSdp());
    assertEquals(3, answer.media().size());
    assertEquals(List.of("0", "1"), answer.bundleMids());
    assertEquals(new IceCredentials("srvU", "serverPassword0123456789"), answer.transport().ice());
    assertEquals(LOCAL_FP_UPPER, answer.transport().fingerprintSha256());
    assertEquals("passive", answer.transport().setup());
    assertTrue(answer.attribute("ice-lite").isPresent());
    assertEquals(Direction.RECVONLY, Direction.of(answer.media().get(1), answer.attributes()));
    assertEquals(List.of("96", "102", "106"), answer.media().get(1).formats());
    assertEquals(0, answer.media().get(2).port());
    assertEquals(10000, answer.media().get(0).port());
  }

  @Test
  void everyCandidateIsWritten() {
    LocalTransport two = new LocalTransport("srvU", "serverPassword0123456789",
        Offers.LOCAL_FINGERPRINT, List.of(new Candidate("10.0.0.5", 10000),
            new Candidate("::1", 10000)));
    String answer = Negotiation.answerPublish(SessionDescription.parse(Offers.publish()), two,
        Options.defaults()).answerSdp();
    List<String> audio = Offers.section(answer, 0);
    assertTrue(audio.contains("c=IN IP4 10.0.0.5"));
    assertTrue(audio.contains("a=candidate:1 1 udp 2130706431 10.0.0.5 10000 typ host"));
    assertTrue(audio.contains("a=candidate:2 1 udp 2130706175 ::1 10000 typ host"));
  }

  @Test
  void bracedMsidAsFirefoxWritesIt() {
    String sdp = Offers.edit(Offers.publish(), "a=msid:",
        "a=msid:{5b7c2a1e-0d3f-4c6e-9a8b-7f6e5d4c3b2a} {0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}");
    Msid msid = publish(sdp, Options.defaults()).media().get(0).msid().orElseThrow();
    assertEquals("{0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}", msid.trackId());
  }

  @Test
  void portZeroIsRejectedUnlessBundleOnly() {
    String rejected = Offers.publish().replace("m=video 9 ", "m=video 0 ");
    assertFalse(publish(rejected, Options.defaults()).media().get(1).accepted());
    String bundleOnly = rejected.replace("a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
    assertTrue(publish(bundleOnly, Options.defaults()).media().get(1).accepted());
  }

  private static String code(String sdp, Options options) {
    return assertThrows(SdpException.class, () -> publish(sdp, options)).code();
  }

  private static String sessionIdOf(String answer) {
    return Offers.lines(answer).get(1).split(" ")[1];
  }
}
