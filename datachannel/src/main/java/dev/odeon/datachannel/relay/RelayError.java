package dev.odeon.datachannel.relay;

/** The codes of the relay's {@code error} events (docs/interactive.md lists them with examples). */
public enum RelayError {
  EVENT_TOO_LARGE("event_too_large"),
  TOO_DEEP("too_deep"),
  DUPLICATE_KEY("duplicate_key"),
  BAD_JSON("bad_json"),
  BAD_REQUEST("bad_request"),
  RATE_LIMITED("rate_limited"),
  NOT_ALLOWED("not_allowed"),
  SESSION_NOT_ACTIVE("session_not_active"),
  UNKNOWN_POLL("unknown_poll"),
  ALREADY_VOTED("already_voted"),
  BAD_VOTE("bad_vote");

  private final String code;

  RelayError(String code) {
    this.code = code;
  }

  /** The wire code. */
  public String code() {
    return code;
  }
}
