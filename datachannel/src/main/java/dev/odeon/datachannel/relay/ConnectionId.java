package dev.odeon.datachannel.relay;

/** A connection registered with the relay; unique for the relay's lifetime. */
public record ConnectionId(long value) {}
