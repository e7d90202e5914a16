package dev.odeon.loadtest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The floor in CPU time instead of wall time: runs {@link FloorBench#forward()} on this thread and
 * divides the thread's own CPU time (user + system, {@link ThreadMXBean}) by the packets forwarded.
 * On a shared, loaded machine JMH's wall-clock score also counts time the thread spent waiting for a
 * core; the server's figure ({@code /proc/<pid>/stat}) is CPU time, so this is the like-for-like floor
 * (the same method as the UDP harness in {@code floor.md}).
 */
public final class FloorCpu {
  /** Mean and spread of the per-iteration results, ns of CPU per forwarded packet. */
  public record Result(double meanNs, double minNs, double maxNs, int iterations) {}

  private FloorCpu() {}

  public static Result measure(int warmupSeconds, int iterations) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    FloorBench bench = new FloorBench();
    bench.receiver = "drop";
    bench.setUp();
    try {
      runFor(bench, warmupSeconds * 1_000_000_000L);
      double sum = 0;
      double min = Double.MAX_VALUE;
      double max = 0;
      for (int i = 0; i < iterations; i++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long ops = runFor(bench, 1_000_000_000L);
        double ns = (double) (mx.getCurrentThreadCpuTime() - cpu0) / (ops * FloorBench.FANOUT);
        sum += ns;
        min = Math.min(min, ns);
        max = Math.max(max, ns);
      }
      return new Result(sum / iterations, min, max, iterations);
    } finally {
      bench.tearDown();
    }
  }

  private static long runFor(FloorBench bench, long nanos) throws Exception {
    long end = System.nanoTime() + nanos;
    long ops = 0;
    long sink = 0;
    while (System.nanoTime() < end) {
      sink += bench.forward();
      ops++;
    }
    if (sink == 42) {
      System.out.print(""); // Keeps the JIT from discarding the sends' results.
    }
    return ops;
  }
}
