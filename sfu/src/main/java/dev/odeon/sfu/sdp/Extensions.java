package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the offered RTP header extensions the SFU uses, keeping the offer's ids (RFC 8285 §6):
 *
 * <pre>
 *   a=extmap:&lt;id&gt;[/&lt;direction&gt;] &lt;URI&gt; [&lt;extension attributes&gt;]
 *   id: 1-14 for one-byte headers, up to 255 with two-byte headers
 * </pre>
 *
 * <p>Media-level lines come first, then session-level ones. The first id offered for a URI wins; an
 * id already taken by an accepted URI is not reused. Malformed lines are skipped.
 */
final class Extensions {
  private Extensions() {}

  static Map<String, Integer> negotiate(
      MediaSection m, List<Attribute> sessionAttributes, Options options) {
    List<String> lines = new ArrayList<>(m.attributes("extmap"));
    for (Attribute a : sessionAttributes) {
      if (a.name().equals("extmap")) {
        lines.add(a.value());
      }
    }
    Map<String, Integer> accepted = new LinkedHashMap<>();
    Set<Integer> ids = new HashSet<>();
    for (String value : lines) {
      String[] fields = SdpParser.fields(value);
      if (fields.length < 2) {
        continue;
      }
      int slash = fields[0].indexOf('/');
      String idText = slash < 0 ? fields[0] : fields[0].substring(0, slash);
      if (!SdpParser.isDigits(idText, 3)) {
        continue;
      }
      int id = Integer.parseInt(idText);
      String uri = fields[1];
      if (id >= 1 && id <= 255 && options.allowsExtension(uri)
          && !accepted.containsKey(uri) && ids.add(id)) {
        accepted.put(uri, id);
      }
    }
    return accepted;
  }
}
