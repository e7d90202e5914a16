package dev.odeon.sfu.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Date;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
    @Test
    void generatesSelfSignedP256CertificateWithSdpFingerprint() throws Exception {
        DtlsCertificate cert = DtlsCertificate.generate(java.time.Instant.now());
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.encoded()));
        x509.verify(x509.getPublicKey());
        x509.checkValidity(new Date());
        assertEquals("CN=odeon", x509.getSubjectX500Principal().getName());
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        assertEquals(256, ((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertTrue(cert.fingerprintSha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), cert.fingerprintSha256());
        assertEquals(cert.fingerprintSha256(), DtlsCertificate.fingerprintSha256(cert.encoded()));
    }

    @Test
    void certificatesAreUnique() {
        DtlsCertificate a = DtlsCertificate.generate(java.time.Instant.now());
        DtlsCertificate b = DtlsCertificate.generate(java.time.Instant.now());
        assertNotEquals(a.fingerprintSha256(), b.fingerprintSha256());
    }

    @Test
    void fingerprintMatchingIsCaseInsensitive() {
        String f = DtlsCertificate.generate(java.time.Instant.now()).fingerprintSha256();
        assertTrue(DtlsCertificate.fingerprintsMatch(f.toLowerCase(), f));
        assertTrue(DtlsCertificate.fingerprintsMatch(" " + f + " ", f));
        assertFalse(DtlsCertificate.fingerprintsMatch(f.substring(3), f));
        assertFalse(DtlsCertificate.fingerprintsMatch(null, f));
    }
}
