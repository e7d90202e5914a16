package dev.odeon.sfu.api;

/** Why an input datagram or packet was dropped. Each reason is a metric label. */
public enum DropReason {
  UNKNOWN_PROTOCOL,
  UNKNOWN_ADDRESS,
  STUN_MALFORMED,
  STUN_UNKNOWN_UFRAG,
  STUN_BAD_INTEGRITY,
  STUN_BAD_FINGERPRINT,
  STUN_UNEXPECTED,
  DTLS_ERROR,
  SRTP_NOT_READY,
  SRTP_AUTH_FAILED,
  RTP_MALFORMED,
  RTCP_MALFORMED,
  UNKNOWN_SSRC,
  UNSUPPORTED_PAYLOAD,
  /** Not a drop: an audio packet was forwarded, but its RFC 6464 level was absent or malformed. */
  AUDIO_LEVEL_INVALID,
  /** A viewer NACKed a packet the server no longer has (too old, overwritten, or of an earlier source). */
  NACK_UNAVAILABLE,
  /** A viewer NACKed more than its retransmission budget allows; the request was ignored. */
  NACK_RATE_LIMITED,
  SEND_FAILED;

  /** The label used in metrics, lower case with underscores. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
