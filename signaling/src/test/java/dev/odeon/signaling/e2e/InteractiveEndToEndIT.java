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
 * Interactive sessions end to end: starts the shaded server (ephemeral ports) and runs
 * {@code web-client/e2e/interactive.mjs}: three headless-Chromium viewers with real WebRTC data
 * channels and a backend page on the WebSocket with the interactive-server grant. Asserts every
 * check passed: a viewer's click reaches the backend with {@code from} and {@code official:false},
 * the backend's broadcast reaches all three with {@code official:true}, a forged {@code official}
 * arrives stripped, and a poll with three overlay votes ends with the exact tally, once.
 */
class InteractiveEndToEndIT {
  private static final Pattern HTTP_READY = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/");
  private static final String PREREQS = "; run ./odeon test, which installs the end-to-end prerequisites";

  /** The SDK's interactive API against fakes ({@code web-client/e2e/interactive-sdk.test.mjs}). */
  @Test
  void sdkInteractiveUnitTestsPass() throws Exception {
    List<String> cmd = List.of("node", "--test", "--test-reporter=tap", "web-client/e2e/interactive-sdk.test.mjs");
    try (ExternalProcess node = ExternalProcess.start(ExternalProcess.repoRoot(), "sdk-interactive", cmd)) {
      Integer exit = node.awaitExit(60, TimeUnit.SECONDS);
      assertNotNull(exit, () -> "node --test did not finish within 60 s:\n" + node.output());
      assertTrue(node.output().contains("# fail 0"), () -> "SDK interactive tests failed:\n" + node.output());
      assertTrue(node.output().matches("(?s).*# pass [1-9].*"), () -> "no test ran:\n" + node.output());
      assertEquals(0, exit, "node --test exit code");
    }
  }

  @Test
  void viewersAndBackendExchangeEventsAndVote() throws Exception {
    Path root = ExternalProcess.repoRoot();
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is missing" + PREREQS);
    assertTrue(Files.isDirectory(root.resolve("web-client/e2e/node_modules/playwright-core")),
        "web-client/e2e/node_modules is missing" + PREREQS);
    Path jar = root.resolve("signaling/target/odeon-server.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing; it is built by the package phase (mvn verify)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(), "-jar", jar.toString(), "--http-port", "0", "--media-port", "0");

    try (ExternalProcess server = ExternalProcess.start(root, "server", command)) {
      String ready = server.awaitLine(l -> HTTP_READY.matcher(l).find(), 60, TimeUnit.SECONDS);
      assertNotNull(ready, () -> "server did not print its ready line within 60 s; its output:\n" + server.output());
      Matcher m = HTTP_READY.matcher(ready);
      assertTrue(m.find());
      String base = "http://127.0.0.1:" + m.group(1);

      try (ExternalProcess e2e = ExternalProcess.start(root, "e2e", List.of("node", "web-client/e2e/interactive.mjs", base))) {
        Integer exit = e2e.awaitExit(3, TimeUnit.MINUTES);
        assertNotNull(exit, () -> "interactive.mjs did not finish within 3 minutes; its output:\n" + e2e.output());
        String last = e2e.lastLine();
        assertTrue(last.startsWith("{\"ok\":true"), () -> "interactive.mjs reported failures: " + last
            + "\n--- e2e output ---\n" + e2e.output() + "\n--- server output ---\n" + server.output());
        assertTrue(e2e.output().contains("\"check\":\"poll-exact-tally\",\"ok\":true"), e2e::output);
        assertEquals(0, exit, "interactive.mjs exit code");
      }
    }
  }
}
