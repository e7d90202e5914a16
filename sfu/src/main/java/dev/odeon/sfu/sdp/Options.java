package dev.odeon.sfu.sdp;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the caller lets {@link Negotiation} accept, on top of what the SFU supports.
 *
 * @param codecs codec names allowed, case-insensitive ({@code opus}, {@code VP8}, {@code H264});
 *     default all three. The offer's order of preference is kept whatever this set's order.
 * @param transportCc whether to accept {@code a=rtcp-fb:* transport-cc} and the transport-wide-cc
 *     header extension (draft-holmer-rmcat-transport-wide-cc-extensions-01); default false
 * @param extensionUris header extension URIs allowed (RFC 8285); default
 *     {@link #SUPPORTED_EXTENSIONS}. Only URIs also in {@link #SUPPORTED_EXTENSIONS} are ever accepted.
 * @param dataChannels whether to accept an {@code m=application ... UDP/DTLS/SCTP webrtc-datachannel}
 *     section (RFC 8841); default false, and such sections are then rejected with port 0
 * @param rtx whether to accept {@code rtx} (RFC 4588) formats whose {@code apt} names an accepted
 *     video codec, so the peer resends and pads on its RTX stream; default false
 */
public record Options(Set<String> codecs, boolean transportCc, Set<String> extensionUris,
    boolean dataChannels, boolean rtx) {
  /** The SCTP port we answer with ({@code a=sctp-port}, RFC 8841 §5). */
  public static final int SCTP_PORT = 5000;
  /** The largest data channel message we accept ({@code a=max-message-size}, RFC 8841 §6). */
  public static final int MAX_MESSAGE_SIZE = 262_144;
  public static final String EXT_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
  public static final String EXT_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
  public static final String EXT_ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  public static final String EXT_TRANSPORT_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
  public static final Set<String> SUPPORTED_EXTENSIONS =
      Set.of(EXT_MID, EXT_AUDIO_LEVEL, EXT_ABS_SEND_TIME, EXT_TRANSPORT_CC);
  public static final Set<String> SUPPORTED_CODECS = Set.of("OPUS", "VP8", "H264");

  public Options {
    codecs = codecs.stream()
        .map(c -> c.toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    extensionUris = Set.copyOf(extensionUris);
  }

  /** Options without data channels. */
  public Options(Set<String> codecs, boolean transportCc, Set<String> extensionUris) {
    this(codecs, transportCc, extensionUris, false, false);
  }

  /** Options without RTX. */
  public Options(Set<String> codecs, boolean transportCc, Set<String> extensionUris, boolean dataChannels) {
    this(codecs, transportCc, extensionUris, dataChannels, false);
  }

  /** All supported codecs and extensions, no transport-cc. */
  public static Options defaults() {
    return new Options(SUPPORTED_CODECS, false, SUPPORTED_EXTENSIONS);
  }

  public Options withCodecs(String... names) {
    return new Options(Set.of(names), transportCc, extensionUris, dataChannels, rtx);
  }

  public Options withTransportCc(boolean enabled) {
    return new Options(codecs, enabled, extensionUris, dataChannels, rtx);
  }

  public Options withExtensionUris(Set<String> uris) {
    return new Options(codecs, transportCc, uris, dataChannels, rtx);
  }

  /** Accepts (true) or rejects (false) a WebRTC data channel section. */
  public Options withDataChannels(boolean enabled) {
    return new Options(codecs, transportCc, extensionUris, enabled, rtx);
  }

  /** Accepts (true) or drops (false) RTX formats for the accepted video codecs. */
  public Options withRtx(boolean enabled) {
    return new Options(codecs, transportCc, extensionUris, dataChannels, enabled);
  }

  boolean allowsCodec(String name) {
    return codecs.contains(name.toUpperCase(Locale.ROOT));
  }

  boolean allowsExtension(String uri) {
    return SUPPORTED_EXTENSIONS.contains(uri) && extensionUris.contains(uri)
        && (transportCc || !uri.equals(EXT_TRANSPORT_CC));
  }
}
