/**
 * The boundary between the media engine and whoever drives it (the signaling server, tests,
 * the load generator). Requests are plain records; answers arrive as {@link java.util.concurrent.CompletableFuture}s
 * completed on the media thread; events are delivered to a {@link MediaEvents} listener on the media thread,
 * which must hand them off without blocking.
 */
package dev.odeon.sfu.api;
