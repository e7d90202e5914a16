package dev.odeon.signaling.metrics;

import dev.odeon.datachannel.relay.RelayCounters;
import dev.odeon.datachannel.relay.RelayError;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The interactive relay's series: connections, active sessions, open polls, events in/out, votes,
 * rejected events by error code, lossy drops and slow-consumer disconnects. Callbacks read the
 * relay's counters at scrape time (written by the media thread; values may lag).
 */
final class RelayMetrics {
  private RelayMetrics() {}

  static void register(PrometheusRegistry registry, Supplier<RelayCounters> relay) {
    gauge(registry, relay, "odeon_relay_connections", "Relay connections (data channels and WebSockets).", c -> c.connections);
    gauge(registry, relay, "odeon_relay_sessions_active", "Active interactive sessions.", c -> c.sessionsActive);
    gauge(registry, relay, "odeon_relay_polls_open", "Open polls.", c -> c.pollsOpen);
    counter(registry, relay, "odeon_relay_events_in_total", "Relay messages accepted.", c -> c.eventsIn);
    counter(registry, relay, "odeon_relay_events_out_total", "Relay messages handed to transports.", c -> c.eventsOut);
    counter(registry, relay, "odeon_relay_votes_total", "Poll votes counted.", c -> c.votes);
    counter(registry, relay, "odeon_relay_dropped_oldest_total", "Events dropped from full lossy queues.", c -> c.droppedOldest);
    counter(registry, relay, "odeon_relay_slow_disconnects_total", "Reliable connections closed for a full queue.", c -> c.disconnectedSlow);
    CounterWithCallback.builder()
        .name("odeon_relay_rejected_total")
        .help("Relay messages refused with an error event, by code.")
        .labelNames("code")
        .callback(cb -> {
          RelayCounters c = relay.get();
          for (RelayError e : RelayError.values()) {
            cb.call(c == null ? 0 : c.rejected(e), e.code().toLowerCase(Locale.ROOT));
          }
        })
        .register(registry);
  }

  private static void gauge(PrometheusRegistry registry, Supplier<RelayCounters> relay, String name,
      String help, ToDoubleFunction<RelayCounters> read) {
    GaugeWithCallback.builder().name(name).help(help)
        .callback(cb -> {
          RelayCounters c = relay.get();
          cb.call(c == null ? 0 : read.applyAsDouble(c));
        })
        .register(registry);
  }

  private static void counter(PrometheusRegistry registry, Supplier<RelayCounters> relay,
      String name, String help, ToDoubleFunction<RelayCounters> read) {
    CounterWithCallback.builder().name(name).help(help)
        .callback(cb -> {
          RelayCounters c = relay.get();
          cb.call(c == null ? 0 : read.applyAsDouble(c));
        })
        .register(registry);
  }
}
