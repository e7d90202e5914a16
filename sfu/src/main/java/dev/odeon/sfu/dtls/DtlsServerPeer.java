package dev.odeon.sfu.dtls;

import dev.odeon.sfu.srtp.SrtpKeys;
import dev.odeon.sfu.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * BouncyCastle server callbacks for one DTLS-SRTP handshake: DTLS 1.2 only, ECDHE-ECDSA, a required client
 * certificate checked against the SDP fingerprint, and {@code use_srtp} selection in {@link SrtpProfile}
 * order (GCM first). Runs on the handshake task's thread; results are read after the handshake returns.
 */
final class DtlsServerPeer extends DefaultTlsServer {
    private final DtlsCertificate local;
    private final String expectedFingerprint;
    private final int handshakeTimeoutMillis;
    private SrtpProfile selected;
    private volatile SrtpKeys keys;
    private volatile String failureReason;

    DtlsServerPeer(DtlsCertificate local, String expectedFingerprint, int handshakeTimeoutMillis) {
        super(DtlsSrtpSupport.CRYPTO);
        this.local = local;
        this.expectedFingerprint = expectedFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    SrtpKeys srtpKeys() {
        return keys;
    }

    String failureReason() {
        return failureReason;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsSrtpSupport.CIPHER_SUITES);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return DtlsSrtpSupport.signer(context, local);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // WebRTC peers always present a (self-signed) certificate; RSA ones are still seen in the wild.
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        String problem = DtlsSrtpSupport.checkPeerCertificate(clientCertificate, expectedFingerprint, "client");
        if (problem != null) {
            failureReason = problem;
            throw DtlsSrtpSupport.badCertificate(problem);
        }
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        selected = offered == null ? null : choose(offered.getProtectionProfiles());
        if (selected == null) {
            failureReason = "client offered no supported SRTP protection profile";
            throw new TlsFatalAlert(AlertDescription.handshake_failure, failureReason);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {selected.useSrtpId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = DtlsSrtpSupport.exportKeys(context, selected);
    }

    /** Our preference order wins over the client's (RFC 5764 §4.1.1 leaves the choice to the server). */
    private static SrtpProfile choose(int[] offered) {
        for (SrtpProfile candidate : SrtpProfile.values()) {
            for (int id : offered) {
                if (id == candidate.useSrtpId()) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
