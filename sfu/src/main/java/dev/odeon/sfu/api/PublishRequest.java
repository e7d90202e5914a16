package dev.odeon.sfu.api;

/** A browser offers to publish {@code source} into {@code stream}. */
public record PublishRequest(StreamId stream, SourceId source, String offerSdp, String identity) {}
