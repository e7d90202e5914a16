package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CodecNegotiatorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "42001f, true",   // Baseline 3.1
      "42e01f, true",   // Constrained Baseline 3.1
      "42c02a, true",   // Constrained Baseline 4.2
      "42E034, true",   // uppercase hex, level 5.2
      "4d801f, true",   // Main with constraint_set0: Constrained Baseline
      "4d001f, false",  // Main
      "58c01f, true",   // Extended as Constrained Baseline
      "58001f, false",  // Extended
      "64001f, false",  // High
      "f4001f, false",  // High 4:4:4 Predictive
      "42001, false",
      "42g01f, false",
      "'', false"})
  void h264Profiles(String profileLevelId, boolean baselineFamily) {
    assertEquals(baselineFamily, H264Profile.isBaselineFamily(profileLevelId));
  }

  @Test
  void h264NeedsPacketizationModeOne() {
    List<Codec> codecs = video("96",
        "a=rtpmap:96 H264/90000",
        "a=fmtp:96 profile-level-id=42e01f");
    assertEquals(List.of(), codecs, "packetization-mode defaults to 0 (RFC 6184 §8.1)");
    codecs = video("96 97",
        "a=rtpmap:96 h264/90000",
        "a=fmtp:96 packetization-mode=1",
        "a=rtpmap:97 H264/90000",
        "a=fmtp:97 packetization-mode=1;profile-level-id=640c1f");
    assertEquals(List.of(96), pts(codecs), "absent profile-level-id means Baseline");
  }

  @Test
  void keepsOfferOrderAndSkipsDuplicatesAndUndeclaredFormats() {
    List<Codec> codecs = video("100 96 96 97 x",
        "a=rtpmap:96 VP8/90000",
        "a=rtpmap:100 H264/90000",
        "a=fmtp:100 profile-level-id=42e01f;packetization-mode=1",
        "a=rtpmap:101 VP8/90000",
        "a=rtpmap:97 VP8/48000");
    assertEquals(List.of(100, 96), pts(codecs));
    assertEquals(Map.of("profile-level-id", "42e01f", "packetization-mode", "1"),
        codecs.get(0).fmtpParameters());
  }

  @Test
  void wildcardFeedbackAppliesToEveryCodecOnce() {
    List<Codec> codecs = video("96",
        "a=rtpmap:96 VP8/90000",
        "a=rtcp-fb:* nack",
        "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96  NACK   PLI",
        "a=rtcp-fb:96 ccm tmmbr",
        "a=rtcp-fb:96 transport-cc");
    assertEquals(List.of("nack", "nack pli"), codecs.get(0).rtcpFb());
  }

  @Test
  void audioAcceptsOnlyStereoOpusAt48k() {
    MediaSection m = section("audio", "111 112 113",
        "a=rtpmap:111 opus/48000",
        "a=rtpmap:112 OPUS/48000/2",
        "a=fmtp:112 stereo=1",
        "a=rtpmap:113 opus/16000/2");
    List<Codec> codecs = CodecNegotiator.negotiate(m, Options.defaults());
    assertEquals(List.of(112), pts(codecs));
    assertEquals(2, codecs.get(0).channels());
    assertEquals("stereo=1", codecs.get(0).fmtp());
  }

  @Test
  void extensionIdsAreEchoedFirstWinsAndCollisionsSkipped() {
    MediaSection m = section("audio", "111",
        "a=extmap:7/recvonly urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=extmap:7 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "a=extmap:0 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:300 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:20 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:3 " + Options.EXT_TRANSPORT_CC);
    Map<String, Integer> ext = Extensions.negotiate(m, List.of(), Options.defaults());
    assertEquals(Map.of(Options.EXT_MID, 7, Options.EXT_ABS_SEND_TIME, 20), ext);
    ext = Extensions.negotiate(m, List.of(), Options.defaults().withTransportCc(true));
    assertEquals(3, ext.get(Options.EXT_TRANSPORT_CC));
  }

  private static List<Codec> video(String formats, String... lines) {
    return CodecNegotiator.negotiate(section("video", formats, lines), Options.defaults());
  }

  private static MediaSection section(String media, String formats, String... lines) {
    List<Attribute> attrs = new ArrayList<>();
    for (String line : lines) {
      String v = line.substring(2);
      int colon = v.indexOf(':');
      attrs.add(new Attribute(v.substring(0, colon), v.substring(colon + 1)));
    }
    return new MediaSection(media, 9, "UDP/TLS/RTP/SAVPF", List.of(formats.split(" ")),
        "IN IP4 0.0.0.0", attrs);
  }

  private static List<Integer> pts(List<Codec> codecs) {
    return codecs.stream().map(Codec::payloadType).toList();
  }
}
