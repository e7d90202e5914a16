package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The line syntax of SDP (RFC 8866 §5), the part that knows nothing about WebRTC.
 *
 * <pre>
 *   v=0
 *   o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;
 *   s=&lt;session name&gt;
 *   t=&lt;start-time&gt; &lt;stop-time&gt;
 *   a=&lt;attribute-name&gt;[:&lt;attribute-value&gt;]            (session level, until the first m=)
 *   m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...
 *   c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;
 *   a=&lt;attribute-name&gt;[:&lt;attribute-value&gt;]            (media level, until the next m=)
 * </pre>
 *
 * <p>Lines end in CRLF or LF; blank lines are skipped. Each line is one lowercase letter, '=', and a
 * value without control characters. The text must start with {@code v=0} and hold at least one m=
 * line. Types this class does not need (o, s, t, b, ...) are checked for shape and skipped.
 */
final class SdpParser {
  /** Offers past 64 KiB are refused before any parsing (Chrome's offers are 5-10 KiB). */
  static final int MAX_BYTES = 64 * 1024;
  /** More m= sections than any session of ours needs; bounds the work per offer. */
  static final int MAX_MEDIA_SECTIONS = 64;

  /** RFC 8866 §9 token-char: visible ASCII except the separators. */
  private static final boolean[] TOKEN_CHAR = new boolean[128];

  static {
    for (char c = 0x21; c < 0x7f; c++) {
      TOKEN_CHAR[c] = "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
  }

  final List<Attribute> sessionAttributes = new ArrayList<>();
  final List<MediaSection> media = new ArrayList<>();

  private String mediaLine;
  private String connection = "";
  private List<Attribute> mediaAttributes;

  private SdpParser() {}

  static SdpParser parse(String sdp) {
    if (sdp == null || sdp.isEmpty()) {
      throw SdpException.bad("empty SDP");
    }
    if (sdp.length() > MAX_BYTES
        || sdp.length() > MAX_BYTES / 3 && utf8Length(sdp) > MAX_BYTES) {
      throw SdpException.bad("SDP larger than " + MAX_BYTES + " bytes");
    }
    SdpParser parser = new SdpParser();
    int pos = 0;
    int lineNumber = 0;
    boolean first = true;
    while (pos < sdp.length()) {
      int newline = sdp.indexOf('\n', pos);
      int end = newline < 0 ? sdp.length() : newline;
      int next = newline < 0 ? sdp.length() : newline + 1;
      if (end > pos && sdp.charAt(end - 1) == '\r') {
        end--;
      }
      lineNumber++;
      String line = sdp.substring(pos, end);
      pos = next;
      if (line.isEmpty()) {
        continue;
      }
      parser.line(line, lineNumber, first);
      first = false;
    }
    parser.closeMedia();
    if (parser.media.isEmpty()) {
      throw SdpException.bad("SDP has no m= line");
    }
    return parser;
  }

  private void line(String line, int number, boolean first) {
    if (line.length() < 2 || line.charAt(1) != '=') {
      throw SdpException.bad("line " + number + " is not <type>=<value>");
    }
    char type = line.charAt(0);
    if (type < 'a' || type > 'z') {
      throw SdpException.bad("line " + number + " has an invalid type");
    }
    for (int i = 2; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw SdpException.bad("line " + number + " holds a control character");
      }
    }
    String value = line.substring(2);
    if (first && (type != 'v' || !value.equals("0"))) {
      throw SdpException.bad("SDP must start with v=0");
    }
    switch (type) {
      case 'm' -> {
        closeMedia();
        if (media.size() >= MAX_MEDIA_SECTIONS) {
          throw SdpException.bad("more than " + MAX_MEDIA_SECTIONS + " m= sections");
        }
        mediaLine = value;
        connection = "";
        mediaAttributes = new ArrayList<>();
        checkMediaLine(value, number);
      }
      case 'a' -> {
        Attribute attribute = attribute(value, number);
        (mediaAttributes == null ? sessionAttributes : mediaAttributes).add(attribute);
      }
      case 'c' -> {
        if (mediaAttributes != null) {
          connection = value;
        }
      }
      default -> {
        // o=, s=, t=, b= and the rest carry nothing the SFU negotiates.
      }
    }
  }

  private static Attribute attribute(String value, int number) {
    int colon = value.indexOf(':');
    String name = colon < 0 ? value : value.substring(0, colon);
    if (name.isEmpty() || !isToken(name)) {
      throw SdpException.bad("line " + number + " has an invalid attribute name");
    }
    return new Attribute(name, colon < 0 ? "" : value.substring(colon + 1));
  }

  private void checkMediaLine(String value, int number) {
    String[] fields = fields(value);
    if (fields.length < 4 || fields[0].isEmpty() || !isToken(fields[0])) {
      throw SdpException.bad("line " + number + " is not m=<media> <port> <proto> <fmt> ...");
    }
    parsePort(fields[1], number);
  }

  private void closeMedia() {
    if (mediaLine == null) {
      return;
    }
    String[] fields = fields(mediaLine);
    List<String> formats = List.of(fields).subList(3, fields.length);
    media.add(new MediaSection(fields[0].toLowerCase(Locale.ROOT), parsePort(fields[1], 0),
        fields[2], formats, connection, mediaAttributes));
    mediaLine = null;
  }

  private static int parsePort(String field, int number) {
    int slash = field.indexOf('/');
    String port = slash < 0 ? field : field.substring(0, slash);
    if (slash >= 0 && !isDigits(field.substring(slash + 1), 5)) {
      throw SdpException.bad("line " + number + " has an invalid port count");
    }
    if (!isDigits(port, 5) || Integer.parseInt(port) > 65535) {
      throw SdpException.bad("line " + number + " has an invalid port");
    }
    return Integer.parseInt(port);
  }

  /** The space-separated fields of a value, leading and trailing blanks ignored; never empty. */
  static String[] fields(String value) {
    List<String> fields = new ArrayList<>(4);
    String s = value.trim();
    int start = 0;
    while (start <= s.length()) {
      int space = s.indexOf(' ', start);
      int end = space < 0 ? s.length() : space;
      fields.add(s.substring(start, end));
      start = end + 1;
      while (space >= 0 && start < s.length() && s.charAt(start) == ' ') {
        start++;
      }
    }
    return fields.toArray(new String[0]);
  }

  /** True for 1..maxDigits ASCII digits, so that {@code Integer.parseInt} cannot fail. */
  static boolean isDigits(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** RFC 8866 §9 token (an empty string passes; callers check emptiness). */
  static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || !TOKEN_CHAR[c]) {
        return false;
      }
    }
    return true;
  }

  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }
}
