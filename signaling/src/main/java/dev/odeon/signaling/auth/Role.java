package dev.odeon.signaling.auth;

import java.util.Locale;

/** What a token holder is in its stream: a publisher (host, speaker) or a viewer. */
public enum Role {
  PUBLISHER,
  VIEWER;

  /** The claim value, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a claim or query value; null when it is not a known role. */
  public static Role parse(String wire) {
    if ("publisher".equals(wire)) {
      return PUBLISHER;
    }
    if ("viewer".equals(wire)) {
      return VIEWER;
    }
    return null;
  }
}
