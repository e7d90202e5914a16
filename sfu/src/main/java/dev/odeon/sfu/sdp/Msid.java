package dev.odeon.sfu.sdp;

import java.util.Objects;

/**
 * A media stream identification (RFC 8830 §2): the stream id ({@code -} for none) and the track id
 * (the empty string when the remote side gave none).
 */
public record Msid(String streamId, String trackId) {
  public Msid {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(trackId, "trackId");
  }
}
