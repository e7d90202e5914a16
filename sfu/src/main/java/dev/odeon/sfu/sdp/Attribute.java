package dev.odeon.sfu.sdp;

import java.util.Objects;

/**
 * One {@code a=<name>[:<value>]} line (RFC 8866 §5.13). A property attribute such as
 * {@code a=rtcp-mux} has the empty string as its value.
 */
public record Attribute(String name, String value) {
  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
