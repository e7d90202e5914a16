package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One m= section of a parsed SDP (RFC 8866 §5.14): the m= line's fields, its {@code c=} line (or
 * empty) and its attributes in the order they appeared. Immutable.
 *
 * @param media the {@code <media>} token as written ({@code audio}, {@code video}, ...)
 * @param port the port; 0 marks a rejected or bundle-only section (RFC 8843 §7.3)
 * @param proto the transport protocol, e.g. {@code UDP/TLS/RTP/SAVPF}
 * @param formats the {@code <fmt>} list (payload types for RTP), never empty
 * @param connection the value of the section's {@code c=} line, or the empty string
 * @param attributes the section's {@code a=} lines in order
 */
public record MediaSection(
    String media,
    int port,
    String proto,
    List<String> formats,
    String connection,
    List<Attribute> attributes) {

  public MediaSection {
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(proto, "proto");
    Objects.requireNonNull(connection, "connection");
    formats = List.copyOf(formats);
    attributes = List.copyOf(attributes);
  }

  public MediaKind kind() {
    return MediaKind.of(media);
  }

  /** The value of {@code a=mid} (RFC 5888 §4), or the empty string when there is none. */
  public String mid() {
    return attribute("mid").orElse("");
  }

  /** The value of the first attribute with this name. */
  public Optional<String> attribute(String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return Optional.of(a.value());
      }
    }
    return Optional.empty();
  }

  /** The values of all attributes with this name, in order. */
  public List<String> attributes(String name) {
    List<String> values = new ArrayList<>();
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        values.add(a.value());
      }
    }
    return values;
  }

  public boolean hasAttribute(String name) {
    return attribute(name).isPresent();
  }
}
