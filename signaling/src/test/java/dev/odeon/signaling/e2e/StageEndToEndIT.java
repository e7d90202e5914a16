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
 * Browser end-to-end test of a stage: starts the shaded server the way {@code ./odeon run} does
 * (ephemeral ports) and runs {@code web-client/e2e/stage.mjs}: a host page and two viewer pages in
 * headless Chromium; raise hand, invite, accept and publish, viewer 2 decodes the speaker, mute
 * stops the speaker's audio, moving back stops their video within 2 s. Fails (never skips) without
 * /usr/bin/chromium or the e2e npm packages.
 */
class StageEndToEndIT {
  private static final Pattern HTTP_READY = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/");
  private static final String PREREQS = "; run ./odeon test, which installs the end-to-end prerequisites";

  @Test
  void hostInvitesMutesAndMovesBackASpeakerWhileAnotherViewerWatches() throws Exception {
    Path root = ExternalProcess.repoRoot();
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is missing" + PREREQS);
    assertTrue(Files.isDirectory(root.resolve("web-client/e2e/node_modules/playwright-core")),
        "web-client/e2e/node_modules is missing" + PREREQS);
    Path jar = root.resolve("signaling/target/odeon-server.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing; it is built by the package phase (mvn verify)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    try (ExternalProcess server = ExternalProcess.start(root, "server",
        List.of(java, "-jar", jar.toString(), "--http-port", "0", "--media-port", "0"))) {
      String ready = server.awaitLine(l -> HTTP_READY.matcher(l).find(), 60, TimeUnit.SECONDS);
      assertNotNull(ready, () -> "server did not print its ready line within 60 s:\n" + server.output());
      Matcher m = HTTP_READY.matcher(ready);
      assertTrue(m.find());
      List<String> node = List.of("node", "web-client/e2e/stage.mjs", "http://127.0.0.1:" + m.group(1));
      try (ExternalProcess e2e = ExternalProcess.start(root, "e2e", node)) {
        Integer exit = e2e.awaitExit(3, TimeUnit.MINUTES);
        assertNotNull(exit, () -> "stage.mjs did not finish within 3 minutes; its output:\n" + e2e.output());
        String last = e2e.lastLine();
        assertTrue(last.startsWith("{\"ok\":true"), () -> "stage.mjs reported failures: " + last
            + "\n--- e2e output ---\n" + e2e.output() + "\n--- server output ---\n" + server.output());
        assertEquals(0, exit, "stage.mjs exit code");
        assertTrue(server.output().contains("moveToAudience viewer1 by host"),
            "moderation actions are logged with their actor");
      }
    }
  }
}
