package dev.odeon.signaling.room;

/**
 * A stage command was refused; {@link #code()} is the client-facing error code (docs/protocol.md).
 */
public final class StageError extends Exception {
  private final String code;

  public StageError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
