package dev.odeon.loadtest.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** TextRoom requests and data-channel messages, the answer to its data-channel offer, and its configuration. */
class TextRoomTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Shaped like Janus 1.1.2's TextRoom offer after {@code setup}: one data-channel section. */
  private static final String OFFER = String.join("\r\n",
      "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=Janus TextRoom plugin", "t=0 0", "a=group:BUNDLE 0",
      "a=ice-options:trickle", "a=fingerprint:sha-256 A2:CA:0A", "a=msid-semantic: WMS *",
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 127.0.0.1", "a=sendrecv",
      "a=sctp-port:5000", "a=mid:0", "a=ice-ufrag:ZsT/", "a=ice-pwd:Qjg25UIWoFmrAp/jsFIyEZ", "a=setup:actpass",
      "a=candidate:1 1 udp 2015363327 127.0.0.1 35038 typ host", "a=end-of-candidates", "");

  @Test
  void answersTheDataChannelSectionAsTheDtlsClient() {
    IceCredentials ice = new IceCredentials("abcd", "0123456789abcdefghijkl");
    DtlsCertificate cert = DtlsCertificate.generate(Instant.parse("2026-01-01T00:00:00Z"));
    String answer = TextRoom.answer(OFFER, ice, cert);
    List<MediaSection> m = SessionDescription.parse(answer).media();
    assertEquals(1, m.size());
    assertEquals("0", m.get(0).attribute("mid").orElseThrow());
    assertEquals("active", m.get(0).attribute("setup").orElseThrow());
    assertEquals("5000", m.get(0).attribute("sctp-port").orElseThrow());
    assertEquals("abcd", m.get(0).attribute("ice-ufrag").orElseThrow());
    assertTrue(answer.contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"), answer);
    assertTrue(answer.contains("a=fingerprint:sha-256 " + cert.fingerprintSha256() + "\r\n"), answer);
    assertTrue(answer.contains("a=group:BUNDLE 0\r\n"), answer);
    assertEquals("0", TextRoom.dataMid(OFFER));
  }

  @Test
  void rejectsMediaSectionsAndFindsTheDataMid() {
    String offer = OFFER.replace("a=group:BUNDLE 0", "a=group:BUNDLE a d")
        .replace("m=application", "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:a\r\nm=application")
        .replace("a=mid:0", "a=mid:d");
    String answer = TextRoom.answer(offer, new IceCredentials("abcd", "0123456789abcdefghijkl"),
        DtlsCertificate.generate(Instant.parse("2026-01-01T00:00:00Z")));
    assertTrue(answer.contains("m=audio 0 UDP/TLS/RTP/SAVPF 0\r\n"), answer);
    assertTrue(answer.contains("a=group:BUNDLE d\r\n"), answer);
    assertEquals("d", TextRoom.dataMid(offer));
    assertEquals("0", TextRoom.dataMid("v=0\r\nm=audio 9 RTP/AVP 0\r\n"));
  }

  @Test
  void messagesHaveTheShapesTheTextRoomExpects() throws Exception {
    JsonNode join = JSON.readTree(TextRoom.join("join-v1", 4343, "v1"));
    assertEquals("join", join.path("textroom").asText());
    assertEquals("join-v1", join.path("transaction").asText());
    assertEquals(4343, join.path("room").asLong());
    assertEquals("v1", join.path("username").asText());

    JsonNode vote = JSON.readTree(TextRoom.message("t1", 4343, "backend", "{\"type\":\"vote\",\"option\":2}"));
    assertEquals("message", vote.path("textroom").asText());
    assertEquals("backend", vote.path("to").asText());
    assertFalse(vote.path("ack").asBoolean(true), "no reply per vote");
    assertEquals(2, JSON.readTree(vote.path("text").asText()).path("option").asInt());
    assertFalse(JSON.readTree(TextRoom.message("t2", 4343, null, "hi")).has("to"), "null: the whole room");

    assertEquals("create", TextRoom.create(4343).path("request").asText());
    assertEquals(4343, TextRoom.create(4343).path("room").asLong());
    assertFalse(TextRoom.create(4343).path("permanent").asBoolean(true));
    assertEquals("setup", TextRoom.setup().path("request").asText());
    assertEquals("ack", TextRoom.ack().path("request").asText());
  }

  @Test
  void configurationKeepsTheTextRoomWithoutSampleRooms(@TempDir Path dir) throws Exception {
    Path main = JanusConfig.write(dir, 18188);
    String cfg = Files.readString(main);
    String textroom = Files.readString(dir.resolve("janus.plugin.textroom.jcfg"));
    assertEquals(JanusConfig.TEXTROOM, textroom);
    assertFalse(textroom.contains("room-"), "no sample rooms");
    if (Files.isDirectory(JanusConfig.LIB.resolve("plugins"))) {
      assertFalse(cfg.contains("libjanus_textroom.so"), "textroom not disabled: " + cfg);
      assertTrue(cfg.contains("libjanus_echotest.so"), cfg);
    }
  }
}
