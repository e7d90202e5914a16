package dev.odeon.sfu.sdp;

import java.util.Objects;

/**
 * ICE credentials, {@code a=ice-ufrag} and {@code a=ice-pwd} (RFC 8839 §5.4): the ufrag is 4-256
 * and the password 22-256 ice-chars (ALPHA / DIGIT / "+" / "/").
 */
public record IceCredentials(String ufrag, String pwd) {
  public IceCredentials {
    Objects.requireNonNull(ufrag, "ufrag");
    Objects.requireNonNull(pwd, "pwd");
  }

  static boolean isValidUfrag(String s) {
    return s.length() >= 4 && s.length() <= 256 && isIceChars(s);
  }

  static boolean isValidPwd(String s) {
    return s.length() >= 22 && s.length() <= 256 && isIceChars(s);
  }

  private static boolean isIceChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
