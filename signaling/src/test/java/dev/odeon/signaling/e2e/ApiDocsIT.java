package dev.odeon.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/api.md runnable: starts the server jar the way {@code ./odeon run} does (dev mode,
 * ephemeral ports), runs every {@code sh} block of the page in order in one bash (so variables
 * carry over), with {@code 127.0.0.1:8080} replaced by the real address, and checks that each
 * {@code # } line under a command appears in that block's output, in order ({@code ...} matches
 * anything).
 */
class ApiDocsIT {
  private static final Pattern HTTP_READY = Pattern.compile("Odeon ready: open http://127\\.0\\.0\\.1:(\\d+)/");
  private static final String MARK = "@@odeon-doc-block ";

  /** One fenced sh block: the commands and the output lines it promises. */
  record Block(int line, List<String> commands, List<String> expected) {}

  static List<Block> blocks(List<String> markdown) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < markdown.size(); i++) {
      if (!markdown.get(i).strip().equals("```sh")) {
        continue;
      }
      int start = i + 1;
      List<String> commands = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (i = start; i < markdown.size() && !markdown.get(i).strip().equals("```"); i++) {
        String line = markdown.get(i);
        if (line.startsWith("# ")) {
          expected.add(line.substring(2));
        } else {
          commands.add(line);
        }
      }
      blocks.add(new Block(start, commands, expected));
    }
    return blocks;
  }

  static Pattern expectation(String expected) {
    String[] parts = expected.strip().split("\\.\\.\\.", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  @Test
  void everyExampleOfApiMdRunsAsWritten() throws Exception {
    Path root = ExternalProcess.repoRoot();
    Path jar = root.resolve("signaling/target/odeon-server.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing; it is built by the package phase (mvn verify)");
    List<Block> blocks = blocks(Files.readAllLines(root.resolve("docs/api.md")));
    assertTrue(blocks.size() >= 8, "docs/api.md should have its examples in sh blocks");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (ExternalProcess server = ExternalProcess.start(root, "server",
        List.of(java, "-jar", jar.toString(), "--http-port", "0", "--media-port", "0"))) {
      String ready = server.awaitLine(l -> HTTP_READY.matcher(l).find(), 60, TimeUnit.SECONDS);
      assertNotNull(ready, () -> "server did not start:\n" + server.output());
      Matcher m = HTTP_READY.matcher(ready);
      assertTrue(m.find());
      String address = "127.0.0.1:" + m.group(1);

      StringBuilder script = new StringBuilder("curl() { command curl \"$@\"; local rc=$?; echo; return $rc; }\n");
      for (int i = 0; i < blocks.size(); i++) {
        script.append("echo; echo '").append(MARK).append(i).append("'\n");
        for (String command : blocks.get(i).commands()) {
          script.append(command.replace("127.0.0.1:8080", address)).append('\n');
        }
      }
      script.append("wait\n");
      Process bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
      assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the examples did not finish within 60 s");
      String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<String> failures = check(blocks, output, address);
      assertTrue(failures.isEmpty(), () -> String.join("\n", failures) + "\n--- output ---\n" + output
          + "\n--- server ---\n" + server.output());
    }
  }

  private static List<String> check(List<Block> blocks, String output, String address) {
    List<List<String>> segments = new ArrayList<>();
    for (String line : output.split("\r?\n")) {
      if (line.startsWith(MARK)) {
        segments.add(new ArrayList<>());
      } else if (!segments.isEmpty()) {
        segments.get(segments.size() - 1).add(line.replace("\r", ""));
      }
    }
    List<String> failures = new ArrayList<>();
    if (segments.size() != blocks.size()) {
      failures.add("expected " + blocks.size() + " block outputs, got " + segments.size());
      return failures;
    }
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = segments.get(b);
      int from = 0;
      for (String expected : blocks.get(b).expected()) {
        Pattern p = expectation(expected.replace("127.0.0.1:8080", address));
        int found = -1;
        for (int i = from; i < lines.size() && found < 0; i++) {
          if (p.matcher(lines.get(i)).find()) {
            found = i;
          }
        }
        if (found < 0) {
          failures.add("docs/api.md block at line " + blocks.get(b).line() + ": no output line matches '" + expected
              + "' (after line " + from + " of " + lines + ")");
        } else {
          from = found + 1;
        }
      }
    }
    return failures;
  }
}
