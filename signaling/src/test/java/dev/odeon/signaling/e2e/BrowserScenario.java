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

/**
 * What every browser end-to-end test does: check the prerequisites that {@code ./odeon test}
 * installs (failing, never skipping, without them), start the shaded server the way
 * {@code ./odeon run} does with ephemeral ports, run one {@code web-client/e2e/*.mjs} scenario
 * against it, and require its last line to be {@code {"ok":true,...}} and its exit code 0.
 *
 * <p>For developing a harness only, the environment variable {@code ODEON_E2E_SERVER_CMD} replaces
 * the server command (e.g. {@code node web-client/e2e/mock/mock-server.mjs}).
 */
final class BrowserScenario implements AutoCloseable {
  private static final Pattern HTTP_READY = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Pattern UDP_READY = Pattern.compile("udp 127\\.0\\.0\\.1:(\\d+)");
  private static final String PREREQS = "; run ./odeon test, which installs the end-to-end prerequisites";

  final Path root = ExternalProcess.repoRoot();
  final ExternalProcess server;
  final String baseUrl;
  final int mediaPort;

  private BrowserScenario(List<String> serverArgs, List<String> extraTools) throws Exception {
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is missing" + PREREQS);
    assertTrue(Files.isDirectory(root.resolve("web-client/e2e/node_modules/playwright-core")),
        "web-client/e2e/node_modules is missing" + PREREQS);
    for (String tool : extraTools) {
      assertTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " is missing" + PREREQS);
    }
    server = ExternalProcess.start(root, "server", serverCommand(serverArgs));
    try {
      // The two ports may be printed on one line or on two; wait until both have been seen.
      String httpLine = server.awaitLine(l -> HTTP_READY.matcher(l).find(), 60, TimeUnit.SECONDS);
      String udpLine = httpLine == null ? null : server.awaitLine(l -> UDP_READY.matcher(l).find(), 5, TimeUnit.SECONDS);
      assertNotNull(udpLine, () -> "server exited or did not print 'Odeon ready: open http://127.0.0.1:<port>/' and "
          + "'udp 127.0.0.1:<port>' within 60 s; its output:\n" + server.output());
      baseUrl = "http://127.0.0.1:" + port(HTTP_READY, httpLine);
      mediaPort = port(UDP_READY, udpLine);
    } catch (Throwable t) {
      server.close();
      throw t;
    }
  }

  /** Starts the server; {@code extraTools} are further programs under /usr/bin the scenario needs. */
  static BrowserScenario start(String... extraTools) throws Exception {
    return new BrowserScenario(List.of(), List.of(extraTools));
  }

  /** Starts the server with further command-line options (e.g. {@code --simulate-loss 5}). */
  static BrowserScenario startWithOptions(List<String> serverArgs, String... extraTools) throws Exception {
    return new BrowserScenario(serverArgs, List.of(extraTools));
  }

  /**
   * Runs {@code node web-client/e2e/<script> <baseUrl> <args...>} and asserts it passed.
   *
   * @return the scenario's whole output, for further assertions
   */
  String run(String script, int minutes, String... args) throws Exception {
    List<String> node = new ArrayList<>(List.of("node", "web-client/e2e/" + script, baseUrl));
    node.addAll(Arrays.asList(args));
    try (ExternalProcess e2e = ExternalProcess.start(root, script, node)) {
      Integer exit = e2e.awaitExit(minutes, TimeUnit.MINUTES);
      assertNotNull(exit, () -> script + " did not finish within " + minutes + " minutes; its output:\n" + e2e.output());
      String last = e2e.lastLine();
      assertTrue(last.startsWith("{\"ok\":true"), () -> script + " reported failures: " + last
          + "\n--- e2e output ---\n" + e2e.output() + "\n--- server output ---\n" + server.output());
      assertEquals(0, exit, script + " exit code");
      return e2e.output();
    }
  }

  private List<String> serverCommand(List<String> serverArgs) {
    String override = System.getenv("ODEON_E2E_SERVER_CMD");
    if (override != null && !override.isBlank()) {
      return Arrays.asList(override.trim().split("\\s+"));
    }
    Path jar = root.resolve("signaling/target/odeon-server.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing; it is built by the package phase (mvn verify)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--http-port", "0",
        "--media-port", "0"));
    cmd.addAll(serverArgs);
    return cmd;
  }

  private static int port(Pattern p, String line) {
    Matcher m = p.matcher(line);
    assertTrue(m.find(), line);
    return Integer.parseInt(m.group(1));
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}
