package dev.odeon.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {
  @Test
  void randomCredentialsHaveRfc8839ShapeAndSeedDeterminism() {
    Random rnd = new Random(1);
    for (int i = 0; i < 1000; i++) {
      IceCredentials c = IceCredentials.random(rnd);
      assertEquals(8, c.ufrag().length());
      assertEquals(24, c.pwd().length());
      assertTrue(c.ufrag().matches("[A-Za-z0-9+/]+"), c.ufrag());
      assertTrue(c.pwd().matches("[A-Za-z0-9+/]+"), c.pwd());
      assertTrue(c.isWellFormed());
    }
    assertEquals(IceCredentials.random(new Random(7)), IceCredentials.random(new Random(7)));
    assertNotEquals(IceCredentials.random(new Random(7)), IceCredentials.random(new Random(8)));
  }

  @Test
  void wellFormednessFollowsLengthAndCharset() {
    assertFalse(new IceCredentials("abc", "a".repeat(22)).isWellFormed());
    assertFalse(new IceCredentials("abcd", "a".repeat(21)).isWellFormed());
    assertFalse(new IceCredentials("ab:d", "a".repeat(22)).isWellFormed());
    assertFalse(new IceCredentials("abcd", "a".repeat(257)).isWellFormed());
    assertTrue(new IceCredentials("ab+/", "a".repeat(22)).isWellFormed());
    assertThrows(IllegalArgumentException.class, () -> new IceCredentials(null, "x"));
  }

  @Test
  void localUfragIsThePartBeforeTheColon() {
    assertEquals("srvr", IceCredentials.localUfragOf("srvr:clnt"));
    assertEquals("", IceCredentials.localUfragOf(":clnt"));
    assertEquals("a", IceCredentials.localUfragOf("a:b:c"));
    assertNull(IceCredentials.localUfragOf("nocolon"));
    assertNull(IceCredentials.localUfragOf(null));
  }

  @Test
  void toStringHidesThePassword() {
    IceCredentials c = new IceCredentials("ufrag", "secretsecretsecretsecret");
    assertFalse(c.toString().contains("secret"));
  }
}
