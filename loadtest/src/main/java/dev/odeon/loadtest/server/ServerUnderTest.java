package dev.odeon.loadtest.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Odeon server a scenario drives: either a child process started from the same build
 * ({@code java -jar signaling/target/odeon-server.jar --http-port 0 --media-port 0}), whose CPU and
 * memory are measured, or a running server named by {@code --target} (then {@link #pid()} is -1
 * unless {@code --target-pid} names it).
 */
public final class ServerUnderTest implements AutoCloseable, MeasuredProcess {
  private static final Pattern READY = Pattern.compile("Odeon ready: open (http://[^/ ]+)/");

  private final URI base;
  private final Process process;
  private final long pid;
  private final List<String> output;

  private ServerUnderTest(URI base, Process process, long pid, List<String> output) {
    this.base = base;
    this.process = process;
    this.pid = pid;
    this.output = output;
  }

  /** A running server; {@code pid} may be -1 (no CPU figures then). */
  public static ServerUnderTest target(URI base, long pid) {
    return new ServerUnderTest(base, null, pid, List.of());
  }

  /** Starts the server jar with ephemeral ports and waits (up to 60 s) for its ready line. */
  public static ServerUnderTest start(Path jar, List<String> jvmArgs) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing: build it with ./odeon build (or mvn package)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-jar", jar.toString(), "--http-port", "0", "--media-port", "0"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<URI> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (lines.size() < 2000) {
            lines.add(line);
          }
          Matcher m = READY.matcher(line);
          if (m.find()) {
            ready.complete(URI.create(m.group(1)));
          }
        }
      } catch (IOException e) {
        // The process ended; the ready future below reports it.
      }
      ready.completeExceptionally(new IOException("server exited before its ready line"));
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      URI uri = ready.get(60, TimeUnit.SECONDS);
      return new ServerUnderTest(uri, p, p.pid(), lines);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("server did not become ready: " + e.getMessage() + "\n" + String.join("\n", lines), e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI base() {
    return base;
  }

  public long pid() {
    return pid;
  }

  @Override
  public long cpuNanos() {
    return pid > 0 ? ProcStat.cpuNanos(pid) : -1;
  }

  @Override
  public long rssKiB() {
    return pid > 0 ? ProcStat.rssKiB(pid) : -1;
  }

  /** What the started server printed so far (empty for a target). */
  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
