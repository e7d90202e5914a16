package dev.odeon.sfu.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {

  @Test
  void fieldsSplitOnRunsOfSpaces() {
    assertArrayEquals(new String[] {""}, SdpParser.fields(""));
    assertArrayEquals(new String[] {""}, SdpParser.fields("   "));
    assertArrayEquals(new String[] {"a"}, SdpParser.fields(" a "));
    assertArrayEquals(new String[] {"a", "b", "c"}, SdpParser.fields("a  b c  "));
    assertArrayEquals(new String[] {"a\tb"}, SdpParser.fields("a\tb"));
  }

  @Test
  void tokensAndDigits() {
    assertTrue(SdpParser.isToken("msid-semantic"));
    assertTrue(SdpParser.isToken("7a3f1c2e-5b4d"));
    assertFalse(SdpParser.isToken("a b"));
    assertFalse(SdpParser.isToken("a:b"));
    assertFalse(SdpParser.isToken("\u00e9"));
    assertTrue(SdpParser.isDigits("65535", 5));
    assertFalse(SdpParser.isDigits("655350", 5));
    assertFalse(SdpParser.isDigits("-1", 5));
    assertFalse(SdpParser.isDigits("", 5));
  }

  @Test
  void sessionAndMediaAttributesAreSeparated() {
    SdpParser p = SdpParser.parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        + "a=group:BUNDLE 0\r\na=flag\r\nm=audio 9/2 RTP/AVP 0 8\r\nc=IN IP4 1.2.3.4\r\n"
        + "a=mid:0\r\na=x:y:z\r\n\r\n");
    assertEquals(List.of(new Attribute("group", "BUNDLE 0"), new Attribute("flag", "")),
        p.sessionAttributes);
    MediaSection m = p.media.get(0);
    assertEquals(9, m.port());
    assertEquals("RTP/AVP", m.proto());
    assertEquals(List.of("0", "8"), m.formats());
    assertEquals("IN IP4 1.2.3.4", m.connection());
    assertEquals(List.of(new Attribute("mid", "0"), new Attribute("x", "y:z")), m.attributes());
  }
}
