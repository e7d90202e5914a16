package dev.odeon.signaling.auth;

import java.util.Locale;

/**
 * What a token holder is in its stream. {@code publisher} publishes without a stage; on a stage
 * the {@code host} runs it, a {@code speaker} publishes when invited, and a {@code viewer}
 * watches (and may raise a hand).
 */
public enum Role {
  PUBLISHER,
  VIEWER,
  HOST,
  SPEAKER;

  /** The claim value, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the roles that may hold the publish grant. */
  public boolean mayPublish() {
    return this != VIEWER;
  }

  /** Parses a claim or query value; null when it is not a known role. */
  public static Role parse(String wire) {
    for (Role role : values()) {
      if (role.wire().equals(wire)) {
        return role;
      }
    }
    return null;
  }
}
