package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers to offers captured from the Debian Chromium 156 this project tests with
 * ({@code createOffer()} after {@code addTransceiver(track, {direction: 'sendonly'})} for a camera and
 * microphone, and after two {@code recvonly} transceivers for a viewer).
 */
class CapturedChromeOfferTest {

  @Test
  void publishAnswerAcceptsOpusVp8AndBaselineH264() {
    SessionDescription offer = SessionDescription.parse(Offers.resource("chrome156-publish-offer.sdp"));
    NegotiatedSession n = Negotiation.answerPublish(offer, Offers.LOCAL, Options.defaults());
    List<String> lines = Offers.lines(n.answerSdp());

    assertTrue(lines.contains("a=ice-lite"));
    assertTrue(lines.contains("a=group:BUNDLE 0 1"));
    assertEquals("yfOY", n.remoteIce().ufrag());
    assertTrue(n.remoteFingerprintSha256().startsWith("20:0D:27:07"));

    List<String> audio = Offers.section(n.answerSdp(), 0);
    assertEquals("m=audio 10000 UDP/TLS/RTP/SAVPF 111", audio.get(0));
    assertTrue(audio.contains("a=recvonly"));
    assertTrue(audio.contains("a=setup:passive"));
    assertTrue(audio.contains("a=rtcp-mux"));
    assertTrue(audio.contains("a=candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host"));
    assertTrue(audio.stream().anyMatch(l -> l.startsWith("a=extmap:") && l.endsWith("ssrc-audio-level")));
    assertFalse(audio.stream().anyMatch(l -> l.contains("transport-wide-cc")), "no transport-cc: we send REMB");

    List<String> video = Offers.section(n.answerSdp(), 1);
    // Chrome offers VP8 first; baseline-family H.264 with packetization-mode=1 is kept, nothing else.
    assertEquals("m=video 10000 UDP/TLS/RTP/SAVPF 96 102 108", video.get(0));
    assertTrue(video.contains("a=rtcp-fb:96 nack pli"));
    assertTrue(video.contains("a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"));

    NegotiatedMedia v = n.media().get(1);
    assertEquals(3838016824L, v.remoteSsrcs().primary().orElseThrow());
    assertEquals(444702844L, v.remoteSsrcs().rtx().orElseThrow());
    assertEquals("67f08f76-0f40-46ab-bf6e-fa0ce0fec985", v.msid().orElseThrow().trackId());
  }

  /** The options the server uses for publishers: transport-cc and RTX on top of the defaults. */
  @Test
  void publishAnswerWithTransportCcAndRtx() {
    SessionDescription offer = SessionDescription.parse(Offers.resource("chrome156-publish-offer.sdp"));
    NegotiatedSession n = Negotiation.answerPublish(offer, Offers.LOCAL,
        Options.defaults().withTransportCc(true).withRtx(true));
    List<String> audio = Offers.section(n.answerSdp(), 0);
    assertTrue(audio.stream().anyMatch(l -> l.startsWith("a=extmap:") && l.endsWith("transport-wide-cc-extensions-01")));
    assertTrue(audio.contains("a=rtcp-fb:111 transport-cc"));
    List<String> video = Offers.section(n.answerSdp(), 1);
    // One rtx per accepted codec, after the media formats; rtx for dropped codecs (VP9, AV1...) is not kept.
    assertEquals("m=video 10000 UDP/TLS/RTP/SAVPF 96 102 108 97 103 109", video.get(0));
    assertTrue(video.contains("a=rtpmap:97 rtx/90000"));
    assertTrue(video.contains("a=fmtp:97 apt=96"));
    assertTrue(video.contains("a=fmtp:109 apt=108"));
    assertFalse(video.stream().anyMatch(l -> l.startsWith("a=rtcp-fb:97")), "no feedback on rtx formats");
  }

  @Test
  void viewAnswerIsSendonlyWithOurSsrcs() {
    SessionDescription offer = SessionDescription.parse(Offers.resource("chrome156-view-offer.sdp"));
    ViewSsrcs ssrcs = new ViewSsrcs(java.util.Map.of(
        "0", new ViewSsrcs.Entry(11, "odeon", "odeon", "audio-0"),
        "1", new ViewSsrcs.Entry(22, "odeon", "odeon", "video-1")));
    NegotiatedSession n = Negotiation.answerView(offer, Offers.LOCAL,
        Options.defaults().withExtensionUris(java.util.Set.of()), ssrcs);

    List<String> video = Offers.section(n.answerSdp(), 1);
    assertTrue(video.contains("a=sendonly"));
    assertTrue(video.contains("a=ssrc:22 cname:odeon"));
    assertTrue(video.contains("a=msid:odeon video-1"));
    assertFalse(video.stream().anyMatch(l -> l.startsWith("a=extmap:")), "views negotiate no extensions");
    assertEquals(2, n.acceptedMedia().size());
  }
}
