package dev.odeon.sfu.dtls;

import dev.odeon.sfu.srtp.SrtpProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Test harness: a server and a client endpoint wired in memory. The test thread is the owner of both
 * endpoints; it moves datagrams across and waits on the wakeup semaphore, bounded by a deadline.
 */
final class DtlsLink implements AutoCloseable {
    static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate(java.time.Instant.now());
    static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate(java.time.Instant.now());

    final Semaphore wakeups = new Semaphore(0);
    final AtomicInteger handshakeTasksRunning = new AtomicInteger();
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dtls-handshake-test");
        t.setDaemon(true);
        return t;
    });
    final DtlsEndpoint server;
    final DtlsEndpoint client;
    final List<byte[]> serverReceived = new ArrayList<>();
    final List<byte[]> clientReceived = new ArrayList<>();
    /** Applied to every datagram in flight; return null to drop it. */
    UnaryOperator<byte[]> toServer = UnaryOperator.identity();
    UnaryOperator<byte[]> toClient = UnaryOperator.identity();

    DtlsLink() {
        this(CLIENT_CERT.fingerprintSha256(), SERVER_CERT.fingerprintSha256(), List.of(SrtpProfile.values()),
                DtlsEndpoint.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
    }

    DtlsLink(String serverExpects, String clientExpects, List<SrtpProfile> clientOffers, int timeoutMillis) {
        server = new DtlsEndpoint(DtlsEndpoint.Role.SERVER, SERVER_CERT, serverExpects, this::runCounted,
                wakeups::release, timeoutMillis, List.of(SrtpProfile.values()));
        client = new DtlsEndpoint(DtlsEndpoint.Role.CLIENT, CLIENT_CERT, clientExpects, this::runCounted,
                wakeups::release, timeoutMillis, clientOffers);
    }

    private void runCounted(Runnable task) {
        handshakeTasksRunning.incrementAndGet();
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                handshakeTasksRunning.decrementAndGet();
                wakeups.release();
            }
        });
    }

    void start() {
        server.start();
        client.start();
    }

    /** Moves datagrams and application data until the condition holds; false on timeout. */
    boolean pumpUntil(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            shuttle();
            if (condition.getAsBoolean()) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wakeups.tryAcquire(remaining, TimeUnit.NANOSECONDS);
        }
    }

    void shuttle() {
        boolean moved = true;
        while (moved) {
            moved = move(server, client, toClient) | move(client, server, toServer);
            moved |= drain(server, serverReceived) | drain(client, clientReceived);
        }
    }

    private static boolean move(DtlsEndpoint from, DtlsEndpoint to, UnaryOperator<byte[]> filter) {
        boolean moved = false;
        for (byte[] d = from.pollTransmit(); d != null; d = from.pollTransmit()) {
            moved = true;
            byte[] delivered = filter.apply(d);
            if (delivered != null) {
                to.handleDatagram(delivered, 0, delivered.length);
            }
        }
        return moved;
    }

    private static boolean drain(DtlsEndpoint endpoint, List<byte[]> sink) {
        boolean moved = false;
        for (byte[] d = endpoint.pollApplicationData(); d != null; d = endpoint.pollApplicationData()) {
            sink.add(d);
            moved = true;
        }
        return moved;
    }

    boolean bothConnected() {
        return server.state() == DtlsEndpoint.State.CONNECTED && client.state() == DtlsEndpoint.State.CONNECTED;
    }

    @Override
    public void close() {
        server.close();
        client.close();
        pool.shutdownNow();
    }
}
