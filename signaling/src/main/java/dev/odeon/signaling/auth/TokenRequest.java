package dev.odeon.signaling.auth;

import java.time.Duration;
import java.util.Set;

/**
 * What to put in a new token.
 *
 * @param identity the {@code sub} claim
 * @param stream the stream the token is bound to
 * @param role publisher or viewer
 * @param sourceId the only source a publisher may publish, or null for any
 * @param grants what the holder may do
 * @param lifetime how long the token connects; null for the service's default
 */
public record TokenRequest(
    String identity, String stream, Role role, String sourceId, Set<Grant> grants, Duration lifetime) {
  public TokenRequest {
    grants = Set.copyOf(grants);
  }

  /**
   * The grants a role gets by default: publishers and speakers may also view their stream; hosts
   * also moderate it.
   */
  public static Set<Grant> defaultGrants(Role role) {
    return switch (role) {
      case PUBLISHER, SPEAKER -> Set.of(Grant.PUBLISH, Grant.VIEW);
      case HOST -> Set.of(Grant.PUBLISH, Grant.VIEW, Grant.MODERATE);
      case VIEWER -> Set.of(Grant.VIEW);
    };
  }
}
