package dev.odeon.loadtest.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.sdp.MediaSection;
import dev.odeon.sfu.sdp.SessionDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's answer to a Janus subscriber offer, and the generated Janus configuration. */
class JanusSdpTest {
  /** Shaped like Janus 1.1.2's VideoRoom subscriber offer, with a section we cannot take. */
  private static final String OFFER = String.join("\r\n",
      "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=VideoRoom 4242", "t=0 0", "a=group:BUNDLE 0 1 2",
      "a=fingerprint:sha-256 A2:CA:0A", "a=msid-semantic: WMS *",
      "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 127.0.0.1", "a=sendonly", "a=mid:0", "a=rtcp-mux",
      "a=ice-ufrag:ZsT/", "a=ice-pwd:Qjg25UIWoFmrAp/jsFIyEZ", "a=setup:actpass", "a=rtpmap:111 opus/48000/2",
      "a=candidate:1 1 udp 2015363327 127.0.0.1 35038 typ host",
      "m=video 9 UDP/TLS/RTP/SAVPF 100 101", "c=IN IP4 127.0.0.1", "a=sendonly", "a=mid:1", "a=rtcp-mux",
      "a=rtpmap:100 H264/90000", "a=rtpmap:101 VP8/90000",
      "m=video 9 UDP/TLS/RTP/SAVPF 102", "c=IN IP4 127.0.0.1", "a=sendonly", "a=mid:2",
      "a=rtpmap:102 AV1/90000", "");

  @Test
  void answersEveryOfferedSectionInOrderAndRejectsWhatItCannotTake() {
    List<JanusSdp.Section> s = JanusSdp.sections(OFFER);
    assertEquals(3, s.size());
    assertEquals(111, s.get(0).payloadType());
    assertEquals(101, s.get(1).payloadType(), "VP8, not the first payload type");
    assertEquals(-1, s.get(2).payloadType());

    IceCredentials ice = new IceCredentials("abcd", "0123456789abcdefghijkl");
    DtlsCertificate cert = DtlsCertificate.generate(Instant.parse("2026-01-01T00:00:00Z"));
    String answer = JanusSdp.answer(OFFER, ice, cert);
    List<MediaSection> m = SessionDescription.parse(answer).media();
    assertEquals(3, m.size());
    assertEquals("0", m.get(0).attribute("mid").orElseThrow());
    assertEquals("1", m.get(1).attribute("mid").orElseThrow());
    assertEquals("active", m.get(1).attribute("setup").orElseThrow());
    assertEquals("abcd", m.get(0).attribute("ice-ufrag").orElseThrow());
    assertTrue(answer.contains("m=video 9 UDP/TLS/RTP/SAVPF 101\r\n"), answer);
    assertTrue(answer.contains("a=rtpmap:101 VP8/90000\r\n"), answer);
    assertTrue(answer.contains("m=video 0 UDP/TLS/RTP/SAVPF 0\r\n"), "AV1 section rejected: " + answer);
    assertTrue(answer.contains("a=group:BUNDLE 0 1\r\n"), answer);
    assertTrue(answer.contains("a=recvonly\r\n"));
  }

  @Test
  void configurationKeepsOnlyVideoRoomAndWebSocketsOnLoopback(@TempDir Path dir) throws Exception {
    Path main = JanusConfig.write(dir, 18188);
    String cfg = Files.readString(main);
    assertTrue(cfg.contains("ice_enforce_list = \"jifb\""), cfg);
    assertTrue(cfg.contains("configs_folder = \"" + dir + "\""), cfg);
    String ws = Files.readString(dir.resolve("janus.transport.websockets.jcfg"));
    assertTrue(ws.contains("ws_ip = \"127.0.0.1\"") && ws.contains("ws_port = 18188"), ws);
    assertEquals("general: {\n}\n", Files.readString(dir.resolve("janus.plugin.videoroom.jcfg")));
    if (Files.isDirectory(JanusConfig.LIB.resolve("plugins"))) {
      assertTrue(cfg.contains("libjanus_streaming.so") && !cfg.contains("libjanus_videoroom.so"), cfg);
    }
  }
}
