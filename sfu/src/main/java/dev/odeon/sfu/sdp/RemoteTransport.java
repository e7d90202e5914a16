package dev.odeon.sfu.sdp;

import java.util.Objects;

/**
 * The transport the remote side describes for its BUNDLE group: ICE credentials (RFC 8839 §5.4),
 * its certificate's SHA-256 fingerprint normalised to uppercase hex with ':' (RFC 8122 §5), and its
 * {@code a=setup} role (RFC 4145 §4, lowercased; {@code active} when absent).
 */
public record RemoteTransport(IceCredentials ice, String fingerprintSha256, String setup) {
  public RemoteTransport {
    Objects.requireNonNull(ice, "ice");
    Objects.requireNonNull(fingerprintSha256, "fingerprintSha256");
    Objects.requireNonNull(setup, "setup");
  }
}
