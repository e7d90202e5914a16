package dev.odeon.sfu.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: the Chrome offers (sent with CRLF, as on the wire) and our local transport. */
final class Offers {
  static final String LOCAL_FINGERPRINT =
      "0a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:0a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9";
  static final LocalTransport LOCAL = new LocalTransport("srvU", "serverPassword0123456789",
      LOCAL_FINGERPRINT, List.of(new Candidate("127.0.0.1", 10000)));

  private Offers() {}

  static String publish() {
    return resource("chrome-publish-offer.sdp");
  }

  static String view() {
    return resource("chrome-view-offer.sdp");
  }

  static String resource(String name) {
    try (InputStream in = Offers.class.getResourceAsStream("/sdp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("\r\n", "\n").replace("\n", "\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer's lines, which must all end in CRLF. */
  static List<String> lines(String sdp) {
    if (!sdp.endsWith("\r\n") || sdp.replace("\r\n", "").contains("\n")) {
      throw new AssertionError("SDP lines must end in CRLF");
    }
    return List.of(sdp.split("\r\n"));
  }

  /** The lines of the i-th m= section, m= line first. */
  static List<String> section(String sdp, int index) {
    List<String> out = new ArrayList<>();
    int seen = -1;
    for (String line : lines(sdp)) {
      if (line.startsWith("m=")) {
        seen++;
      }
      if (seen == index) {
        out.add(line);
      }
    }
    return out;
  }

  /** The session-level lines. */
  static List<String> session(String sdp) {
    List<String> out = new ArrayList<>();
    for (String line : lines(sdp)) {
      if (line.startsWith("m=")) {
        break;
      }
      out.add(line);
    }
    return out;
  }

  /** Replaces every line that starts with {@code prefix}, or removes it when replacement is null. */
  static String edit(String sdp, String prefix, String replacement) {
    StringBuilder out = new StringBuilder();
    for (String line : sdp.split("\r\n")) {
      if (line.startsWith(prefix)) {
        if (replacement != null) {
          out.append(replacement).append("\r\n");
        }
      } else {
        out.append(line).append("\r\n");
      }
    }
    return out.toString();
  }
}
