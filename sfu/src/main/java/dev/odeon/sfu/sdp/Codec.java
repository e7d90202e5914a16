package dev.odeon.sfu.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An accepted RTP payload format: {@code a=rtpmap} (RFC 8866 §6.6), its {@code a=fmtp} parameters as
 * offered, and the {@code a=rtcp-fb} types (RFC 4585 §4.2) kept for it.
 *
 * @param payloadType 0-127, the offer's dynamic payload type (the answer echoes it)
 * @param name the encoding name as offered ({@code opus}, {@code VP8}, {@code H264})
 * @param clockRate RTP clock rate in Hz
 * @param channels audio channels (1 when the rtpmap has none)
 * @param fmtp the fmtp parameter string as offered, or the empty string
 * @param rtcpFb feedback types kept, e.g. {@code nack}, {@code nack pli}, {@code goog-remb}
 */
public record Codec(
    int payloadType, String name, int clockRate, int channels, String fmtp, List<String> rtcpFb) {

  public Codec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fmtp, "fmtp");
    rtcpFb = List.copyOf(rtcpFb);
  }

  /** The fmtp parameters ({@code key=value;key=value}), keys lowercased, in order. */
  public Map<String, String> fmtpParameters() {
    return parseFmtp(fmtp);
  }

  static Map<String, String> parseFmtp(String fmtp) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String part : fmtp.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      params.putIfAbsent(key, eq < 0 ? "" : p.substring(eq + 1).trim());
    }
    return Collections.unmodifiableMap(params);
  }
}
