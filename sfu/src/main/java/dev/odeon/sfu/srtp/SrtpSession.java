package dev.odeon.sfu.srtp;

import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;

/**
 * SRTP/SRTCP for one DTLS-SRTP association (RFC 3711, RFC 7714, keys per RFC 5764 §4.2): protects what we
 * send with our write keys and unprotects what we receive with the peer's, in place, one jitsi-srtp crypto
 * context per SSRC and direction derived on first use.
 *
 * <p><b>Headroom invariant.</b> Protect appends the auth tag (SRTP) or the SRTCP index word plus the tag
 * (SRTCP) after {@code off + len}, so every outbound buffer needs {@link #MAX_OVERHEAD} spare bytes after
 * the packet. Protect checks this and throws {@link IllegalStateException} when it is broken, because
 * jitsi-srtp's GCM path with SunJCE silently leaves the payload in clear when there is no room.
 *
 * <p><b>Results.</b> Every method returns the packet's new length, or -1 when the packet is malformed,
 * fails authentication, is a replay (inbound replay protection is on), or its SSRC cannot get a context.
 * Bad network input never throws. Outbound replay checks are off, so a NACKed packet can be protected again.
 *
 * <p>Threading: owned by one event-loop thread; not thread-safe.
 */
public final class SrtpSession {
    /** Spare bytes an outbound SRTP (RTP) packet needs after its end: the largest tag (GCM, 16). */
    public static final int RTP_MAX_OVERHEAD = 16;
    /**
     * Spare bytes every outbound buffer must have after {@code off + len} for any protect call: the SRTCP
     * E flag + index word (4) plus the largest tag (16). Allocate packets with at least this headroom.
     */
    public static final int MAX_OVERHEAD = 4 + 16;
    /** Crypto contexts per direction and packet kind; SSRCs past this are dropped (-1). */
    public static final int MAX_SSRCS = 256;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpProfile profile;
    private final SrtpContextFactory sendFactory;
    private final SrtpContextFactory receiveFactory;
    private final SsrcTable<SrtpCryptoContext> rtpSend = new SsrcTable<>(MAX_SSRCS);
    private final SsrcTable<SrtpCryptoContext> rtpReceive = new SsrcTable<>(MAX_SSRCS);
    private final SsrcTable<SrtcpCryptoContext> rtcpSend = new SsrcTable<>(MAX_SSRCS);
    private final SsrcTable<SrtcpCryptoContext> rtcpReceive = new SsrcTable<>(MAX_SSRCS);
    private final PacketBuffer packet = new PacketBuffer();

    private SrtpSession(SrtpProfile profile, byte[] sendKey, byte[] sendSalt, byte[] receiveKey,
            byte[] receiveSalt) {
        JceCrypto.ensureInstalled();
        this.profile = profile;
        SrtpPolicy sendPolicy = profile.newPolicy();
        sendPolicy.setSendReplayEnabled(false);
        SrtpPolicy receivePolicy = profile.newPolicy();
        receivePolicy.setReceiveReplayEnabled(true);
        this.sendFactory = new SrtpContextFactory(true, sendKey, sendSalt, sendPolicy, sendPolicy,
                JceCrypto.JITSI_LOGGER);
        this.receiveFactory = new SrtpContextFactory(false, receiveKey, receiveSalt, receivePolicy,
                receivePolicy, JceCrypto.JITSI_LOGGER);
    }

    /** The session of the DTLS server (our SFU): sends with the server keys, receives with the client's. */
    public static SrtpSession forServer(SrtpKeys keys) {
        return new SrtpSession(keys.profile(), keys.serverKey(), keys.serverSalt(), keys.clientKey(),
                keys.clientSalt());
    }

    /** The session of the DTLS client (tests, load generator): the mirror image of {@link #forServer}. */
    public static SrtpSession forClient(SrtpKeys keys) {
        return new SrtpSession(keys.profile(), keys.clientKey(), keys.clientSalt(), keys.serverKey(),
                keys.serverSalt());
    }

    /** The negotiated profile. */
    public SrtpProfile profile() {
        return profile;
    }

    /** Encrypts and authenticates an RTP packet in place; needs {@link SrtpProfile#rtpOverhead()} spare bytes. */
    public int protectRtp(byte[] buf, int off, int len) {
        checkRange(buf, off, len);
        requireHeadroom(buf, off, len, profile.rtpOverhead(), "RTP");
        if (len < RTP_HEADER) {
            return -1;
        }
        int ssrc = readInt(buf, off + 8);
        SrtpCryptoContext context = rtpSend.get(ssrc);
        if (context == null) {
            context = deriveRtp(sendFactory, ssrc);
            if (!rtpSend.put(ssrc, context)) {
                return -1;
            }
        }
        try {
            SrtpErrorStatus status = context.transformPacket(packet.wrap(buf, off, len));
            return checkedProtectLength(status, len + profile.rtpOverhead(), "SRTP");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTP protect failed", e);
        } finally {
            packet.release();
        }
    }

    /** Authenticates and decrypts an SRTP packet in place; returns the RTP length or -1. */
    public int unprotectRtp(byte[] buf, int off, int len) {
        checkRange(buf, off, len);
        if (len < RTP_HEADER + profile.tagLength()) {
            return -1;
        }
        int ssrc = readInt(buf, off + 8);
        SrtpCryptoContext context = rtpReceive.get(ssrc);
        // A context for a new SSRC is kept only once a packet has authenticated with it, so forged
        // packets cannot fill the table.
        boolean fresh = context == null;
        if (fresh) {
            context = deriveRtp(receiveFactory, ssrc);
        }
        try {
            SrtpErrorStatus status = context.reverseTransformPacket(packet.wrap(buf, off, len), false);
            if (status != SrtpErrorStatus.OK || (fresh && !rtpReceive.put(ssrc, context))) {
                return -1;
            }
            return packet.getLength();
        } catch (GeneralSecurityException | RuntimeException e) {
            return -1;
        } finally {
            packet.release();
        }
    }

    /** Encrypts and authenticates an RTCP compound packet in place; needs {@link SrtpProfile#rtcpOverhead()}. */
    public int protectRtcp(byte[] buf, int off, int len) {
        checkRange(buf, off, len);
        requireHeadroom(buf, off, len, profile.rtcpOverhead(), "RTCP");
        if (len < RTCP_HEADER) {
            return -1;
        }
        int ssrc = readInt(buf, off + 4);
        SrtcpCryptoContext context = rtcpSend.get(ssrc);
        if (context == null) {
            context = deriveRtcp(sendFactory, ssrc);
            if (!rtcpSend.put(ssrc, context)) {
                return -1;
            }
        }
        try {
            SrtpErrorStatus status = context.transformPacket(packet.wrap(buf, off, len));
            return checkedProtectLength(status, len + profile.rtcpOverhead(), "SRTCP");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTCP protect failed", e);
        } finally {
            packet.release();
        }
    }

    /** Authenticates and decrypts an SRTCP packet in place; returns the RTCP length or -1. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        checkRange(buf, off, len);
        if (len < RTCP_HEADER + profile.rtcpOverhead()) {
            return -1;
        }
        int ssrc = readInt(buf, off + 4);
        SrtcpCryptoContext context = rtcpReceive.get(ssrc);
        boolean fresh = context == null;
        if (fresh) {
            context = deriveRtcp(receiveFactory, ssrc);
        }
        try {
            SrtpErrorStatus status = context.reverseTransformPacket(packet.wrap(buf, off, len));
            if (status != SrtpErrorStatus.OK || (fresh && !rtcpReceive.put(ssrc, context))) {
                return -1;
            }
            return packet.getLength();
        } catch (GeneralSecurityException | RuntimeException e) {
            return -1;
        } finally {
            packet.release();
        }
    }

    /** Forgets the master keys. The session must not be used afterwards. */
    public void close() {
        sendFactory.close();
        receiveFactory.close();
    }

    /** Which JCA providers jitsi-srtp uses in this JVM (forced to SunJCE on first use of this class). */
    public static CryptoProviders cryptoProviders() {
        return JceCrypto.PROVIDERS;
    }

    /** The providers behind AES-GCM, AES-CTR and HMAC-SHA1, and whether jitsi's OpenSSL path is active. */
    public record CryptoProviders(String aesGcm, String aesCtr, String hmacSha1, boolean openSslActive) {
        /** True when every primitive runs on SunJCE and the OpenSSL path is off. */
        public boolean isJceOnly() {
            return !openSslActive && "SunJCE".equals(aesGcm) && "SunJCE".equals(aesCtr)
                    && "SunJCE".equals(hmacSha1);
        }
    }

    private int checkedProtectLength(SrtpErrorStatus status, int expected, String what) {
        if (status != SrtpErrorStatus.OK) {
            return -1;
        }
        // Belt and braces for the GCM trap: a protect that did not append its tag left clear text.
        if (packet.getLength() != expected) {
            throw new IllegalStateException(what + " protect invariant broken: length " + packet.getLength()
                    + ", expected " + expected);
        }
        return expected;
    }

    private static SrtpCryptoContext deriveRtp(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTP context derivation failed", e);
        }
    }

    private static SrtcpCryptoContext deriveRtcp(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTCP context derivation failed", e);
        }
    }

    private static void requireHeadroom(byte[] buf, int off, int len, int need, String what) {
        int spare = buf.length - off - len;
        if (spare < need) {
            throw new IllegalStateException(what + " protect needs " + need + " spare bytes after off+len"
                    + " (allocate SrtpSession.MAX_OVERHEAD); the buffer has " + spare);
        }
    }

    private static void checkRange(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new IllegalArgumentException("off " + off + " len " + len + " outside a buffer of "
                    + buf.length);
        }
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }
}
