package dev.odeon.signaling.auth;

import java.util.Locale;

/**
 * A permission carried in a token's {@code grants} claim: {@code publish} and {@code view} media;
 * {@code interactive} marks the streamer's backend ("interactive server") whose data events are
 * official; {@code moderate} runs a stage (invite, mute, move back, kick); {@code admin} uses the
 * HTTP API (any stream).
 */
public enum Grant {
  PUBLISH,
  VIEW,
  INTERACTIVE,
  MODERATE,
  ADMIN;

  /** The claim value, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a claim value; null when it is not a known grant. */
  public static Grant parse(String wire) {
    for (Grant grant : values()) {
      if (grant.wire().equals(wire)) {
        return grant;
      }
    }
    return null;
  }
}
