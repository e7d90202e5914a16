package dev.odeon.sfu.api;

/**
 * Names one source of a stream (one speaker or co-streamer). The default source has the empty
 * value and is written as {@code null} on the wire.
 */
public record SourceId(String value) {
  public static final SourceId DEFAULT = new SourceId("");

  public SourceId {
    if (value == null) {
      throw new IllegalArgumentException("null source id; use SourceId.DEFAULT");
    }
  }

  public static SourceId ofNullable(String wire) {
    return wire == null || wire.isEmpty() ? DEFAULT : new SourceId(wire);
  }

  public boolean isDefault() {
    return value.isEmpty();
  }

  /** The wire form: {@code null} for the default source. */
  public String wire() {
    return isDefault() ? null : value;
  }

  @Override
  public String toString() {
    return isDefault() ? "(default)" : value;
  }
}
