package dev.odeon.sfu.dtls;

/**
 * A structural check of an inbound DTLS 1.2 datagram before it reaches BouncyCastle (RFC 6347 §4.1):
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  ContentType  |    ProtocolVersion (major, minor) |   epoch   ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  ... epoch      |            sequence_number (48 bits)          ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  ...             |            length             |  fragment ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * A datagram is one or more such records back to back. Why check at all: epoch 0 records carry no MAC
 * (RFC 6347 §4.1.2.6), so one forged epoch-0 record with a high sequence number would move BouncyCastle's
 * replay window past every genuine handshake record and stall the handshake until it times out. A real
 * handshake never gets near 2^16 records in epoch 0, so such records (and malformed datagrams, which
 * BouncyCastle would discard anyway) are dropped here. Stateless; any thread.
 */
final class DtlsRecords {
    static final int HEADER_LENGTH = 13;
    /** Epoch-0 sequence numbers at or above this are not from a real handshake. */
    static final long MAX_EPOCH0_SEQUENCE = 1L << 16;

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HEARTBEAT = 24;

    private DtlsRecords() {
    }

    /** True when {@code buf[off, off+len)} is a sequence of whole, plausible DTLS 1.x records. */
    static boolean isPlausible(byte[] buf, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (end - i < HEADER_LENGTH) {
                return false;
            }
            int type = buf[i] & 0xff;
            int major = buf[i + 1] & 0xff;
            int epoch = (buf[i + 3] & 0xff) << 8 | (buf[i + 4] & 0xff);
            long sequence = readUint48(buf, i + 5);
            int length = (buf[i + 11] & 0xff) << 8 | (buf[i + 12] & 0xff);
            if (type < CHANGE_CIPHER_SPEC || type > HEARTBEAT || major != 0xfe
                    || (epoch == 0 && sequence >= MAX_EPOCH0_SEQUENCE) || length > end - i - HEADER_LENGTH) {
                return false;
            }
            i += HEADER_LENGTH + length;
        }
        return len > 0;
    }

    private static long readUint48(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 6; k++) {
            v = v << 8 | (b[i + k] & 0xff);
        }
        return v;
    }
}
