package dev.odeon.loadtest.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a process's CPU time and resident memory from Linux's {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status}. CPU is utime + stime (fields 14 and 15, in clock ticks, 100 Hz on Linux).
 */
public final class ProcStat {
  /** USER_HZ: fixed at 100 on every Linux architecture Java runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcStat() {}

  /** utime + stime of {@code pid} in nanoseconds, or -1 when the process is gone or this is not Linux. */
  public static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      // f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) is f[12].
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The 1-minute load average from /proc/loadavg, or -1. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Machine-wide UDP counters from /proc/net/snmp: {RcvbufErrors, SndbufErrors} (datagrams dropped
   * because a socket's receive or send buffer was full), or {-1, -1}.
   */
  public static long[] udpBufferErrors() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
      for (int i = 0; i + 1 < lines.size(); i++) {
        if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
          List<String> names = List.of(lines.get(i).split("\\s+"));
          String[] values = lines.get(i + 1).split("\\s+");
          return new long[] {Long.parseLong(values[names.indexOf("RcvbufErrors")]),
              Long.parseLong(values[names.indexOf("SndbufErrors")])};
        }
      }
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
    return new long[] {-1, -1};
  }

  /** VmRSS of {@code pid} in KiB, or -1. */
  public static long rssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
