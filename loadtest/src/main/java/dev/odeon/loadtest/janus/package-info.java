/**
 * {@code --against janus}: Debian's Janus 1.1 started by the generator with a generated configuration
 * inside a private network namespace, a minimal client for Janus's JSON API over WebSocket and its
 * VideoRoom plugin, and the fanout scenario measured on Janus with the same synthetic clients.
 */
package dev.odeon.loadtest.janus;
