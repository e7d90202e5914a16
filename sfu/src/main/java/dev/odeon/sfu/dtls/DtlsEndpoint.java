package dev.odeon.sfu.dtls;

import dev.odeon.sfu.dtls.adapter.QueueDatagramTransport;
import dev.odeon.sfu.srtp.SrtpKeys;
import dev.odeon.sfu.srtp.SrtpProfile;
import dev.odeon.sfu.srtp.SrtpSession;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * One DTLS-SRTP association (RFC 6347, RFC 5764) with a push interface: the owner feeds datagrams with
 * {@link #handleDatagram}, and drains {@link #pollTransmit} and {@link #pollApplicationData}.
 *
 * <p><b>Threads.</b> All public methods except {@link #state()}, {@link #failureReason()} and
 * {@link #close()} belong to one owner thread (the session's event loop). The handshake, which
 * BouncyCastle runs as a blocking call, runs as one task on the {@code handshakeExecutor} over a
 * {@link QueueDatagramTransport}; it ends when the handshake succeeds, fails, times out or the endpoint is
 * closed. {@code wakeup} is invoked from that task whenever it produced output or changed the state; the
 * owner then calls {@link #pollTransmit} (and {@link #pollApplicationData}) until they return null.
 * {@code wakeup} must only schedule that work, never call back into the endpoint.
 *
 * <p><b>After the handshake</b> no thread is involved: {@link #handleDatagram} queues the datagram and then
 * calls BouncyCastle's {@code DTLSTransport.receive(buf, 0, len, 0)} on the owner thread until the queue is
 * empty. BouncyCastle treats a wait of 0 as "no limit" and would spin, so the transport, now non-blocking,
 * throws {@link QueueDatagramTransport.WouldBlockException} on an empty queue, which BouncyCastle passes
 * through without failing the connection. Output produced inside owner calls does not invoke
 * {@code wakeup}: poll after every call.
 */
public final class DtlsEndpoint {
    /** DTLS role: the SFU is always the server (SDP {@code a=setup:passive}). */
    public enum Role { SERVER, CLIENT }

    /**
     * HANDSHAKING until the handshake ends in CONNECTED or FAILED; CLOSED after {@link #close()} or the
     * peer's close_notify.
     */
    public enum State { HANDSHAKING, CONNECTED, FAILED, CLOSED }

    /** Whole-handshake limit, measured by BouncyCastle from {@link #start()}. */
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private final Role role;
    private final Executor handshakeExecutor;
    private final Runnable wakeup;
    private final int handshakeTimeoutMillis;
    private final DtlsServerPeer serverPeer;
    private final DtlsClientPeer clientPeer;
    private final QueueDatagramTransport transport;
    private final AtomicReference<State> state = new AtomicReference<>(State.HANDSHAKING);
    private volatile String failureReason;
    private volatile DTLSTransport dtls;
    private volatile SrtpKeys keys;

    // Owner-thread state.
    private final ArrayDeque<byte[]> applicationData = new ArrayDeque<>();
    private byte[] receiveBuffer;
    private boolean started;

    /** An endpoint with the default handshake timeout; a client offers every {@link SrtpProfile}. */
    public DtlsEndpoint(Role role, DtlsCertificate local, String expectedRemoteFingerprintSha256,
            Executor handshakeExecutor, Runnable wakeup) {
        this(role, local, expectedRemoteFingerprintSha256, handshakeExecutor, wakeup,
                DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, List.of(SrtpProfile.values()));
    }

    /**
     * @param offeredProfiles what a CLIENT offers in {@code use_srtp}, in order (ignored by a SERVER, which
     *     picks by {@link SrtpProfile} order)
     */
    public DtlsEndpoint(Role role, DtlsCertificate local, String expectedRemoteFingerprintSha256,
            Executor handshakeExecutor, Runnable wakeup, int handshakeTimeoutMillis,
            List<SrtpProfile> offeredProfiles) {
        this.role = Objects.requireNonNull(role, "role");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(expectedRemoteFingerprintSha256, "expectedRemoteFingerprintSha256");
        this.handshakeExecutor = Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
        if (handshakeTimeoutMillis <= 0 || offeredProfiles.isEmpty()) {
            throw new IllegalArgumentException("need a positive timeout and at least one SRTP profile");
        }
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.transport = new QueueDatagramTransport(wakeup);
        if (role == Role.SERVER) {
            this.serverPeer = new DtlsServerPeer(local, expectedRemoteFingerprintSha256, handshakeTimeoutMillis);
            this.clientPeer = null;
        } else {
            this.serverPeer = null;
            this.clientPeer = new DtlsClientPeer(local, expectedRemoteFingerprintSha256, handshakeTimeoutMillis,
                    offeredProfiles);
        }
    }

    public Role role() {
        return role;
    }

    /** Starts the handshake task: a client sends its ClientHello, a server waits for one. Once only. */
    public void start() {
        if (started) {
            throw new IllegalStateException("start() called twice");
        }
        started = true;
        if (state.get() != State.HANDSHAKING) {
            return;
        }
        try {
            handshakeExecutor.execute(this::runHandshake);
        } catch (RejectedExecutionException e) {
            fail("handshake executor rejected the task");
            transport.close();
        }
    }

    /**
     * Takes a copy of one DTLS datagram from the peer. Never blocks; bad input is dropped, never thrown
     * (see {@link DtlsRecords} for what is dropped before BouncyCastle sees it). Returns false when
     * the datagram was dropped that way, so the caller can count it.
     */
    public boolean handleDatagram(byte[] buf, int off, int len) {
        State s = state.get();
        if (s == State.FAILED || s == State.CLOSED || len <= 0 || len > QueueDatagramTransport.RECEIVE_LIMIT
                || !DtlsRecords.isPlausible(buf, off, len)) {
            return false;
        }
        transport.offerInbound(Arrays.copyOfRange(buf, off, off + len));
        if (s == State.CONNECTED) {
            pumpReceive();
        }
        return true;
    }

    /** The next datagram to send to the peer, or null. */
    public byte[] pollTransmit() {
        return transport.pollOutbound();
    }

    /** Thread-safe. */
    public State state() {
        return state.get();
    }

    /** Why the endpoint FAILED, or null. Thread-safe. */
    public String failureReason() {
        return failureReason;
    }

    /** The exported SRTP keys; available once CONNECTED (and still after a close that followed). */
    public SrtpKeys srtpKeys() {
        SrtpKeys k = keys;
        if (k == null) {
            throw new IllegalStateException("srtpKeys() requires a completed handshake; state " + state());
        }
        return k;
    }

    /** A new SRTP session for our role: the server protects with the server keys, the client with its own. */
    public SrtpSession newSrtpSession() {
        return role == Role.SERVER ? SrtpSession.forServer(srtpKeys()) : SrtpSession.forClient(srtpKeys());
    }

    /** The next decrypted application-data record (a whole SCTP packet), or null. */
    public byte[] pollApplicationData() {
        if (applicationData.isEmpty() && state.get() == State.CONNECTED && transport.hasInbound()) {
            pumpReceive();
        }
        return applicationData.poll();
    }

    /** Largest application-data record {@link #sendApplicationData} accepts; requires CONNECTED. */
    public int applicationDataLimit() {
        try {
            return connectedTransport().getSendLimit();
        } catch (IOException e) {
            throw new IllegalStateException("DTLS send limit unavailable", e);
        }
    }

    /** Encrypts one application-data record and queues it for {@link #pollTransmit}. Requires CONNECTED. */
    public void sendApplicationData(byte[] b, int off, int len) {
        DTLSTransport t = connectedTransport();
        int limit = applicationDataLimit();
        if (len > limit) {
            throw new IllegalArgumentException("record of " + len + " bytes exceeds " + limit);
        }
        try {
            t.send(b, off, len);
        } catch (IOException e) {
            fail("send failed: " + e);
            transport.close();
        }
    }

    /**
     * Ends the association: sends close_notify when CONNECTED (poll it with {@link #pollTransmit}), stops a
     * running handshake and releases its thread. Idempotent; callable from any thread, but a CONNECTED
     * endpoint must be closed by its owner thread, since close_notify goes through BouncyCastle.
     */
    public void close() {
        State previous = state.get();
        while ((previous == State.HANDSHAKING || previous == State.CONNECTED)
                && !state.compareAndSet(previous, State.CLOSED)) {
            previous = state.get();
        }
        if (previous == State.CONNECTED) {
            try {
                dtls.close();
            } catch (IOException e) {
                // The association is going away either way; the transport is closed below.
            }
        }
        transport.close();
    }

    private void runHandshake() {
        try {
            DTLSTransport connected = role == Role.SERVER
                    ? new DTLSServerProtocol().accept(serverPeer, transport)
                    : new DTLSClientProtocol().connect(clientPeer, transport);
            keys = role == Role.SERVER ? serverPeer.srtpKeys() : clientPeer.srtpKeys();
            dtls = connected;
            transport.switchToNonBlocking();
            if (!state.compareAndSet(State.HANDSHAKING, State.CONNECTED)) {
                transport.close();
            }
        } catch (IOException | RuntimeException e) {
            String peerReason = role == Role.SERVER ? serverPeer.failureReason() : clientPeer.failureReason();
            fail(peerReason != null ? peerReason : describe(e));
            transport.close();
        } finally {
            wakeup.run();
        }
    }

    private void pumpReceive() {
        DTLSTransport t = dtls;
        if (receiveBuffer == null) {
            receiveBuffer = new byte[QueueDatagramTransport.RECEIVE_LIMIT];
        }
        while (true) {
            int n;
            try {
                n = t.receive(receiveBuffer, 0, receiveBuffer.length, 0);
            } catch (InterruptedIOException wouldBlockOrClosed) {
                break;
            } catch (IOException e) {
                fail(describe(e));
                transport.close();
                return;
            }
            if (n < 0) {
                break;
            }
            if (n > 0) {
                applicationData.add(Arrays.copyOf(receiveBuffer, n));
            }
        }
        // BouncyCastle closes the transport when the peer's close_notify arrives.
        if (transport.isClosed()) {
            state.compareAndSet(State.CONNECTED, State.CLOSED);
        }
    }

    private DTLSTransport connectedTransport() {
        if (state.get() != State.CONNECTED) {
            throw new IllegalStateException("requires CONNECTED; state " + state());
        }
        return dtls;
    }

    private void fail(String reason) {
        State s = state.get();
        if (s == State.HANDSHAKING || s == State.CONNECTED) {
            failureReason = reason;
            state.compareAndSet(s, State.FAILED);
        }
    }

    private String describe(Exception e) {
        if (e instanceof TlsFatalAlertReceived received) {
            return "peer sent fatal alert " + AlertDescription.getText(received.getAlertDescription());
        }
        if (e instanceof TlsTimeoutException) {
            return "handshake timed out after " + handshakeTimeoutMillis + " ms";
        }
        if (e instanceof TlsFatalAlert alert) {
            return "DTLS failed with alert " + AlertDescription.getText(alert.getAlertDescription())
                    + (alert.getMessage() == null ? "" : ": " + alert.getMessage());
        }
        return "DTLS failed: " + e;
    }
}
