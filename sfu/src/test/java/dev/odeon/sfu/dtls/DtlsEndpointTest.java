package dev.odeon.sfu.dtls;

import static dev.odeon.sfu.dtls.DtlsEndpoint.State.CLOSED;
import static dev.odeon.sfu.dtls.DtlsEndpoint.State.CONNECTED;
import static dev.odeon.sfu.dtls.DtlsEndpoint.State.FAILED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.srtp.SrtpKeys;
import dev.odeon.sfu.srtp.SrtpProfile;
import dev.odeon.sfu.srtp.SrtpSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DtlsEndpointTest {
    private static final long WAIT_MILLIS = 10_000;

    @Test
    void handshakeExportsIdenticalKeysAndPrefersGcm() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            SrtpKeys serverKeys = link.server.srtpKeys();
            SrtpKeys clientKeys = link.client.srtpKeys();
            assertEquals(SrtpProfile.AEAD_AES_128_GCM, serverKeys.profile());
            assertEquals(serverKeys, clientKeys);
            assertArrayEquals(serverKeys.clientKey(), clientKeys.clientKey());
            assertArrayEquals(serverKeys.serverSalt(), clientKeys.serverSalt());
            assertFalse(Arrays.equals(serverKeys.clientKey(), serverKeys.serverKey()));
            assertNull(link.server.failureReason());
        }
    }

    @Test
    void clientOfferingOnlyCmGetsCm() throws Exception {
        try (DtlsLink link = new DtlsLink(DtlsLink.CLIENT_CERT.fingerprintSha256(),
                DtlsLink.SERVER_CERT.fingerprintSha256(), List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80), 30_000)) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, link.server.srtpKeys().profile());
            assertEquals(link.server.srtpKeys(), link.client.srtpKeys());
        }
    }

    @Test
    void exportedKeysDriveInteroperableSrtpSessions() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            SrtpSession sfu = link.server.newSrtpSession();
            SrtpSession browser = link.client.newSrtpSession();
            byte[] packet = new byte[12 + 100 + SrtpSession.MAX_OVERHEAD];
            packet[0] = (byte) 0x80;
            packet[11] = 5;
            Arrays.fill(packet, 12, 112, (byte) 0x5a);
            byte[] plain = Arrays.copyOf(packet, 112);
            int len = sfu.protectRtp(packet, 0, 112);
            assertEquals(112, browser.unprotectRtp(packet, 0, len));
            assertArrayEquals(plain, Arrays.copyOf(packet, 112));
        }
    }

    @Test
    void serverRejectsClientWithWrongFingerprint() throws Exception {
        String wrong = DtlsLink.SERVER_CERT.fingerprintSha256();
        try (DtlsLink link = new DtlsLink(wrong, DtlsLink.SERVER_CERT.fingerprintSha256(),
                List.of(SrtpProfile.values()), 30_000)) {
            link.start();
            assertTrue(link.pumpUntil(() -> link.server.state() == FAILED && link.client.state() == FAILED,
                    WAIT_MILLIS), states(link));
            assertTrue(link.server.failureReason().contains("client certificate fingerprint mismatch"),
                    link.server.failureReason());
            assertTrue(link.client.failureReason().contains("bad_certificate"), link.client.failureReason());
            assertThrows(IllegalStateException.class, link.server::srtpKeys);
        }
    }

    @Test
    void clientRejectsServerWithWrongFingerprint() throws Exception {
        String wrong = DtlsLink.CLIENT_CERT.fingerprintSha256();
        try (DtlsLink link = new DtlsLink(DtlsLink.CLIENT_CERT.fingerprintSha256(), wrong,
                List.of(SrtpProfile.values()), 30_000)) {
            link.start();
            assertTrue(link.pumpUntil(() -> link.client.state() == FAILED && link.server.state() == FAILED,
                    WAIT_MILLIS), states(link));
            assertTrue(link.client.failureReason().contains("server certificate fingerprint mismatch"),
                    link.client.failureReason());
        }
    }

    @Test
    void fingerprintCheckIgnoresCase() throws Exception {
        try (DtlsLink link = new DtlsLink(DtlsLink.CLIENT_CERT.fingerprintSha256().toLowerCase(),
                DtlsLink.SERVER_CERT.fingerprintSha256().toLowerCase(), List.of(SrtpProfile.values()), 30_000)) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
        }
    }

    @Test
    void applicationDataRoundTripsBothWays() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            for (int i = 0; i < 20; i++) {
                byte[] up = ("up " + i).getBytes(StandardCharsets.US_ASCII);
                byte[] down = new byte[i * 50 + 1];
                Arrays.fill(down, (byte) i);
                link.client.sendApplicationData(up, 0, up.length);
                link.server.sendApplicationData(down, 0, down.length);
            }
            assertTrue(link.pumpUntil(() -> link.serverReceived.size() == 20 && link.clientReceived.size() == 20,
                    WAIT_MILLIS));
            for (int i = 0; i < 20; i++) {
                assertEquals("up " + i, new String(link.serverReceived.get(i), StandardCharsets.US_ASCII));
                assertEquals(i * 50 + 1, link.clientReceived.get(i).length);
                assertEquals((byte) i, link.clientReceived.get(i)[0]);
            }
        }
    }

    @Test
    void receiveAfterHandshakeNeverBlocks() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            link.shuttle();
            byte[] junk = new byte[100];
            new Random(1).nextBytes(junk);
            junk[0] = 23;
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                link.server.handleDatagram(junk, 0, junk.length);
                assertNull(link.server.pollApplicationData());
                assertNull(link.server.pollApplicationData());
            });
            assertEquals(CONNECTED, link.server.state());
        }
    }

    @Test
    void garbageDuringHandshakeDoesNotBreakIt() throws Exception {
        Random random = new Random(42);
        try (DtlsLink link = new DtlsLink()) {
            link.toServer = d -> {
                injectGarbage(link.server, random);
                return d;
            };
            link.toClient = d -> {
                injectGarbage(link.client, random);
                return d;
            };
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            assertEquals(link.server.srtpKeys(), link.client.srtpKeys());
        }
    }

    @Test
    void lostFlightsAreRetransmitted() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            // Lose the first datagram each way: BouncyCastle's resend timer (1 s) must fire through the
            // queue transport's timed receive and repeat the flight.
            boolean[] dropped = new boolean[2];
            link.toServer = d -> dropOnce(dropped, 0, d);
            link.toClient = d -> dropOnce(dropped, 1, d);
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            assertTrue(dropped[0] && dropped[1]);
            assertEquals(link.server.srtpKeys(), link.client.srtpKeys());
        }
    }

    private static byte[] dropOnce(boolean[] dropped, int index, byte[] datagram) {
        if (dropped[index]) {
            return datagram;
        }
        dropped[index] = true;
        return null;
    }

    private static void injectGarbage(DtlsEndpoint target, Random random) {
        for (int i = 0; i < 3; i++) {
            byte[] g = new byte[1 + random.nextInt(300)];
            random.nextBytes(g);
            if (i == 1 && g.length > 13) {
                // Looks like a DTLS 1.2 handshake record in epoch 0 with a lying length.
                g[0] = 22;
                g[1] = (byte) 0xfe;
                g[2] = (byte) 0xfd;
                g[3] = 0;
                g[4] = 0;
            }
            if (i == 2 && g.length > 13) {
                // A well-formed epoch-0 handshake record with a random (huge) sequence number: it would
                // push BouncyCastle's replay window past the genuine records if it got through.
                g[0] = 22;
                g[1] = (byte) 0xfe;
                g[2] = (byte) 0xfd;
                g[3] = 0;
                g[4] = 0;
                g[11] = (byte) ((g.length - 13) >>> 8);
                g[12] = (byte) (g.length - 13);
            }
            target.handleDatagram(g, 0, g.length);
        }
    }

    @Test
    void closeSendsCloseNotifyAndPeerCloses() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            link.start();
            assertTrue(link.pumpUntil(link::bothConnected, WAIT_MILLIS), states(link));
            link.client.close();
            assertEquals(CLOSED, link.client.state());
            assertTrue(link.pumpUntil(() -> link.server.state() == CLOSED, WAIT_MILLIS), states(link));
            assertThrows(IllegalStateException.class, () -> link.server.sendApplicationData(new byte[1], 0, 1));
        }
    }

    @Test
    void closeDuringHandshakeReleasesTheThread() throws Exception {
        try (DtlsLink link = new DtlsLink()) {
            link.server.start();
            assertEquals(1, link.handshakeTasksRunning.get());
            link.server.close();
            assertTrue(link.pumpUntil(() -> link.handshakeTasksRunning.get() == 0, WAIT_MILLIS));
            assertEquals(CLOSED, link.server.state());
            assertNull(link.server.failureReason());
        }
    }

    @Test
    void handshakeTimesOut() throws Exception {
        try (DtlsLink link = new DtlsLink(DtlsLink.CLIENT_CERT.fingerprintSha256(),
                DtlsLink.SERVER_CERT.fingerprintSha256(), List.of(SrtpProfile.values()), 300)) {
            link.toServer = d -> null;
            link.client.start();
            assertTrue(link.pumpUntil(() -> link.client.state() == FAILED, WAIT_MILLIS), states(link));
            assertTrue(link.client.failureReason().contains("timed out"), link.client.failureReason());
            assertTrue(link.pumpUntil(() -> link.handshakeTasksRunning.get() == 0, WAIT_MILLIS));
        }
    }

    private static String states(DtlsLink link) {
        return "server " + link.server.state() + " (" + link.server.failureReason() + "), client "
                + link.client.state() + " (" + link.client.failureReason() + ")";
    }
}
