package dev.odeon.sfu.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A mutable {@link ByteArrayBuffer} view over a caller's {@code (byte[], offset, length)}, re-pointed for
 * every packet so that jitsi-srtp transforms in place without an allocation per packet. It never
 * reallocates: jitsi asks to {@link #grow} before appending the tag, and a buffer without room is a
 * broken headroom invariant ({@link SrtpSession#MAX_OVERHEAD}), not something to paper over with a copy
 * the caller would not see. Owned by one {@link SrtpSession}; single-threaded.
 */
final class PacketBuffer implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    /** Points this view at a new packet. */
    PacketBuffer wrap(byte[] buf, int off, int len) {
        this.buffer = buf;
        this.offset = off;
        this.length = len;
        return this;
    }

    /** Drops the reference to the caller's array once a transform is done. */
    void release() {
        buffer = null;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        if (len < 0 || offset + len > buffer.length) {
            throw new IllegalArgumentException("length " + len + " outside the buffer");
        }
        length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off < 0 || off + length > buffer.length) {
            throw new IllegalArgumentException("offset " + off + " outside the buffer");
        }
        offset = off;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        int start = offset + off;
        if (off < 0 || len <= 0 || start + len > buffer.length || out.length < len) {
            return;
        }
        System.arraycopy(buffer, start, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch < 0) {
            throw new IllegalArgumentException("howMuch " + howMuch);
        }
        if (offset + length + howMuch > buffer.length) {
            throw new IllegalStateException("SRTP headroom invariant broken: need " + howMuch
                    + " spare bytes after the packet, have " + (buffer.length - offset - length));
        }
    }

    @Override
    public void append(byte[] data, int len) {
        if (data == null || len == 0) {
            return;
        }
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        if (len > 0) {
            length = Math.max(0, length - len);
        }
    }
}
