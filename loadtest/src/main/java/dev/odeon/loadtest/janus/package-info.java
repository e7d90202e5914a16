/**
 * {@code --against janus}: Debian's Janus 1.1 started by the generator with a generated configuration
 * inside a private network namespace, a minimal client for Janus's JSON API over WebSocket, its
 * VideoRoom plugin (the fanout scenario measured on Janus with the same synthetic clients) and its
 * TextRoom plugin (the poll scenario's vote storms over the same data-channel clients).
 */
package dev.odeon.loadtest.janus;
