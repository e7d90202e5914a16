package dev.odeon.signaling.auth;

import java.util.Locale;

/**
 * A permission carried in a token's {@code grants} claim: {@code publish} and {@code view} media;
 * {@code interactive-server} (alias {@code interactive}) marks the streamer's backend ("interactive server") whose data events are
 * official; {@code moderate} runs a stage (invite, mute, move back, kick); {@code admin} uses the
 * HTTP API (any stream).
 */
public enum Grant {
  PUBLISH,
  VIEW,
  /** The streamer's backend: official events, session control and polls (docs/interactive.md). */
  INTERACTIVE_SERVER,
  MODERATE,
  ADMIN;

  /** The claim value, lower case ({@code interactive-server} for the backend grant). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a claim value; null when it is not a known grant. */
  public static Grant parse(String wire) {
    for (Grant grant : values()) {
      if (grant.wire().equals(wire)) {
        return grant;
      }
    }
    if ("interactive".equals(wire)) {
      // Accepted alias of interactive-server.
      return INTERACTIVE_SERVER;
    }
    return null;
  }
}
