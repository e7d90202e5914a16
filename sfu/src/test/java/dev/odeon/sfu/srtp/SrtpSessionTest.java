package dev.odeon.sfu.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {
    private static final int SSRC = 0x11223344;

    static SrtpKeys keys(SrtpProfile profile, long seed) {
        Random r = new Random(seed);
        byte[] material = new byte[2 * (profile.keyLength() + profile.saltLength())];
        r.nextBytes(material);
        return SrtpKeys.fromKeyingMaterial(profile, material);
    }

    /** An RTP packet in a buffer with MAX_OVERHEAD spare bytes; returns the buffer, length 12 + payload. */
    static byte[] rtp(int seq, long timestamp, int ssrc, int payloadLength, int fill) {
        byte[] b = new byte[12 + payloadLength + SrtpSession.MAX_OVERHEAD];
        b[0] = (byte) 0x80;
        b[1] = 96;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        writeInt(b, 4, (int) timestamp);
        writeInt(b, 8, ssrc);
        for (int i = 0; i < payloadLength; i++) {
            b[12 + i] = (byte) (fill + i);
        }
        return b;
    }

    /** An RTCP receiver report (no blocks) followed by padding-free filler to make a payload to encrypt. */
    static byte[] rtcp(int ssrc, int extraWords) {
        int len = 8 + 4 * extraWords;
        byte[] b = new byte[len + SrtpSession.MAX_OVERHEAD];
        b[0] = (byte) 0x80;
        b[1] = (byte) 201;
        b[2] = 0;
        b[3] = (byte) (1 + extraWords);
        writeInt(b, 4, ssrc);
        for (int i = 8; i < len; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    static void writeInt(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    @Test
    void cryptoRunsOnSunJce() {
        SrtpSession.CryptoProviders providers = SrtpSession.cryptoProviders();
        assertTrue(providers.isJceOnly(), providers.toString());
        assertFalse(org.jitsi.srtp.crypto.JitsiOpenSslProvider.isLoaded());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsBothWays(SrtpProfile profile) {
        SrtpKeys k = keys(profile, 1);
        SrtpSession server = SrtpSession.forServer(k);
        SrtpSession client = SrtpSession.forClient(k);
        assertRtpRoundTrip(client, server, profile);
        assertRtpRoundTrip(server, client, profile);
    }

    private static void assertRtpRoundTrip(SrtpSession sender, SrtpSession receiver, SrtpProfile profile) {
        byte[] buf = rtp(1000, 90_000, SSRC, 200, 3);
        byte[] plain = Arrays.copyOf(buf, 212);
        int protectedLength = sender.protectRtp(buf, 0, 212);
        assertEquals(212 + profile.tagLength(), protectedLength);
        assertArrayEquals(Arrays.copyOf(plain, 12), Arrays.copyOf(buf, 12), "header stays in clear");
        assertFalse(Arrays.equals(plain, 12, 212, buf, 12, 212), "payload must be encrypted");
        assertEquals(212, receiver.unprotectRtp(buf, 0, protectedLength));
        assertArrayEquals(plain, Arrays.copyOf(buf, 212));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsBothWays(SrtpProfile profile) {
        SrtpKeys k = keys(profile, 2);
        SrtpSession server = SrtpSession.forServer(k);
        SrtpSession client = SrtpSession.forClient(k);
        for (SrtpSession[] pair : new SrtpSession[][] {{client, server}, {server, client}}) {
            byte[] buf = rtcp(SSRC, 6);
            int len = 8 + 24;
            byte[] plain = Arrays.copyOf(buf, len);
            int protectedLength = pair[0].protectRtcp(buf, 0, len);
            assertEquals(len + profile.rtcpOverhead(), protectedLength);
            assertFalse(Arrays.equals(plain, 8, len, buf, 8, len), "RTCP body must be encrypted");
            assertEquals(len, pair[1].unprotectRtcp(buf, 0, protectedLength));
            assertArrayEquals(plain, Arrays.copyOf(buf, len));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPacketsAreRejected(SrtpProfile profile) {
        SrtpKeys k = keys(profile, 3);
        SrtpSession sender = SrtpSession.forClient(k);
        SrtpSession receiver = SrtpSession.forServer(k);
        byte[] buf = rtp(7, 1, SSRC, 100, 9);
        int len = sender.protectRtp(buf, 0, 112);
        buf[50] ^= 1;
        assertEquals(-1, receiver.unprotectRtp(buf, 0, len));

        byte[] rtcp = rtcp(SSRC, 2);
        int rtcpLen = sender.protectRtcp(rtcp, 0, 16);
        rtcp[rtcpLen - 1] ^= 0x40;
        assertEquals(-1, receiver.unprotectRtcp(rtcp, 0, rtcpLen));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreRejected(SrtpProfile profile) {
        SrtpKeys k = keys(profile, 4);
        SrtpSession sender = SrtpSession.forClient(k);
        SrtpSession receiver = SrtpSession.forServer(k);
        byte[] buf = rtp(42, 1, SSRC, 50, 1);
        int len = sender.protectRtp(buf, 0, 62);
        byte[] copy = buf.clone();
        assertEquals(62, receiver.unprotectRtp(buf, 0, len));
        assertEquals(-1, receiver.unprotectRtp(copy, 0, len));

        byte[] rtcp = rtcp(SSRC, 1);
        int rtcpLen = sender.protectRtcp(rtcp, 0, 12);
        byte[] rtcpCopy = rtcp.clone();
        assertEquals(12, receiver.unprotectRtcp(rtcp, 0, rtcpLen));
        assertEquals(-1, receiver.unprotectRtcp(rtcpCopy, 0, rtcpLen));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void headroomGuardThrowsInsteadOfLeakingClearText(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.forClient(keys(profile, 5));
        byte[] tight = Arrays.copyOf(rtp(1, 1, SSRC, 100, 1), 112 + profile.rtpOverhead() - 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sender.protectRtp(tight, 0, 112));
        assertTrue(e.getMessage().contains("spare bytes"), e.getMessage());
        assertEquals(1, tight[13] - tight[12], "payload untouched");

        byte[] rtcpTight = Arrays.copyOf(rtcp(SSRC, 2), 16 + profile.rtcpOverhead() - 1);
        assertThrows(IllegalStateException.class, () -> sender.protectRtcp(rtcpTight, 0, 16));
        byte[] exact = Arrays.copyOf(rtp(1, 1, SSRC, 100, 1), 112 + profile.rtpOverhead());
        assertEquals(112 + profile.rtpOverhead(), sender.protectRtp(exact, 0, 112));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void thousandPacketsAcrossSequenceWraparound(SrtpProfile profile) {
        SrtpKeys k = keys(profile, 6);
        SrtpSession sender = SrtpSession.forServer(k);
        SrtpSession receiver = SrtpSession.forClient(k);
        int offset = 5;
        for (int i = 0; i < 1000; i++) {
            int seq = (65_000 + i) & 0xffff;
            byte[] packet = rtp(seq, 3000L * i, SSRC, 160, i);
            byte[] buf = new byte[offset + packet.length];
            System.arraycopy(packet, 0, buf, offset, packet.length);
            byte[] plain = Arrays.copyOfRange(buf, offset, offset + 172);
            int len = sender.protectRtp(buf, offset, 172);
            assertFalse(Arrays.equals(plain, 12, 172, buf, offset + 12, offset + 172), "seq " + seq);
            assertEquals(172, receiver.unprotectRtp(buf, offset, len), "seq " + seq);
            assertArrayEquals(plain, Arrays.copyOfRange(buf, offset, offset + 172), "seq " + seq);
        }
    }

    @Test
    void malformedInputReturnsMinusOne() {
        SrtpSession receiver = SrtpSession.forServer(keys(SrtpProfile.AEAD_AES_128_GCM, 7));
        assertEquals(-1, receiver.unprotectRtp(new byte[40], 0, 5));
        assertEquals(-1, receiver.unprotectRtcp(new byte[40], 0, 10));
        byte[] junk = new byte[200];
        new Random(8).nextBytes(junk);
        assertEquals(-1, receiver.unprotectRtp(junk, 0, 200));
        assertEquals(-1, receiver.unprotectRtcp(junk, 0, 200));
    }

    @Test
    void contextsPerSsrcAreIndependent() {
        SrtpKeys k = keys(SrtpProfile.AEAD_AES_128_GCM, 9);
        SrtpSession sender = SrtpSession.forClient(k);
        SrtpSession receiver = SrtpSession.forServer(k);
        for (int ssrc = 1; ssrc <= 20; ssrc++) {
            byte[] buf = rtp(10, 10, ssrc, 30, ssrc);
            int len = sender.protectRtp(buf, 0, 42);
            assertEquals(42, receiver.unprotectRtp(buf, 0, len), "ssrc " + ssrc);
        }
    }
}
