package dev.odeon.sfu.router;

/** The two media kinds the router forwards. */
public enum MediaKind {
  AUDIO,
  VIDEO;

  public String wire() {
    return this == AUDIO ? "audio" : "video";
  }
}
