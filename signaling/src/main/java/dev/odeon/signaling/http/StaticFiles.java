package dev.odeon.signaling.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the web client's files from the classpath under a root prefix ({@code web/} in the
 * shaded jar, where the web-client module packs {@code src/main/web/**}).
 *
 * <p>Only paths made of plain segments ({@code [A-Za-z0-9_-]} plus inner dots, no segment starting
 * with a dot) and ending in a known extension are looked up, so {@code ..}, encoded or not,
 * backslashes, NUL and directory listings can never reach the class loader. Stateless; any thread.
 */
public final class StaticFiles {
  /** A file of the web client and its Content-Type. */
  public record Resource(byte[] body, String contentType) {}

  private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
  private static final Pattern SAFE_PATH =
      Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json; charset=utf-8",
          "ico", "image/x-icon",
          "map", "application/json; charset=utf-8",
          "txt", "text/plain; charset=utf-8");
  private static final Map<String, String> PAGES =
      Map.of("/", "index.html", "/publish", "publish.html", "/watch", "watch.html", "/host", "host.html");

  private final ClassLoader loader;
  private final String root;

  /** @param root classpath prefix ending in {@code /}, e.g. {@code web/} */
  public StaticFiles(ClassLoader loader, String root) {
    if (!root.endsWith("/")) {
      throw new IllegalArgumentException("static root must end with /: " + root);
    }
    this.loader = loader;
    this.root = root;
  }

  /** True when a raw (still percent-encoded) request path may name a static file at all. */
  public static boolean isSafe(String decodedPath) {
    return decodedPath.startsWith("/")
        && SAFE_PATH.matcher(decodedPath.substring(1)).matches()
        && !decodedPath.contains("..");
  }

  /**
   * The file for a decoded request path ({@code /}, {@code /publish}, {@code /watch} map to their
   * pages), or null when there is none or the path is not safe.
   */
  public Resource find(String decodedPath) {
    String relative = PAGES.get(decodedPath);
    if (relative == null) {
      if (!isSafe(decodedPath)) {
        return null;
      }
      relative = decodedPath.substring(1);
    }
    int dot = relative.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(relative.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return null;
    }
    try (InputStream in = loader.getResourceAsStream(root + relative)) {
      if (in == null) {
        return null;
      }
      byte[] body = in.readNBytes(MAX_FILE_BYTES + 1);
      return body.length > MAX_FILE_BYTES ? null : new Resource(body, type);
    } catch (IOException e) {
      return null;
    }
  }
}
