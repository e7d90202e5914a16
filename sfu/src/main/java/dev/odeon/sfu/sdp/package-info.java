/**
 * SDP offer/answer for the SFU: parses the browser's unified-plan offer (RFC 8866 syntax, JSEP
 * RFC 8829 semantics) and writes the server's answer.
 *
 * <p>The server is ICE-lite (RFC 8839 {@code a=ice-lite}), DTLS passive (RFC 5763 / RFC 8122
 * {@code a=setup:passive}), puts every accepted m= section on one transport (BUNDLE, RFC 9143) with
 * RTP/RTCP multiplexing (RFC 5761). It accepts Opus (RFC 7587), VP8 (RFC 7741) and H.264
 * constrained-baseline / baseline with packetization-mode 1 (RFC 6184), and a small set of RTP
 * header extensions (RFC 8285). Data channel (application) sections are accepted only when
 * {@link dev.odeon.sfu.sdp.Options#dataChannels()} says so ({@link dev.odeon.sfu.sdp.DataSection}).
 *
 * <p>Entry points: {@link dev.odeon.sfu.sdp.SessionDescription#parse(String)} and
 * {@link dev.odeon.sfu.sdp.Negotiation}. Everything here is pure: no I/O, no clock, no threads;
 * the classes are immutable and may be used from any thread. Every rejection of the remote SDP is an
 * {@link dev.odeon.sfu.sdp.SdpException} with a stable code; no other exception escapes for any input.
 */
package dev.odeon.sfu.sdp;
