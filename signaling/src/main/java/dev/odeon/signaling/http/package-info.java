/**
 * The HTTP side of the server on Netty 4.2: request routing, the web client's static files,
 * {@code /healthz}, {@code /metrics}, the dev token endpoint, JSON errors, and the hand-off of
 * {@code GET /ws} to the WebSocket layer. Everything here runs on Netty event loops; handlers are
 * stateless and shared. RFC 9110 (HTTP semantics), RFC 6455 section 4 (the upgrade request).
 */
package dev.odeon.signaling.http;
