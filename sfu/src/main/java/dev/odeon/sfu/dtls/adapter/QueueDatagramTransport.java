package dev.odeon.sfu.dtls.adapter;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * A BouncyCastle {@link DatagramTransport} over two queues: {@link #offerInbound} (any thread, usually the
 * event loop) feeds {@link #receive}, and {@link #send} appends to an outbound queue drained by
 * {@link #pollOutbound}.
 *
 * <p>Two modes. While <em>blocking</em> (the handshake, on an executor thread) {@code receive} waits up to
 * BouncyCastle's {@code waitMillis} and {@code send} invokes the output callback so the event loop wakes
 * up. After {@link #switchToNonBlocking()} (handshake done) {@code receive} never waits: on an empty queue
 * it throws {@link WouldBlockException}, an {@link InterruptedIOException} that BouncyCastle's
 * {@code DTLSTransport.receive} passes through without failing the connection; sends from the event loop
 * do not call back (the caller polls after each call anyway).
 *
 * <p>{@link #close()} (any thread) drops queued input and wakes a blocked {@code receive}, which then
 * throws an {@link InterruptedIOException}, so a handshake thread never outlives the endpoint.
 * Datagrams sent before close stay pollable; later ones are dropped.
 */
public final class QueueDatagramTransport implements DatagramTransport {
    /** Largest datagram accepted from the network; bigger ones are dropped. */
    public static final int RECEIVE_LIMIT = 2048;
    /** Largest datagram we emit; BouncyCastle fragments handshake messages to fit (typical WebRTC MTU). */
    public static final int SEND_LIMIT = 1200;
    /** Inbound datagrams buffered before further ones are dropped (flood guard). */
    public static final int INBOUND_CAPACITY = 256;

    private static final byte[] CLOSED_MARKER = new byte[0];

    private final LinkedBlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>(INBOUND_CAPACITY);
    private final ConcurrentLinkedQueue<byte[]> outbound = new ConcurrentLinkedQueue<>();
    private final Runnable onBlockingOutput;
    private volatile boolean nonBlocking;
    private volatile boolean closed;

    /** @param onBlockingOutput called (on the handshake thread) after each datagram sent while blocking */
    public QueueDatagramTransport(Runnable onBlockingOutput) {
        this.onBlockingOutput = onBlockingOutput;
    }

    /** Queues a datagram (the caller hands over ownership); false if closed, oversized or full. */
    public boolean offerInbound(byte[] datagram) {
        return !closed && datagram.length > 0 && datagram.length <= RECEIVE_LIMIT && inbound.offer(datagram);
    }

    /** The next datagram BouncyCastle sent, or null. */
    public byte[] pollOutbound() {
        return outbound.poll();
    }

    public boolean hasInbound() {
        return !inbound.isEmpty();
    }

    /** From now on {@link #receive} never blocks. Call once the handshake has returned. */
    public void switchToNonBlocking() {
        nonBlocking = true;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws InterruptedIOException {
        if (closed) {
            throw new InterruptedIOException("transport closed");
        }
        byte[] datagram;
        if (nonBlocking) {
            datagram = inbound.poll();
            if (datagram == null) {
                throw new WouldBlockException();
            }
        } else {
            datagram = take(waitMillis);
            if (datagram == null) {
                throw new SocketTimeoutException("no datagram within " + waitMillis + " ms");
            }
        }
        if (datagram == CLOSED_MARKER || closed) {
            throw new InterruptedIOException("transport closed");
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        byte[] datagram = new byte[len];
        System.arraycopy(buf, off, datagram, 0, len);
        outbound.add(datagram);
        if (!nonBlocking) {
            onBlockingOutput.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
        // Wakes a receive blocked on the empty queue; if a racing offer filled the slot, the closed flag
        // still stops the reader after it takes that datagram.
        inbound.offer(CLOSED_MARKER);
    }

    private byte[] take(int waitMillis) throws InterruptedIOException {
        try {
            // BouncyCastle's waitMillis of 0 means "no limit", as for a socket timeout.
            return waitMillis > 0 ? inbound.poll(waitMillis, TimeUnit.MILLISECONDS) : inbound.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a datagram");
        }
    }

    /** Thrown by a non-blocking {@link #receive} with nothing queued; carries no stack trace. */
    public static final class WouldBlockException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        WouldBlockException() {
            super("no datagram queued");
        }

        @Override
        public Throwable fillInStackTrace() {
            return this;
        }
    }
}
