package dev.odeon.signaling.auth;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified token allows.
 *
 * @param identity the {@code sub} claim: who connects
 * @param stream the stream the token is bound to
 * @param role publisher or viewer
 * @param sourceId the source a publisher may publish, or null when the token names none
 * @param grants what the holder may do
 * @param expiresAt the {@code exp} claim
 * @param tokenId the {@code jti} claim, or null
 */
public record TokenClaims(
    String identity,
    String stream,
    Role role,
    String sourceId,
    Set<Grant> grants,
    Instant expiresAt,
    String tokenId) {
  public TokenClaims {
    grants = Set.copyOf(grants);
  }

  public boolean has(Grant grant) {
    return grants.contains(grant);
  }
}
