package dev.odeon.sfu.api;

/**
 * One entry of a {@code project} command's mapping: send the source's {@code media} track into the
 * viewer's receive slot {@code mid}.
 *
 * @param media {@code audio} or {@code video}
 * @param mid the viewer's transceiver mid
 * @param layer the simulcast layer wanted (accepted and ignored until simulcast lands); may be null
 */
public record Projection(String media, String mid, String layer) {}
