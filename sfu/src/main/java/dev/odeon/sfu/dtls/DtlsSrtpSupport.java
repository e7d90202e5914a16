package dev.odeon.sfu.dtls;

import dev.odeon.sfu.srtp.SrtpKeys;
import dev.odeon.sfu.srtp.SrtpProfile;
import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What the DTLS server and client peers share: the cipher suites, the signer for our certificate, the
 * peer fingerprint check and the RFC 5764 §4.2 key export. Stateless; safe from any thread.
 */
final class DtlsSrtpSupport {
    /** One crypto instance for all endpoints: BcTlsCrypto holds only its SecureRandom. */
    static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());

    /** ECDHE-ECDSA only (our certificate is ECDSA P-256), AES-128-GCM first as Chrome prefers. */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    };

    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private DtlsSrtpSupport() {
    }

    static TlsCredentialedSigner signer(TlsContext context, DtlsCertificate local) throws IOException {
        TlsCertificate certificate = CRYPTO.createCertificate(local.der());
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), CRYPTO, local.privateKey(),
                new Certificate(new TlsCertificate[] {certificate}), ECDSA_SHA256);
    }

    /**
     * Checks the peer's end-entity certificate against the fingerprint from its SDP; returns null when it
     * matches, otherwise the reason to fail with (the caller raises {@link #badCertificate}).
     */
    static String checkPeerCertificate(Certificate chain, String expectedFingerprint, String who) {
        if (chain == null || chain.isEmpty()) {
            return who + " sent no certificate";
        }
        String actual;
        try {
            actual = DtlsCertificate.fingerprintSha256(chain.getCertificateAt(0).getEncoded());
        } catch (IOException e) {
            return who + " certificate could not be encoded: " + e.getMessage();
        }
        if (!DtlsCertificate.fingerprintsMatch(expectedFingerprint, actual)) {
            return who + " certificate fingerprint mismatch: expected sha-256 " + expectedFingerprint
                    + ", got " + actual;
        }
        return null;
    }

    static TlsFatalAlert badCertificate(String reason) {
        return new TlsFatalAlert(AlertDescription.bad_certificate, reason);
    }

    /** Exports the SRTP master keys and salts once the handshake is complete (RFC 5764 §4.2). */
    static SrtpKeys exportKeys(TlsContext context, SrtpProfile profile) {
        int length = 2 * (profile.keyLength() + profile.saltLength());
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, length);
        return SrtpKeys.fromKeyingMaterial(profile, material);
    }
}
