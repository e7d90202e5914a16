/**
 * Stages: the host / speakers / audience model of a live stream (raise hand, invite, accept,
 * mute, move back, kick, end). {@link dev.odeon.signaling.room.Stage} is the pure state machine of
 * one stream (no I/O, no clock: time is a {@code long nowNanos} parameter; it returns {@link
 * dev.odeon.signaling.room.StageOutput}s). {@link dev.odeon.signaling.room.StageDirector} is the
 * thin adapter that maps identities to live connections, applies the outputs (events, media
 * mutes, token minting, disconnects) and runs the periodic tick; its methods are synchronized
 * and called from Netty event loops, the HTTP API and one timer thread. Documented in
 * docs/protocol.md ("Stages").
 */
package dev.odeon.signaling.room;
