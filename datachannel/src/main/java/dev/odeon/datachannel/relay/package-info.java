/**
 * The interactive event relay (docs/interactive.md): per-stream interactive sessions in which
 * viewers and the streamer's backend exchange JSON events, with server-stamped {@code from} and
 * {@code official}, system events, built-in polls, and per-connection limits (event size, JSON
 * depth, duplicate keys, token-bucket rate, bounded outbound queues).
 *
 * <p>Sans-IO: {@link dev.odeon.datachannel.relay.InteractiveRelay} takes messages and time as
 * method arguments and writes through each connection's {@link dev.odeon.datachannel.relay.Transport}.
 * In the server it is confined to the media thread: data channel messages arrive there directly, and
 * WebSocket messages are posted to it like other engine commands. No locks, no clock reads.
 */
package dev.odeon.datachannel.relay;
