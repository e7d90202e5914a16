/**
 * Codec-specific RTP payload inspection without decoding: VP8 (RFC 7741) and H.264 (RFC 6184)
 * key-frame and frame-start detection, used by the router to wait for a key frame before switching
 * a viewer to a new source or layer. Stateless static helpers, safe from any thread; they read
 * caller-owned buffers, never allocate and never throw on bad input.
 */
package dev.odeon.sfu.rtp.codec;
