/**
 * RTP (RFC 3550 §5) on the per-packet hot path: {@link dev.odeon.sfu.rtp.RtpPacket}, a reusable
 * allocation-free view with RFC 8285 header extension lookup and RFC 6464 audio levels;
 * {@link dev.odeon.sfu.rtp.RtpRewriter}, the per-viewer SSRC/sequence/timestamp rewriter that keeps
 * an outgoing stream continuous across source switches; {@link dev.odeon.sfu.rtp.RtpBuilder} for
 * tests and the load generator. Sans-IO: no sockets, threads, locks or clock reads. Every object
 * here is owned by one event-loop thread (the shard that owns the session); bad input yields
 * false/null/-1, never an exception.
 */
package dev.odeon.sfu.rtp;
