package dev.odeon.sfu.router;

import java.util.Locale;

/**
 * A negotiated RTP payload format of one peer: its payload type and what it means. Two peers'
 * codecs match when their {@link #key()}s are equal; the payload type is per peer.
 */
public record RtpCodec(int payloadType, String name, int clockRate, String fmtp) {

  /** Codec identity across peers: the name, and for H.264 the profile (RFC 6184 §8.1). */
  public String key() {
    String n = name.toLowerCase(Locale.ROOT);
    if (!n.equals("h264")) {
      return n;
    }
    return n + "/" + h264Profile(fmtp);
  }

  public boolean isH264() {
    return name.equalsIgnoreCase("h264");
  }

  public boolean isVp8() {
    return name.equalsIgnoreCase("vp8");
  }

  /** RFC 4588 retransmission format. */
  public boolean isRtx() {
    return name.equalsIgnoreCase("rtx");
  }

  /** For an RTX format, the payload type it carries ({@code apt}); otherwise -1. */
  public int rtxApt() {
    if (!isRtx() || fmtp == null) {
      return -1;
    }
    for (String p : fmtp.split(";")) {
      String kv = p.trim();
      if (kv.regionMatches(true, 0, "apt=", 0, 4)) {
        try {
          int pt = Integer.parseInt(kv.substring(4).trim());
          return pt >= 0 && pt < 128 ? pt : -1;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** profile_idc plus the constrained-baseline bit, ignoring the level: "42e0" and "4200" match. */
  static String h264Profile(String fmtp) {
    if (fmtp == null) {
      return "42";
    }
    for (String p : fmtp.split(";")) {
      String kv = p.trim();
      if (kv.regionMatches(true, 0, "profile-level-id=", 0, 17) && kv.length() >= 21) {
        return kv.substring(17, 19).toLowerCase(Locale.ROOT);
      }
    }
    return "42";
  }
}
