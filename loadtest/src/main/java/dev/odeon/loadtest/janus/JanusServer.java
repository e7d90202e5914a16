package dev.odeon.loadtest.janus;

import dev.odeon.loadtest.server.MeasuredProcess;
import dev.odeon.loadtest.server.ProcStat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Janus process started with a {@link JanusConfig} in a temporary folder; its log goes to
 * {@code janus.log} there (level 3, or {@code ODEON_JANUS_DEBUG_LEVEL}). Closing stops it and deletes
 * the folder.
 */
public final class JanusServer implements AutoCloseable, MeasuredProcess {
  /** Debian's binary. */
  public static final Path BINARY = Path.of("/usr/bin/janus");
  private final Process process;
  private final Path dir;
  private final int wsPort;

  private JanusServer(Process process, Path dir, int wsPort) {
    this.process = process;
    this.dir = dir;
    this.wsPort = wsPort;
  }

  /** Starts Janus and waits (up to 20 s) until its WebSocket transport accepts connections. */
  public static JanusServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IOException(BINARY + " not found: install Debian's Janus (apt-get install -y janus)");
    }
    Path dir = Files.createTempDirectory("odeon-janus-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path cfg = JanusConfig.write(dir, port);
    Path log = dir.resolve("janus.log");
    String level = System.getenv().getOrDefault("ODEON_JANUS_DEBUG_LEVEL", "3");
    Process p = new ProcessBuilder(BINARY.toString(), "-C", cfg.toString(), "-F", dir.toString(), "-o", "-d", level)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    JanusServer server = new JanusServer(p, dir, port);
    // A generator that dies without closing must not leave Janus running in the namespace.
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "janus-stop"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      if (!p.isAlive()) {
        String out = server.log();
        server.close();
        throw new IOException("janus exited with " + p.exitValue() + ":\n" + out);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return server;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          String out = server.log();
          server.close();
          throw new IOException("janus's WebSocket transport did not listen on 127.0.0.1:" + port + " within 20 s:\n" + out);
        }
        Thread.sleep(50);
      }
    }
  }

  /** {@code ws://127.0.0.1:<port>/}. */
  public URI uri() {
    return URI.create("ws://127.0.0.1:" + wsPort + "/");
  }

  public long pid() {
    return process.pid();
  }

  /** utime + stime of the Janus process (all its threads), ns; -1 when unknown. */
  @Override
  public long cpuNanos() {
    return ProcStat.cpuNanos(process.pid());
  }

  @Override
  public long rssKiB() {
    return ProcStat.rssKiB(process.pid());
  }

  /** The last 4,000 characters of Janus's log. */
  public String log() {
    try {
      String s = Files.readString(dir.resolve("janus.log"));
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // A temp folder left behind is harmless.
    }
  }
}
