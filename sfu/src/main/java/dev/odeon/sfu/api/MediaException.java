package dev.odeon.sfu.api;

/**
 * A request the engine refuses, with a stable machine-readable {@code code} (for example
 * {@code bad_sdp}, {@code no_fingerprint}, {@code no_common_codec}, {@code source_in_use}) and a
 * message meant for the client.
 */
public final class MediaException extends RuntimeException {
  private final String code;

  public MediaException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
