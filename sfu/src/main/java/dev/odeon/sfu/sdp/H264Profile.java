package dev.odeon.sfu.sdp;

/**
 * Classifies H.264 {@code profile-level-id} (RFC 6184 §8.1): three bytes in hex, profile_idc,
 * profile-iop (constraint_set0..5 flags), level_idc.
 *
 * <pre>
 *   profile-level-id = 42 e0 1f
 *                      |  |  +-- level_idc (ignored here: the answer echoes the offer's)
 *                      |  +----- profile-iop: constraint_set0_flag is 0x80, constraint_set1 0x40
 *                      +-------- profile_idc: 0x42 Baseline, 0x4D Main, 0x58 Extended, 0x64 High
 * </pre>
 *
 * <p>Baseline and Constrained Baseline are told apart as in RFC 6184 Table 5 (Constrained Baseline
 * also appears as Main or Extended with the right constraint flags).
 */
final class H264Profile {
  /** What RFC 6184 §8.1 assumes when profile-level-id is absent: Baseline, level 1.0. */
  static final String DEFAULT_PROFILE_LEVEL_ID = "42000a";

  private H264Profile() {}

  /** True when the value names Baseline or Constrained Baseline at any level. */
  static boolean isBaselineFamily(String profileLevelId) {
    if (profileLevelId.length() != 6) {
      return false;
    }
    int profileIdc = hexByte(profileLevelId, 0);
    int iop = hexByte(profileLevelId, 2);
    if (profileIdc < 0 || iop < 0 || hexByte(profileLevelId, 4) < 0) {
      return false;
    }
    return switch (profileIdc) {
      case 0x42 -> true;                      // Baseline, or Constrained Baseline with set1.
      case 0x4D -> (iop & 0x80) != 0;         // Main constrained to Constrained Baseline.
      case 0x58 -> (iop & 0xC0) >= 0x80;      // Extended constrained to (Constrained) Baseline.
      default -> false;
    };
  }

  private static int hexByte(String s, int at) {
    int hi = hexDigit(s.charAt(at));
    int lo = hexDigit(s.charAt(at + 1));
    return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
  }

  private static int hexDigit(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }
}
