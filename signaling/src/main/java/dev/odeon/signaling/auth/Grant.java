package dev.odeon.signaling.auth;

import java.util.Locale;

/** A permission carried in a token's {@code grants} claim. */
public enum Grant {
  PUBLISH,
  VIEW,
  /** The streamer's backend: official events, session control and polls (docs/interactive.md). */
  INTERACTIVE_SERVER;

  /** The claim value, lower case ({@code interactive-server} for the backend grant). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a claim value; null when it is not a known grant. */
  public static Grant parse(String wire) {
    if ("publish".equals(wire)) {
      return PUBLISH;
    }
    if ("view".equals(wire)) {
      return VIEW;
    }
    if ("interactive-server".equals(wire)) {
      return INTERACTIVE_SERVER;
    }
    return null;
  }
}
