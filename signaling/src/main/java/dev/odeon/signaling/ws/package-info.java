/**
 * The signaling WebSocket (docs/protocol.md): token check before the upgrade, the command envelope,
 * {@code publish}/{@code unpublish}/{@code view} on the {@link dev.odeon.sfu.api.MediaService}, and
 * engine events routed to connections by {@link dev.odeon.signaling.ws.StreamHub}. Connections run
 * on Netty event loops; the hub's state lives on its own serial executor; the media thread only
 * enqueues. RFC 6455.
 */
package dev.odeon.signaling.ws;
