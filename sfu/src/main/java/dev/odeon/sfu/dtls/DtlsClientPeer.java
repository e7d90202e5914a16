package dev.odeon.sfu.dtls;

import dev.odeon.sfu.srtp.SrtpKeys;
import dev.odeon.sfu.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * BouncyCastle client callbacks for one DTLS-SRTP handshake (tests and the load generator): DTLS 1.2 only,
 * ECDHE-ECDSA, offers the given SRTP profiles in order, presents our certificate and checks the server's
 * against the SDP fingerprint. Runs on the handshake task's thread; results are read afterwards.
 */
final class DtlsClientPeer extends DefaultTlsClient {
    private final DtlsCertificate local;
    private final String expectedFingerprint;
    private final int handshakeTimeoutMillis;
    private final List<SrtpProfile> offered;
    private SrtpProfile selected;
    private volatile SrtpKeys keys;
    private volatile String failureReason;

    DtlsClientPeer(DtlsCertificate local, String expectedFingerprint, int handshakeTimeoutMillis,
            List<SrtpProfile> offered) {
        super(DtlsSrtpSupport.CRYPTO);
        this.local = local;
        this.expectedFingerprint = expectedFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.offered = List.copyOf(offered);
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
    @SuppressWarnings("unchecked")
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        int[] ids = offered.stream().mapToInt(SrtpProfile::useSrtpId).toArray();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        SrtpProfile profile = chosen == null || chosen.getProtectionProfiles().length != 1 ? null
                : SrtpProfile.fromUseSrtpId(chosen.getProtectionProfiles()[0]);
        if (profile == null || !offered.contains(profile)) {
            failureReason = "server did not select one of the offered SRTP protection profiles";
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, failureReason);
        }
        selected = profile;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                String problem = DtlsSrtpSupport.checkPeerCertificate(serverCertificate.getCertificate(),
                        expectedFingerprint, "server");
                if (problem != null) {
                    failureReason = problem;
                    throw DtlsSrtpSupport.badCertificate(problem);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return DtlsSrtpSupport.signer(context, local);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = DtlsSrtpSupport.exportKeys(context, selected);
    }
}
