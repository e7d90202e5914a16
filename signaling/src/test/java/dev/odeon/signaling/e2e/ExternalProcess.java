package dev.odeon.signaling.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process (the server, node) whose merged stdout/stderr is drained line by line on a daemon
 * thread, echoed into the test log with a prefix and kept for assertions and failure messages.
 * Test-only I/O helper: owns the process and its reader thread; {@link #close()} destroys both.
 */
final class ExternalProcess implements AutoCloseable {
  private final Process process;
  private final String prefix;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private boolean ended; // guarded by lines: the output stream reached its end

  private ExternalProcess(Process process, String prefix) {
    this.process = process;
    this.prefix = prefix;
    this.reader = new Thread(this::drain, "e2e-output-" + prefix);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Starts {@code command} in {@code dir}. */
  static ExternalProcess start(Path dir, String prefix, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    return new ExternalProcess(p, prefix);
  }

  private void drain() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        System.out.println("[" + prefix + "] " + line);
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The stream closes when the process is destroyed; nothing more to read.
    } finally {
      synchronized (lines) {
        ended = true;
        lines.notifyAll();
      }
    }
  }

  /** Waits until some output line matches, the process's output ends, or the timeout passes. */
  String awaitLine(Predicate<String> match, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (lines) {
      for (;;) {
        for (String l : lines) {
          if (match.test(l)) {
            return l;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || ended) {
          return null;
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Waits for the process to exit; returns its exit code, or null after the timeout. */
  Integer awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
    if (!process.waitFor(timeout, unit)) {
      return null;
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  /** All output so far, for failure messages. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** The last output line, or "" when there was none. */
  String lastLine() {
    synchronized (lines) {
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The repository root: the nearest directory above user.dir holding web-client/ and the odeon script. */
  static Path repoRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("web-client")) && Files.exists(d.resolve("odeon"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }
}
