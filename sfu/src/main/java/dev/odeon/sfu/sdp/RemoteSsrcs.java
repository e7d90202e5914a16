package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The SSRCs a remote m= section announces (RFC 5576), and its msid (RFC 8830):
 *
 * <pre>
 *   a=ssrc:&lt;ssrc-id&gt; &lt;attribute&gt;[:&lt;value&gt;]       e.g. a=ssrc:1001 cname:x, a=ssrc:1001 msid:s t
 *   a=ssrc-group:&lt;semantics&gt; &lt;ssrc-id&gt; ...        e.g. a=ssrc-group:FID 1001 1002 (RTX, RFC 4588)
 *   a=msid:&lt;stream id&gt; [&lt;track id&gt;]
 * </pre>
 *
 * <p>The primary SSRC is the first of the first FID group, else the first announced; the RTX SSRC is
 * the second of that FID group. Malformed lines are skipped, never thrown.
 *
 * @param primary the primary SSRC, if any
 * @param rtx the RTX SSRC paired with it by {@code a=ssrc-group:FID}, if any (RTX is not negotiated,
 *     only recorded)
 * @param all every SSRC announced, in order of first appearance
 * @param cname the primary SSRC's {@code cname}, or the empty string
 */
public record RemoteSsrcs(OptionalLong primary, OptionalLong rtx, List<Long> all, String cname) {
  /** Chrome's older stream ids are "{uuid}", which RFC 8830's token excludes. */
  private static final Pattern BRACED_ID = Pattern.compile("\\{[0-9a-fA-F-]{1,62}}");

  public RemoteSsrcs {
    all = List.copyOf(all);
  }

  static RemoteSsrcs from(MediaSection m) {
    Map<Long, Map<String, String>> ssrcs = new LinkedHashMap<>();
    for (String value : m.attributes("ssrc")) {
      int space = value.indexOf(' ');
      long ssrc = parseSsrc(space < 0 ? value : value.substring(0, space));
      if (ssrc < 0) {
        continue;
      }
      Map<String, String> attrs = ssrcs.computeIfAbsent(ssrc, k -> new LinkedHashMap<>());
      if (space >= 0) {
        String attr = value.substring(space + 1);
        int colon = attr.indexOf(':');
        attrs.putIfAbsent(colon < 0 ? attr : attr.substring(0, colon),
            colon < 0 ? "" : attr.substring(colon + 1));
      }
    }
    long primary = -1;
    long rtx = -1;
    for (String value : m.attributes("ssrc-group")) {
      String[] fields = SdpParser.fields(value);
      if (fields[0].equals("FID") && fields.length == 3) {
        primary = parseSsrc(fields[1]);
        rtx = parseSsrc(fields[2]);
        if (primary >= 0 && rtx >= 0) {
          break;
        }
        primary = rtx = -1;
      }
    }
    if (primary < 0 && !ssrcs.isEmpty()) {
      primary = ssrcs.keySet().iterator().next();
    }
    Map<String, String> primaryAttrs = ssrcs.getOrDefault(primary, Map.of());
    return new RemoteSsrcs(
        primary < 0 ? OptionalLong.empty() : OptionalLong.of(primary),
        rtx < 0 ? OptionalLong.empty() : OptionalLong.of(rtx),
        new ArrayList<>(ssrcs.keySet()),
        primaryAttrs.getOrDefault("cname", ""));
  }

  /** From {@code a=msid}, else from the primary SSRC's {@code msid} attribute. */
  static Optional<Msid> msid(MediaSection m, RemoteSsrcs ssrcs) {
    Optional<Msid> own = m.attribute("msid").flatMap(RemoteSsrcs::parseMsid);
    if (own.isPresent() || ssrcs.primary().isEmpty()) {
      return own;
    }
    String prefix = ssrcs.primary().getAsLong() + " msid:";
    for (String value : m.attributes("ssrc")) {
      if (value.startsWith(prefix)) {
        return parseMsid(value.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Msid> parseMsid(String value) {
    String[] fields = SdpParser.fields(value);
    if (fields.length > 2 || fields[0].isEmpty()) {
      return Optional.empty();
    }
    for (String f : fields) {
      if (f.length() > 64 || !SdpParser.isToken(f) && !BRACED_ID.matcher(f).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Msid(fields[0], fields.length == 2 ? fields[1] : ""));
  }

  /** An unsigned 32-bit SSRC, or -1. */
  private static long parseSsrc(String s) {
    if (!SdpParser.isDigits(s, 10)) {
      return -1;
    }
    long v = Long.parseLong(s);
    return v > 0xFFFF_FFFFL ? -1 : v;
  }
}
