package dev.odeon.datachannel.sctp;

/**
 * One chunk TLV as found in a packet: a view over the caller's buffer, valid only while the packet
 * is being handled. Typed parsers copy what they keep.
 *
 * @param type chunk type (0..255)
 * @param flags chunk flags (0..255)
 * @param buf the packet buffer
 * @param valueOff offset of the chunk value (after the 4-byte chunk header)
 * @param valueLen length of the value, excluding padding
 */
record RawChunk(int type, int flags, byte[] buf, int valueOff, int valueLen) {}
