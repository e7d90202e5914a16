package dev.odeon.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the JS SDK's unit tests ({@code web-client/e2e/sdk.test.mjs}: envelope, command ids, errors,
 * events, keepalive, Publisher/Viewer against a fake WebSocket and RTCPeerConnection) with node's
 * test runner, so they are part of {@code mvn verify}. Needs only {@code node}.
 */
class JsSdkIT {
  @Test
  void sdkUnitTestsPass() throws Exception {
    List<String> cmd = List.of("node", "--test", "--test-reporter=tap", "web-client/e2e/sdk.test.mjs");
    try (ExternalProcess node = ExternalProcess.start(ExternalProcess.repoRoot(), "sdk-test", cmd)) {
      Integer exit = node.awaitExit(60, TimeUnit.SECONDS);
      assertNotNull(exit, () -> "node --test did not finish within 60 s:\n" + node.output());
      assertTrue(node.output().contains("# fail 0"), () -> "SDK tests failed:\n" + node.output());
      assertTrue(node.output().matches("(?s).*# pass [1-9].*"), () -> "no SDK test ran:\n" + node.output());
      assertEquals(0, exit, "node --test exit code");
    }
  }
}
