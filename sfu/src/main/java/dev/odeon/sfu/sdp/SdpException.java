package dev.odeon.sfu.sdp;

/**
 * The remote SDP was refused, with a stable machine-readable {@link #code()}: {@code bad_sdp}
 * (unparseable, too large, wrong structure, missing or malformed ICE credentials, unsupported DTLS
 * role, no BUNDLE), {@code no_fingerprint} (no SHA-256 certificate fingerprint, RFC 8122 §5) or
 * {@code no_common_codec} (no media section could be accepted). Messages never echo the offer's text.
 */
public final class SdpException extends RuntimeException {
  public static final String BAD_SDP = "bad_sdp";
  public static final String NO_FINGERPRINT = "no_fingerprint";
  public static final String NO_COMMON_CODEC = "no_common_codec";

  private final String code;

  public SdpException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** One of {@link #BAD_SDP}, {@link #NO_FINGERPRINT}, {@link #NO_COMMON_CODEC}. */
  public String code() {
    return code;
  }

  static SdpException bad(String message) {
    return new SdpException(BAD_SDP, message);
  }
}
