package dev.odeon.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
    try (BrowserScenario s = BrowserScenario.start()) {
      String output = s.run("interactive.mjs", 3);
      assertTrue(output.contains("\"check\":\"poll-exact-tally\",\"ok\":true"), output);
    }
  }
}
