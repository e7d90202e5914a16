package dev.odeon.sfu.api;

/** One published track: its media kind ({@code audio} or {@code video}) and the publisher's track id. */
public record Track(String media, String trackId) {}
