package dev.odeon.sfu.sdp;

import java.util.List;
import java.util.Locale;

/**
 * The SHA-256 certificate fingerprint of {@code a=fingerprint} (RFC 8122 §5):
 *
 * <pre>
 *   a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:...
 *                 hash-func  32 bytes as uppercase (or lowercase) hex pairs joined by ':'
 * </pre>
 *
 * <p>Values are normalised to uppercase. Other hash functions are ignored.
 */
final class Fingerprint {
  static final String SHA_256 = "sha-256";

  private Fingerprint() {}

  /**
   * The normalised SHA-256 value among these attribute values, or null when none names sha-256.
   * A sha-256 value of the wrong shape is bad SDP.
   */
  static String sha256(List<String> fingerprintValues) {
    for (String value : fingerprintValues) {
      String[] parts = SdpParser.fields(value);
      if (parts.length == 2 && parts[0].equalsIgnoreCase(SHA_256)) {
        String normalised = normalise(parts[1]);
        if (normalised == null) {
          throw SdpException.bad("malformed sha-256 fingerprint");
        }
        return normalised;
      }
    }
    return null;
  }

  /** Uppercase "AB:CD:..." for 32 hex pairs joined by ':', else null. */
  static String normalise(String hex) {
    if (hex.length() != 32 * 3 - 1) {
      return null;
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
      if (!ok) {
        return null;
      }
    }
    return hex.toUpperCase(Locale.ROOT);
  }
}
