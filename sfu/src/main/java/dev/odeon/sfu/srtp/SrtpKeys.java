package dev.odeon.sfu.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Master keys and salts exported from a DTLS-SRTP handshake (RFC 5764 §4.2): the keying material
 * {@code client_write_SRTP_master_key | server_write_SRTP_master_key | client_write_SRTP_master_salt |
 * server_write_SRTP_master_salt}, split per the negotiated {@link SrtpProfile}. "Client" and "server"
 * are the DTLS roles. The arrays are copied on construction and on access; the record is immutable.
 */
public record SrtpKeys(SrtpProfile profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey,
        byte[] serverSalt) {

    public SrtpKeys {
        Objects.requireNonNull(profile, "profile");
        clientKey = checked(clientKey, profile.keyLength(), "clientKey");
        serverKey = checked(serverKey, profile.keyLength(), "serverKey");
        clientSalt = checked(clientSalt, profile.saltLength(), "clientSalt");
        serverSalt = checked(serverSalt, profile.saltLength(), "serverSalt");
    }

    /**
     * Splits exported keying material laid out as RFC 5764 §4.2 specifies; its length must be
     * {@code 2 * (keyLength + saltLength)}.
     */
    public static SrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != 2 * (k + s)) {
            throw new IllegalArgumentException("keying material must be " + 2 * (k + s) + " bytes");
        }
        return new SrtpKeys(profile,
                Arrays.copyOfRange(material, 0, k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public byte[] clientKey() {
        return clientKey.clone();
    }

    @Override
    public byte[] clientSalt() {
        return clientSalt.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public byte[] serverSalt() {
        return serverSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeys other && profile == other.profile
                && Arrays.equals(clientKey, other.clientKey) && Arrays.equals(clientSalt, other.clientSalt)
                && Arrays.equals(serverKey, other.serverKey) && Arrays.equals(serverSalt, other.serverSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(clientKey), Arrays.hashCode(serverKey));
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SrtpKeys[" + profile + "]";
    }

    private static byte[] checked(byte[] b, int length, String name) {
        Objects.requireNonNull(b, name);
        if (b.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, was " + b.length);
        }
        return b.clone();
    }
}
