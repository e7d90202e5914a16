package dev.odeon.signaling.auth;

import java.util.Objects;

/**
 * What verified claims allow on a given stream: the checks behind "a publish token for stream A
 * cannot publish to B or under another sourceId; a view token cannot publish". Each refusal is a
 * {@link TokenException} with a stable code. Pure; any thread.
 */
public final class StreamAccess {
  private StreamAccess() {}

  /** {@code claims} may publish {@code sourceId} (null: the default source) into {@code stream}. */
  public static void checkPublish(TokenClaims claims, String stream, String sourceId) throws TokenException {
    checkStream(claims, stream);
    if (!claims.role().mayPublish() || !claims.has(Grant.PUBLISH)) {
      throw new TokenException("token_no_publish_grant", "this token may not publish");
    }
    if (claims.sourceId() != null && !Objects.equals(claims.sourceId(), sourceId)) {
      throw new TokenException("token_wrong_source", "this token may only publish source " + claims.sourceId());
    }
  }

  /** {@code claims} may view {@code stream}. */
  public static void checkView(TokenClaims claims, String stream) throws TokenException {
    checkStream(claims, stream);
    if (!claims.has(Grant.VIEW)) {
      throw new TokenException("token_no_view_grant", "this token may not view");
    }
  }

  /** {@code claims} may moderate (run the stage of) {@code stream}. */
  public static void checkModerate(TokenClaims claims, String stream) throws TokenException {
    checkStream(claims, stream);
    if (!claims.has(Grant.MODERATE)) {
      throw new TokenException("token_no_moderate_grant", "this token may not moderate the stage");
    }
  }

  private static void checkStream(TokenClaims claims, String stream) throws TokenException {
    if (!claims.stream().equals(stream)) {
      throw new TokenException("token_wrong_stream", "this token is bound to another stream");
    }
  }
}
