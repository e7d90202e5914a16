package dev.odeon.signaling.auth;

import java.util.Locale;

/** A permission carried in a token's {@code grants} claim. */
public enum Grant {
  PUBLISH,
  VIEW;

  /** The claim value, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a claim value; null when it is not a known grant. */
  public static Grant parse(String wire) {
    if ("publish".equals(wire)) {
      return PUBLISH;
    }
    if ("view".equals(wire)) {
      return VIEW;
    }
    return null;
  }
}
