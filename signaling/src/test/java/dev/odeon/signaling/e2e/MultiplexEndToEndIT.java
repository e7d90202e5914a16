package dev.odeon.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Browser end-to-end test of multisource viewing: starts the shaded server on ephemeral ports, then
 * runs {@code web-client/e2e/multiplex.mjs}: a silent host and three publishers whose fake
 * microphones play speech or silence (WAV files the script makes with espeak-ng and sox, one
 * Chromium per publisher), a viewer with {@code multiplexedAudioTracks: 2} that must get {@code vad}
 * events naming the speakers before their voices and speech on those slots, a projection of one
 * source's video into an extra video slot that must decode frames, and a viewer excluding a source
 * that must never hear of it. Fails (never skips) when Chromium, the npm packages, espeak-ng or sox
 * are missing; {@code ./odeon test} installs them.
 */
class MultiplexEndToEndIT {
  private static final Pattern HTTP_READY = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/");
  private static final String PREREQS = "; run ./odeon test, which installs the end-to-end prerequisites";

  @Test
  void speakersAreMultiplexedAndProjectedInBrowsers() throws Exception {
    Path root = ExternalProcess.repoRoot();
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is missing" + PREREQS);
    assertTrue(Files.isDirectory(root.resolve("web-client/e2e/node_modules/playwright-core")),
        "web-client/e2e/node_modules is missing" + PREREQS);
    for (String tool : List.of("espeak-ng", "sox")) {
      assertTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " is missing" + PREREQS);
    }
    Path jar = root.resolve("signaling/target/odeon-server.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing; it is built by the package phase (mvn verify)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> serverCmd = List.of(java, "-jar", jar.toString(), "--http-port", "0", "--media-port", "0");

    try (ExternalProcess server = ExternalProcess.start(root, "server", serverCmd)) {
      String httpLine = server.awaitLine(l -> HTTP_READY.matcher(l).find(), 60, TimeUnit.SECONDS);
      assertNotNull(httpLine, () -> "server did not print its HTTP port within 60 s; its output:\n" + server.output());
      Matcher m = HTTP_READY.matcher(httpLine);
      assertTrue(m.find());
      List<String> node = List.of("node", "web-client/e2e/multiplex.mjs", "http://127.0.0.1:" + m.group(1));
      try (ExternalProcess e2e = ExternalProcess.start(root, "multiplex", node)) {
        Integer exit = e2e.awaitExit(4, TimeUnit.MINUTES);
        assertNotNull(exit, () -> "multiplex.mjs did not finish within 4 minutes; its output:\n" + e2e.output());
        String last = e2e.lastLine();
        assertTrue(last.startsWith("{\"ok\":true"), () -> "multiplex.mjs reported failures: " + last
            + "\n--- e2e output ---\n" + e2e.output() + "\n--- server output ---\n" + server.output());
        assertEquals(0, exit, "multiplex.mjs exit code");
      }
    }
  }
}
