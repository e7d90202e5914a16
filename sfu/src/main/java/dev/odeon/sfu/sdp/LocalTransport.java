package dev.odeon.sfu.sdp;

import java.util.List;
import java.util.Objects;

/**
 * What the answer says about our side of the one bundled transport: ICE-lite credentials
 * (RFC 8839 §5.4), our DTLS certificate's SHA-256 fingerprint (RFC 8122 §5; any case, stored
 * uppercase) and the host candidates, the first of which also gives the {@code c=} address and the
 * m= port. Configuration, so bad values throw {@link IllegalArgumentException}.
 */
public record LocalTransport(
    String iceUfrag, String icePwd, String fingerprintSha256, List<Candidate> candidates) {

  public LocalTransport {
    Objects.requireNonNull(iceUfrag, "iceUfrag");
    Objects.requireNonNull(icePwd, "icePwd");
    Objects.requireNonNull(fingerprintSha256, "fingerprintSha256");
    if (!IceCredentials.isValidUfrag(iceUfrag) || !IceCredentials.isValidPwd(icePwd)) {
      throw new IllegalArgumentException("ICE ufrag must be 4-256, pwd 22-256 ice-chars");
    }
    String normalised = Fingerprint.normalise(fingerprintSha256);
    if (normalised == null) {
      throw new IllegalArgumentException("fingerprint must be 32 hex pairs joined by ':'");
    }
    fingerprintSha256 = normalised;
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("at least one candidate");
    }
  }
}
