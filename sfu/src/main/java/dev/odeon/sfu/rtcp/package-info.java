/**
 * RTCP (RFC 3550 §6) and the feedback messages a WebRTC SFU exchanges: RFC 4585 NACK and PLI,
 * RFC 5104 FIR, REMB (draft-alvestrand-rmcat-remb) and transport-wide congestion control feedback
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01). {@link dev.odeon.sfu.rtcp.RtcpCompound}
 * parses a compound into immutable {@link dev.odeon.sfu.rtcp.RtcpPacket} records, never throwing
 * on bad input; each record writes itself with {@code writeTo(byte[], int)}. Sans-IO; parsing and
 * writing are stateless and may run on any thread, in practice the session's event-loop thread.
 */
package dev.odeon.sfu.rtcp;
