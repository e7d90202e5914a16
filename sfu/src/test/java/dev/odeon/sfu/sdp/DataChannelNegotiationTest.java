package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The data channel section of a view offer captured from Chromium 156 ({@code addTransceiver} audio
 * and video recvonly, then {@code createDataChannel('odeon')}): accepted only when the options allow
 * data channels, rejected with port 0 otherwise, and malformed variants are rejected.
 */
class DataChannelNegotiationTest {
  private static final String OFFER = Offers.resource("chrome156-view-data-offer.sdp");
  private static final Options VIEW = Options.defaults().withExtensionUris(Set.of());
  private static final ViewSsrcs SSRCS = new ViewSsrcs(Map.of(
      "0", new ViewSsrcs.Entry(11, "odeon", "odeon", "audio-0"),
      "1", new ViewSsrcs.Entry(22, "odeon", "odeon", "video-1")));

  private static NegotiatedSession answer(String offer, Options options) {
    return Negotiation.answerView(SessionDescription.parse(offer), Offers.LOCAL, options, SSRCS);
  }

  @Test
  void acceptedWhenEnabled() {
    NegotiatedSession n = answer(OFFER, VIEW.withDataChannels(true));
    assertTrue(n.acceptedDataChannel());
    assertEquals(List.of("0", "1", "2"), n.bundleMids());
    assertTrue(Offers.lines(n.answerSdp()).contains("a=group:BUNDLE 0 1 2"));
    List<String> data = Offers.section(n.answerSdp(), 2);
    assertEquals("m=application 10000 UDP/DTLS/SCTP webrtc-datachannel", data.get(0));
    assertTrue(data.contains("a=mid:2"));
    assertTrue(data.contains("a=sctp-port:5000"));
    assertTrue(data.contains("a=max-message-size:262144"));
    assertTrue(data.contains("a=setup:passive"));
    assertTrue(data.contains("a=ice-ufrag:srvU"));
    assertTrue(data.stream().anyMatch(l -> l.startsWith("a=fingerprint:sha-256 ")));
    assertTrue(data.stream().anyMatch(l -> l.startsWith("a=candidate:1 1 udp ")));
    assertFalse(data.stream().anyMatch(l -> l.startsWith("a=rtpmap") || l.startsWith("a=sendonly")));
    // The media sections are answered as before.
    assertTrue(Offers.section(n.answerSdp(), 1).contains("a=sendonly"));
  }

  @Test
  void rejectedWhenDisabled() {
    NegotiatedSession n = answer(OFFER, VIEW);
    assertFalse(n.acceptedDataChannel());
    assertTrue(Offers.lines(n.answerSdp()).contains("a=group:BUNDLE 0 1"));
    List<String> data = Offers.section(n.answerSdp(), 2);
    assertEquals("m=application 0 UDP/DTLS/SCTP webrtc-datachannel", data.get(0));
    assertTrue(data.contains("a=inactive"));
  }

  @Test
  void malformedDataSectionsAreRejected() {
    Options on = VIEW.withDataChannels(true);
    assertFalse(answer(OFFER.replace("a=sctp-port:5000", "a=sctp-port:0"), on).acceptedDataChannel());
    assertFalse(answer(OFFER.replace("a=sctp-port:5000", "a=sctp-port:99999"), on).acceptedDataChannel());
    assertFalse(answer(OFFER.replace("a=sctp-port:5000", "a=sctp-port:-1"), on).acceptedDataChannel());
    assertFalse(answer(OFFER.replace("a=sctp-port:5000\r\n", ""), on).acceptedDataChannel(), "no sctp-port");
    assertFalse(answer(OFFER.replace("UDP/DTLS/SCTP webrtc-datachannel", "DTLS/SCTP 5000"), on)
        .acceptedDataChannel(), "old draft syntax");
    assertFalse(answer(OFFER.replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1"), on)
        .acceptedDataChannel(), "outside the BUNDLE group");
    assertFalse(answer(OFFER.replace("m=application 9 ", "m=application 0 "), on)
        .acceptedDataChannel(), "rejected by the offer");
  }
}
