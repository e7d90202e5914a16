package dev.odeon.loadtest.server;

/** A server process whose CPU and memory the generator reads from {@code /proc} (Odeon or Janus). */
public interface MeasuredProcess {
  /** CPU (user + system) so far, ns; -1 when unknown. */
  long cpuNanos();

  /** Resident memory, KiB; -1 when unknown. */
  long rssKiB();
}
