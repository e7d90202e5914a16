package dev.odeon.sfu.api;

/** A browser offers to watch {@code stream} (recvonly transceivers). */
public record ViewRequest(StreamId stream, String offerSdp, String identity) {}
