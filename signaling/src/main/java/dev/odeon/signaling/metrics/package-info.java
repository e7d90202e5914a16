/**
 * Prometheus metrics (client_java 1.x): engine counters read through {@link
 * dev.odeon.sfu.api.MediaStats} callbacks at scrape time, plus signaling's WebSocket counters,
 * written in the Prometheus text exposition format for {@code GET /metrics}. Thread-safe.
 */
package dev.odeon.signaling.metrics;
