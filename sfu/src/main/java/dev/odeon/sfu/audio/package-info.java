/**
 * Speaker ranking and audio multiplexing decisions, sans-IO: per-source voice activity from the
 * RFC 6464 audio levels the router reads from publishers' packets (never decoded audio), one ranking
 * per stream per interval ({@link dev.odeon.sfu.audio.SpeakerRanking}), and the per-viewer choice of
 * which ranked source fills which multiplexed slot ({@link dev.odeon.sfu.audio.SlotAssigner}).
 * Media thread only; time is a {@code long nowNanos} parameter. The method and its parameters are
 * described in {@code docs/multiplexing.md}.
 */
package dev.odeon.sfu.audio;
