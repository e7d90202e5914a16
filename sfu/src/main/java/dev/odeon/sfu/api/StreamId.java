package dev.odeon.sfu.api;

/** Names a stream: what a host publishes into and viewers watch. */
public record StreamId(String value) {
  public StreamId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty stream id");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
