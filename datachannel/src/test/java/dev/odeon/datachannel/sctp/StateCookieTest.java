package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StateCookieTest {
  private static final byte[] SECRET = new byte[32];
  private static final long SECOND = 1_000_000_000L;
  private final StateCookie cookie =
      new StateCookie(10 * SECOND, 1, 2, 3, 4, 65536, 1024, 2048, true, false);

  @Test
  void verifiesWithinLifetime() {
    assertEquals(cookie, StateCookie.verify(cookie.sign(SECRET), SECRET, 11 * SECOND, 60 * SECOND));
  }

  @Test
  void rejectsTamperingWrongSecretAndAge() {
    byte[] c = cookie.sign(SECRET);
    for (int i = 0; i < c.length; i++) {
      byte[] t = c.clone();
      t[i] ^= 1;
      assertNull(StateCookie.verify(t, SECRET, 11 * SECOND, 60 * SECOND), "byte " + i);
    }
    byte[] other = new byte[32];
    other[0] = 1;
    assertNull(StateCookie.verify(c, other, 11 * SECOND, 60 * SECOND));
    assertNull(StateCookie.verify(c, SECRET, 71 * SECOND, 60 * SECOND), "expired");
    assertNull(StateCookie.verify(c, SECRET, 9 * SECOND, 60 * SECOND), "from the future");
    assertNull(StateCookie.verify(new byte[5], SECRET, 11 * SECOND, 60 * SECOND));
  }
}
