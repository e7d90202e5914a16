package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the offered payload formats the SFU forwards, in the offer's order of preference (JSEP
 * RFC 8829 §5.3.1), from these lines of one m= section:
 *
 * <pre>
 *   a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]   RFC 8866 §6.6
 *   a=fmtp:&lt;payload type&gt; &lt;format specific parameters&gt;                RFC 8866 §6.15
 *   a=rtcp-fb:&lt;payload type or *&gt; &lt;type&gt; [&lt;subtype&gt;]                   RFC 4585 §4.2
 * </pre>
 *
 * <p>Audio: opus/48000/2 (RFC 7587 §7). Video: VP8/90000 (RFC 7741 §6) and H264/90000 with
 * packetization-mode=1 and a Baseline-family profile (RFC 6184 §8.1). With {@link Options#rtx()},
 * rtx/90000 (RFC 4588 §8.6) whose {@code apt} is one of those accepted video codecs, after them.
 * Everything else (red, ulpfec, flexfec, VP9, AV1, H265, G722, PCMU/PCMA, CN, telephone-event) is
 * dropped. Lines that do not parse are skipped.
 */
final class CodecNegotiator {
  private static final Set<String> FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "goog-remb");
  private static final String TRANSPORT_CC = "transport-cc";

  private record RtpMap(String name, int clockRate, int channels) {}

  private CodecNegotiator() {}

  static List<Codec> negotiate(MediaSection m, Options options) {
    Map<Integer, RtpMap> rtpmaps = new HashMap<>();
    for (String value : m.attributes("rtpmap")) {
      int space = value.indexOf(' ');
      int pt = space < 0 ? -1 : payloadType(value.substring(0, space));
      RtpMap map = pt < 0 ? null : rtpmap(value.substring(space + 1).trim());
      if (map != null) {
        rtpmaps.putIfAbsent(pt, map);
      }
    }
    Map<Integer, String> fmtps = new HashMap<>();
    for (String value : m.attributes("fmtp")) {
      int space = value.indexOf(' ');
      int pt = space < 0 ? -1 : payloadType(value.substring(0, space));
      if (pt >= 0) {
        fmtps.putIfAbsent(pt, value.substring(space + 1).trim());
      }
    }
    List<Codec> accepted = new ArrayList<>();
    Set<Integer> seen = new LinkedHashSet<>();
    for (String format : m.formats()) {
      int pt = payloadType(format);
      RtpMap map = pt < 0 ? null : rtpmaps.get(pt);
      if (map == null || !seen.add(pt)) {
        continue;
      }
      String fmtp = fmtps.getOrDefault(pt, "");
      if (options.allowsCodec(map.name()) && isSupported(m.kind(), map, fmtp)) {
        accepted.add(new Codec(pt, map.name(), map.clockRate(), map.channels(), fmtp,
            feedback(m, pt, options)));
      }
    }
    if (options.rtx() && m.kind() == MediaKind.VIDEO) {
      accepted.addAll(rtx(m, rtpmaps, fmtps, accepted));
    }
    return accepted;
  }

  /** The offered rtx formats whose apt is an accepted codec, one per accepted codec. */
  private static List<Codec> rtx(MediaSection m, Map<Integer, RtpMap> rtpmaps, Map<Integer, String> fmtps,
      List<Codec> media) {
    List<Codec> out = new ArrayList<>();
    Set<Integer> covered = new LinkedHashSet<>();
    for (String format : m.formats()) {
      int pt = payloadType(format);
      RtpMap map = pt < 0 ? null : rtpmaps.get(pt);
      if (map == null || !map.name().equalsIgnoreCase("rtx") || map.clockRate() != 90000) {
        continue;
      }
      String apt = Codec.parseFmtp(fmtps.getOrDefault(pt, "")).get("apt");
      int target = apt == null ? -1 : payloadType(apt);
      if (media.stream().anyMatch(c -> c.payloadType() == target) && covered.add(target)) {
        out.add(new Codec(pt, map.name(), 90000, 1, "apt=" + target, List.of()));
      }
    }
    return out;
  }

  private static boolean isSupported(MediaKind kind, RtpMap map, String fmtp) {
    String name = map.name().toUpperCase(Locale.ROOT);
    if (kind == MediaKind.AUDIO) {
      return name.equals("OPUS") && map.clockRate() == 48000 && map.channels() == 2;
    }
    if (kind != MediaKind.VIDEO || map.clockRate() != 90000) {
      return false;
    }
    if (name.equals("VP8")) {
      return true;
    }
    if (!name.equals("H264")) {
      return false;
    }
    Map<String, String> params = Codec.parseFmtp(fmtp);
    return "1".equals(params.get("packetization-mode"))
        && H264Profile.isBaselineFamily(
            params.getOrDefault("profile-level-id", H264Profile.DEFAULT_PROFILE_LEVEL_ID));
  }

  private static List<String> feedback(MediaSection m, int pt, Options options) {
    Set<String> kept = new LinkedHashSet<>();
    String own = pt + " ";
    for (String value : m.attributes("rtcp-fb")) {
      String type;
      if (value.startsWith(own)) {
        type = value.substring(own.length());
      } else if (value.startsWith("* ")) {
        type = value.substring(2);
      } else {
        continue;
      }
      type = String.join(" ", SdpParser.fields(type)).toLowerCase(Locale.ROOT);
      if (FEEDBACK.contains(type) || options.transportCc() && type.equals(TRANSPORT_CC)) {
        kept.add(type);
      }
    }
    return new ArrayList<>(kept);
  }

  private static RtpMap rtpmap(String encoding) {
    String[] parts = encoding.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !SdpParser.isToken(parts[0])
        || !SdpParser.isDigits(parts[1], 9)) {
      return null;
    }
    int channels = 1;
    if (parts.length == 3) {
      if (!SdpParser.isDigits(parts[2], 3)) {
        return null;
      }
      channels = Integer.parseInt(parts[2]);
    }
    return new RtpMap(parts[0], Integer.parseInt(parts[1]), channels);
  }

  /** A payload type 0-127, or -1. */
  static int payloadType(String s) {
    if (!SdpParser.isDigits(s, 3)) {
      return -1;
    }
    int pt = Integer.parseInt(s);
    return pt <= 127 ? pt : -1;
  }
}
