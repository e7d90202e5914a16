package dev.odeon.sfu.ice;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One side's ICE username fragment and password (RFC 8445 §5.3, SDP syntax RFC 8839 §5.4:
 * {@code ice-char = ALPHA / DIGIT / "+" / "/"}, ufrag 4..256 chars, pwd 22..256 chars). Immutable;
 * any thread. The record does not enforce the syntax (remote values come from an SDP parser that
 * may want to report rather than throw); check with {@link #isWellFormed()}.
 */
public record IceCredentials(String ufrag, String pwd) {
  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  public IceCredentials {
    if (ufrag == null || pwd == null) {
      throw new IllegalArgumentException("ufrag and pwd are required");
    }
  }

  /**
   * Fresh credentials: an 8-char ufrag and a 24-char pwd of ice-chars. Production callers pass a
   * {@link java.security.SecureRandom}; tests may pass a seeded {@link Random}.
   */
  public static IceCredentials random(Random rnd) {
    return new IceCredentials(randomChars(rnd, 8), randomChars(rnd, 24));
  }

  /** The USERNAME part before the first ':' (the receiver's own ufrag), or null if there is no ':'. */
  public static String localUfragOf(String username) {
    if (username == null) {
      return null;
    }
    int colon = username.indexOf(':');
    return colon < 0 ? null : username.substring(0, colon);
  }

  /** The short-term MESSAGE-INTEGRITY key for checks sent to this side: the pwd as UTF-8. */
  public byte[] integrityKey() {
    return pwd.getBytes(StandardCharsets.UTF_8);
  }

  /** True when ufrag and pwd follow RFC 8839's length and character rules. */
  public boolean isWellFormed() {
    return isIceChars(ufrag, 4) && isIceChars(pwd, 22);
  }

  @Override
  public String toString() {
    // The password is a secret: keep it out of logs.
    return "IceCredentials[ufrag=" + ufrag + "]";
  }

  private static boolean isIceChars(String s, int minLength) {
    if (s.length() < minLength || s.length() > 256) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (ICE_CHARS.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String randomChars(Random rnd, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = ICE_CHARS.charAt(rnd.nextInt(ICE_CHARS.length()));
    }
    return new String(out);
  }
}
