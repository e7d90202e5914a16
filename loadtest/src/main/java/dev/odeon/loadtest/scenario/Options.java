package dev.odeon.loadtest.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scenario run was asked for (see {@code ./odeon loadtest --help}).
 *
 * @param viewers viewers (the ramp's upper bound with {@code ramp})
 * @param seconds length of each measurement window
 * @param ramp fanout: ramp the viewer count and report the largest passing one
 * @param videoBitsPerSecond the synthetic publisher's video bitrate
 * @param target a running server to measure instead of starting one (null: start one)
 * @param targetPid the target's pid for CPU and memory figures (-1: none)
 * @param serverJar the server jar to start
 * @param serverJvmArgs JVM options for the started server
 * @param outDir where the table, plot and JSON go
 */
public record Options(int viewers, int seconds, boolean ramp, int videoBitsPerSecond, URI target, long targetPid,
    Path serverJar, List<String> serverJvmArgs, Path outDir) {

  /** Defaults for a scenario: 100 viewers, 10 s, 1.5 Mbit/s, a started server. */
  public static Options defaults() {
    return new Options(100, 10, false, 1_500_000, null, -1, Path.of("signaling/target/odeon-server.jar"),
        List.of("-Xms512m", "-Xmx1g"), Path.of("loadtest/out"));
  }

  public Options withViewers(int n) {
    return new Options(n, seconds, ramp, videoBitsPerSecond, target, targetPid, serverJar, serverJvmArgs, outDir);
  }

  public Options withSeconds(int s) {
    return new Options(viewers, s, ramp, videoBitsPerSecond, target, targetPid, serverJar, serverJvmArgs, outDir);
  }

  public Options withRamp(boolean r) {
    return new Options(viewers, seconds, r, videoBitsPerSecond, target, targetPid, serverJar, serverJvmArgs, outDir);
  }

  public Options withVideoBitsPerSecond(int b) {
    return new Options(viewers, seconds, ramp, b, target, targetPid, serverJar, serverJvmArgs, outDir);
  }

  public Options withTarget(URI t, long pid) {
    return new Options(viewers, seconds, ramp, videoBitsPerSecond, t, pid, serverJar, serverJvmArgs, outDir);
  }

  public Options withServerJar(Path jar) {
    return new Options(viewers, seconds, ramp, videoBitsPerSecond, target, targetPid, jar, serverJvmArgs, outDir);
  }

  public Options withServerJvmArgs(List<String> args) {
    return new Options(viewers, seconds, ramp, videoBitsPerSecond, target, targetPid, serverJar, args, outDir);
  }

  public Options withOutDir(Path dir) {
    return new Options(viewers, seconds, ramp, videoBitsPerSecond, target, targetPid, serverJar, serverJvmArgs, dir);
  }
}
