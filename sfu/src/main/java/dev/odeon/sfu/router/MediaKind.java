package dev.odeon.sfu.router;

/** The two media kinds the router forwards. */
public enum MediaKind {
  AUDIO,
  VIDEO;

  /** The kind named {@code audio} or {@code video}; null for anything else. */
  public static MediaKind parse(String wire) {
    if ("audio".equals(wire)) {
      return AUDIO;
    }
    return "video".equals(wire) ? VIDEO : null;
  }

  public String wire() {
    return this == AUDIO ? "audio" : "video";
  }
}
