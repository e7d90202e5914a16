package dev.odeon.sfu.rtcp;

/** One FIR FCI entry (RFC 5104 §4.3.1.1): the target SSRC and its command sequence number 0..255. */
public record FirEntry(int ssrc, int seqNr) {}
