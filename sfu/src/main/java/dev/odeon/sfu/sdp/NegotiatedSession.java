package dev.odeon.sfu.sdp;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Negotiation}: the answer to send back, the remote transport parameters the
 * ICE-lite agent and DTLS endpoint need, and per-section outcomes in offer order.
 *
 * @param answerSdp the answer, CRLF line endings
 * @param remoteIce the offer's ICE ufrag and pwd (checked against STUN USERNAME, RFC 8445 §7.3)
 * @param remoteFingerprintSha256 the offer's certificate fingerprint, uppercase hex with ':', to
 *     check the DTLS client certificate against (RFC 8122 §5)
 * @param remoteSetup the offer's {@code a=setup}: {@code actpass} or {@code active}; we are passive
 *     (the DTLS server) either way
 * @param media one entry per m= section of the offer, accepted or not
 * @param bundleMids the mids of the answer's BUNDLE group, first one tagged (RFC 9143 §7.3)
 */
public record NegotiatedSession(
    String answerSdp,
    IceCredentials remoteIce,
    String remoteFingerprintSha256,
    String remoteSetup,
    List<NegotiatedMedia> media,
    List<String> bundleMids) {

  public NegotiatedSession {
    Objects.requireNonNull(answerSdp, "answerSdp");
    Objects.requireNonNull(remoteIce, "remoteIce");
    Objects.requireNonNull(remoteFingerprintSha256, "remoteFingerprintSha256");
    Objects.requireNonNull(remoteSetup, "remoteSetup");
    media = List.copyOf(media);
    bundleMids = List.copyOf(bundleMids);
  }

  /** True when the answer accepted a data channel (application) section. */
  public boolean acceptedDataChannel() {
    return media.stream().anyMatch(m -> m.accepted() && m.kind() == MediaKind.APPLICATION);
  }

  /** The accepted sections only, in offer order. */
  public List<NegotiatedMedia> acceptedMedia() {
    return media.stream().filter(NegotiatedMedia::accepted).toList();
  }
}
