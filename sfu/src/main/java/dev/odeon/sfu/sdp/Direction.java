package dev.odeon.sfu.sdp;

import java.util.List;

/** Media direction attributes (RFC 8866 §6.7, RFC 3264 §6.1), as seen by the SDP's author. */
public enum Direction {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String sdpName;

  Direction(String sdpName) {
    this.sdpName = sdpName;
  }

  /** The attribute name, e.g. {@code recvonly}. */
  public String sdpName() {
    return sdpName;
  }

  /**
   * The direction of a media section: its own attribute, else the session-level one, else
   * {@code sendrecv} (RFC 8866 §6.7).
   */
  static Direction of(MediaSection media, List<Attribute> sessionAttributes) {
    Direction own = find(media.attributes());
    if (own != null) {
      return own;
    }
    Direction session = find(sessionAttributes);
    return session != null ? session : SENDRECV;
  }

  private static Direction find(List<Attribute> attributes) {
    for (Attribute a : attributes) {
      for (Direction d : values()) {
        if (d.sdpName.equals(a.name())) {
          return d;
        }
      }
    }
    return null;
  }
}
