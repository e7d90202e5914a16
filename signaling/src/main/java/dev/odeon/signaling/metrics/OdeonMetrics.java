package dev.odeon.signaling.metrics;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaStats;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus registry: callback metrics read {@link MediaStats} at scrape time, and
 * signaling's own WebSocket counters. Its own registry (not the global default), so several
 * servers in one JVM (tests) do not collide. Thread-safe: counters are updated from Netty event
 * loops, scrapes run on whichever loop serves {@code /metrics}.
 */
public final class OdeonMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Supplier<MediaStats> stats;
  private final Gauge wsConnections;
  private final Counter wsCommands;
  private final Counter wsRejectedFrames;

  /** @param stats the engine's counters; may throw or return null while the engine is not up */
  public OdeonMetrics(Supplier<MediaStats> stats) {
    this.stats = stats;
    gauge("odeon_sessions", "Media sessions (publishers and viewers).", MediaStats::sessions);
    gauge("odeon_publishers", "Publishing media sessions.", MediaStats::publishers);
    gauge("odeon_viewers", "Viewing media sessions.", MediaStats::viewers);
    counter("odeon_packets_in_total", "Datagrams received on the media port.", MediaStats::packetsIn);
    counter("odeon_bytes_in_total", "Bytes received on the media port.", MediaStats::bytesIn);
    counter("odeon_packets_out_total", "Datagrams sent from the media port.", MediaStats::packetsOut);
    counter("odeon_bytes_out_total", "Bytes sent from the media port.", MediaStats::bytesOut);
    counter("odeon_udp_sends_total",
        "Send calls on the media socket; fewer than odeon_packets_out_total when UDP GSO batches datagrams.",
        MediaStats::udpSends);
    counter("odeon_retransmitted_packets_total",
        "Video packets resent to viewers from the server's buffer, answering their NACKs.",
        MediaStats::retransmittedPackets);
    counter("odeon_nacks_sent_total", "NACKs sent to publishers for packets lost on the way in.",
        MediaStats::nacksSent);
    counter("odeon_transport_cc_feedback_total",
        "Transport-wide congestion control feedback packets sent to publishers.",
        MediaStats::transportCcFeedback);
    CounterWithCallback.builder()
        .name("odeon_dropped_packets_total")
        .help("Input dropped by the media engine, by reason.")
        .labelNames("reason")
        .callback(
            callback -> {
              MediaStats s = readStats();
              for (DropReason reason : DropReason.values()) {
                callback.call(s == null ? 0 : s.drops(reason), reason.label());
              }
            })
        .register(registry);
    wsConnections =
        Gauge.builder()
            .name("odeon_ws_connections")
            .help("Open signaling WebSocket connections.")
            .register(registry);
    wsCommands =
        Counter.builder()
            .name("odeon_ws_commands_total")
            .help("Signaling commands handled, by command and result (ok or an error code).")
            .labelNames("command", "result")
            .register(registry);
    wsRejectedFrames =
        Counter.builder()
            .name("odeon_ws_rejected_frames_total")
            .help("WebSocket frames refused as malformed, oversized or unknown.")
            .register(registry);
  }

  public void wsConnectionOpened() {
    wsConnections.inc();
  }

  public void wsConnectionClosed() {
    wsConnections.dec();
  }

  /** Counts one command; {@code command} must come from a fixed set to bound label cardinality. */
  public void commandHandled(String command, String result) {
    wsCommands.labelValues(command, result).inc();
  }

  public void frameRejected() {
    wsRejectedFrames.inc();
  }

  /** Adds the interactive relay's metrics (docs/interactive.md#metrics). Call once. */
  public void registerRelay(Supplier<dev.odeon.datachannel.relay.RelayCounters> relay) {
    RelayMetrics.register(registry, relay);
  }

  /** The Content-Type of {@link #scrape()}. */
  public String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /** The registry in Prometheus text format 0.0.4. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  private void gauge(String name, String help, ToDoubleFunction<MediaStats> read) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(
            callback -> {
              MediaStats s = readStats();
              callback.call(s == null ? 0 : read.applyAsDouble(s));
            })
        .register(registry);
  }

  private void counter(String name, String help, ToDoubleFunction<MediaStats> read) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .callback(
            callback -> {
              MediaStats s = readStats();
              callback.call(s == null ? 0 : read.applyAsDouble(s));
            })
        .register(registry);
  }

  private MediaStats readStats() {
    // The engine may not be up (or may be a placeholder); a scrape must still succeed.
    try {
      return stats.get();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
