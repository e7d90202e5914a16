package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewNegotiationTest {
  private static final ViewSsrcs SSRCS = new ViewSsrcs(Map.of(
      "0", new ViewSsrcs.Entry(11111111L, "odeon", "host-stream", "host-audio"),
      "1", new ViewSsrcs.Entry(4294967295L, "odeon", "host-stream", "host-video")));

  private static NegotiatedSession view(String sdp, Options options, ViewSsrcs ssrcs) {
    return Negotiation.answerView(SessionDescription.parse(sdp), Offers.LOCAL, options, ssrcs);
  }

  @Test
  void answersSendonlyWithOurSsrcs() {
    NegotiatedSession s = view(Offers.view(), Options.defaults(), SSRCS);
    assertEquals("k9Pq", s.remoteIce().ufrag());
    assertTrue(s.remoteFingerprintSha256().startsWith("D1:7E:22"));
    assertEquals(List.of("0", "1"), s.bundleMids());

    List<String> audio = Offers.section(s.answerSdp(), 0);
    assertEquals("m=audio 10000 UDP/TLS/RTP/SAVPF 111", audio.get(0));
    assertTrue(audio.contains("a=sendonly"));
    assertTrue(audio.contains("a=setup:passive"));
    assertTrue(audio.contains("a=msid:host-stream host-audio"));
    assertTrue(audio.contains("a=ssrc:11111111 cname:odeon"));
    assertTrue(audio.contains("a=ssrc:11111111 msid:host-stream host-audio"));

    List<String> video = Offers.section(s.answerSdp(), 1);
    assertEquals("m=video 10000 UDP/TLS/RTP/SAVPF 96 102 106", video.get(0));
    assertTrue(video.contains("a=sendonly"));
    assertTrue(video.contains("a=ssrc:4294967295 cname:odeon"));
    assertTrue(video.contains("a=ssrc:4294967295 msid:host-stream host-video"));
    assertTrue(video.indexOf("a=msid:host-stream host-video") < video.indexOf("a=rtcp-mux"));

    assertEquals("m=application 0 UDP/DTLS/SCTP webrtc-datachannel",
        Offers.section(s.answerSdp(), 2).get(0));
    for (NegotiatedMedia m : s.acceptedMedia()) {
      assertEquals(Direction.SENDONLY, m.direction());
      assertTrue(m.remoteSsrcs().primary().isEmpty(), "a recvonly offer announces no SSRC");
      assertTrue(m.msid().isEmpty());
    }
  }

  @Test
  void viewMayAcceptNoExtensions() {
    NegotiatedSession s = view(Offers.view(), Options.defaults().withExtensionUris(Set.of()), SSRCS);
    assertTrue(s.answerSdp().lines().noneMatch(l -> l.startsWith("a=extmap:")));
    assertTrue(s.media().get(1).extensions().isEmpty());
  }

  @Test
  void sectionWithoutSsrcEntryHasNoSsrcLines() {
    NegotiatedSession s = view(Offers.view(), Options.defaults(), ViewSsrcs.NONE);
    assertTrue(s.answerSdp().lines().noneMatch(l -> l.startsWith("a=ssrc") || l.startsWith("a=msid:")));
    assertEquals(2, s.acceptedMedia().size());
  }

  @Test
  void sendonlySectionIsRejectedInView() {
    String sdp = Offers.view().replaceFirst("a=recvonly", "a=sendonly");
    NegotiatedSession s = view(sdp, Options.defaults(), SSRCS);
    List<String> audio = Offers.section(s.answerSdp(), 0);
    assertEquals("m=audio 0 UDP/TLS/RTP/SAVPF 111", audio.get(0));
    assertTrue(audio.contains("a=mid:0"));
    assertTrue(audio.contains("a=inactive"));
    assertFalse(audio.stream().anyMatch(l -> l.startsWith("a=ssrc")));
    assertEquals(List.of("1"), s.bundleMids());
  }

  @Test
  void publishOfferGivenToViewIsNoCommonCodec() {
    SdpException e = assertThrows(SdpException.class,
        () -> view(Offers.publish(), Options.defaults(), SSRCS));
    assertEquals("no_common_codec", e.code());
  }

  @Test
  void viewAnswerParsesBack() {
    NegotiatedSession s = view(Offers.view(), Options.defaults(), SSRCS);
    SessionDescription answer = SessionDescription.parse(s.answerSdp());
    assertEquals(List.of("0", "1"), answer.bundleMids());
    assertEquals("passive", answer.transport().setup());
    // Our sendonly answer, read as a publisher's offer (its DTLS role flipped), yields the SSRC
    // and msid we announced.
    SessionDescription asOffer =
        SessionDescription.parse(s.answerSdp().replace("a=setup:passive", "a=setup:active"));
    NegotiatedMedia roundTripped =
        Negotiation.answerPublish(asOffer, Offers.LOCAL, Options.defaults()).media().get(1);
    assertEquals(4294967295L, roundTripped.remoteSsrcs().primary().getAsLong());
    assertEquals(new Msid("host-stream", "host-video"), roundTripped.msid().orElseThrow());
    assertEquals(List.of(96, 102, 106),
        roundTripped.codecs().stream().map(Codec::payloadType).toList());
  }
}
