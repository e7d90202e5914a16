package dev.odeon.signaling.auth;

/**
 * A token was refused. {@link #code()} is a stable machine-readable reason sent to clients (for
 * example {@code token_expired}); the message says what was wrong without echoing the token.
 */
public final class TokenException extends Exception {
  private final String code;

  public TokenException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
