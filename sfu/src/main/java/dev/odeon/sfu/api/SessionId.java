package dev.odeon.sfu.api;

/** Identifies one media session (one browser peer connection) on this server. */
public record SessionId(String value) {
  public SessionId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty session id");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
