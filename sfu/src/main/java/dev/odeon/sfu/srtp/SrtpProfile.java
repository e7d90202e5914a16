package dev.odeon.sfu.srtp;

import org.jitsi.srtp.SrtpPolicy;

/**
 * The SRTP protection profiles Odeon negotiates in the DTLS {@code use_srtp} extension
 * (RFC 5764 §4.1.2, RFC 7714 §14.2), in order of preference. Immutable.
 */
public enum SrtpProfile {
    /** RFC 7714: AES-128 in GCM mode, 16-byte tag; the cheaper suite on this hardware. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16),
    /** RFC 3711/5764: AES-128 counter mode with an 80-bit HMAC-SHA1 tag. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10);

    private final int useSrtpId;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;

    SrtpProfile(int useSrtpId, int keyLength, int saltLength, int tagLength) {
        this.useSrtpId = useSrtpId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
    }

    /** The SRTPProtectionProfile value carried in {@code use_srtp}. */
    public int useSrtpId() {
        return useSrtpId;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Authentication tag length in bytes, for SRTP and SRTCP alike. */
    public int tagLength() {
        return tagLength;
    }

    /** Bytes SRTP protect appends to an RTP packet: the tag. */
    public int rtpOverhead() {
        return tagLength;
    }

    /** Bytes SRTCP protect appends to an RTCP packet: the E flag + SRTCP index word, then the tag. */
    public int rtcpOverhead() {
        return 4 + tagLength;
    }

    /** The profile with this {@code use_srtp} id, or null if Odeon does not support it. */
    public static SrtpProfile fromUseSrtpId(int id) {
        for (SrtpProfile p : values()) {
            if (p.useSrtpId == id) {
                return p;
            }
        }
        return null;
    }

    /** A fresh jitsi-srtp policy for this profile; replay protection is configured by the caller. */
    SrtpPolicy newPolicy() {
        if (this == AEAD_AES_128_GCM) {
            return new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLength,
                    SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, saltLength);
        }
        // HMAC-SHA1 authentication key is 160 bits (RFC 3711 §8.2).
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, keyLength,
                SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tagLength, saltLength);
    }
}
