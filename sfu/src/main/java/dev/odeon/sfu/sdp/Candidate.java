package dev.odeon.sfu.sdp;

import java.util.Objects;

/**
 * One of our host candidates (RFC 8839 §5.1): an IP literal (IPv4 dotted quad or IPv6) and the UDP
 * port the media server listens on. Configuration, so bad values throw
 * {@link IllegalArgumentException}.
 */
public record Candidate(String ip, int port) {
  public Candidate {
    Objects.requireNonNull(ip, "ip");
    if (!isIpLiteral(ip)) {
      throw new IllegalArgumentException("candidate ip must be an IP literal: " + ip);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("candidate port out of range: " + port);
    }
  }

  /** True for an IPv6 literal. */
  public boolean isIpv6() {
    return ip.indexOf(':') >= 0;
  }

  private static boolean isIpLiteral(String ip) {
    if (ip.isEmpty() || ip.length() > 45) {
      return false;
    }
    if (ip.indexOf(':') >= 0) {
      for (int i = 0; i < ip.length(); i++) {
        char c = ip.charAt(i);
        if (Character.digit(c, 16) < 0 && c != ':' && c != '.' || c >= 0x80) {
          return false;
        }
      }
      return true;
    }
    String[] octets = ip.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (!SdpParser.isDigits(octet, 3) || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
