package dev.odeon.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Browser end-to-end test: starts the shaded server the way {@code ./odeon run} does (ephemeral HTTP
 * and media ports), then runs {@code web-client/e2e/media.mjs}, which drives headless Chromium
 * through publish, watch, stop/resume, a datagram flood and H.264 (see that script), and asserts
 * that every check passed. Needs /usr/bin/chromium and the npm packages that {@code ./odeon test}
 * installs; it fails (never skips) without them.
 *
 * <p>For developing the harness only, the environment variable {@code ODEON_E2E_SERVER_CMD}
 * replaces the server command (e.g. {@code node web-client/e2e/mock/mock-server.mjs}).
 */
class MediaEndToEndIT {
  private static final Pattern HTTP_READY = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Pattern UDP_READY = Pattern.compile("udp 127\\.0\\.0\\.1:(\\d+)");
  private static final String PREREQS = "; run ./odeon test, which installs the end-to-end prerequisites";

  @Test
  void browsersPublishAndWatchThroughTheServer() throws Exception {
    Path root = ExternalProcess.repoRoot();
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is missing" + PREREQS);
    assertTrue(Files.isDirectory(root.resolve("web-client/e2e/node_modules/playwright-core")),
        "web-client/e2e/node_modules is missing" + PREREQS);

    try (ExternalProcess server = ExternalProcess.start(root, "server", serverCommand(root))) {
      // The two ports may be printed on one line or on two; wait until both have been seen.
      String httpLine = server.awaitLine(l -> HTTP_READY.matcher(l).find(), 60, TimeUnit.SECONDS);
      String udpLine = httpLine == null ? null : server.awaitLine(l -> UDP_READY.matcher(l).find(), 5, TimeUnit.SECONDS);
      assertNotNull(udpLine, () -> "server exited or did not print 'Odeon ready: open http://127.0.0.1:<port>/' and "
          + "'udp 127.0.0.1:<port>' within 60 s; its output:\n" + server.output());
      int httpPort = port(HTTP_READY, httpLine);
      int mediaPort = port(UDP_READY, udpLine);

      List<String> node = List.of("node", "web-client/e2e/media.mjs", "http://127.0.0.1:" + httpPort, String.valueOf(mediaPort));
      try (ExternalProcess e2e = ExternalProcess.start(root, "e2e", node)) {
        Integer exit = e2e.awaitExit(4, TimeUnit.MINUTES);
        assertNotNull(exit, () -> "media.mjs did not finish within 4 minutes; its output:\n" + e2e.output());
        String last = e2e.lastLine();
        assertTrue(last.startsWith("{\"ok\":true"), () -> "media.mjs reported failures: " + last
            + "\n--- e2e output ---\n" + e2e.output() + "\n--- server output ---\n" + server.output());
        assertEquals(0, exit, "media.mjs exit code");
      }
    }
  }

  private static List<String> serverCommand(Path root) {
    String override = System.getenv("ODEON_E2E_SERVER_CMD");
    if (override != null && !override.isBlank()) {
      return Arrays.asList(override.trim().split("\\s+"));
    }
    Path jar = root.resolve("signaling/target/odeon-server.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing; it is built by the package phase (mvn verify)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--http-port", "0", "--media-port", "0"));
  }

  private static int port(Pattern p, String line) {
    Matcher m = p.matcher(line);
    assertTrue(m.find(), line);
    return Integer.parseInt(m.group(1));
  }
}
