package dev.odeon.sfu.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

/**
 * A self-signed ECDSA P-256 certificate and its private key: the DTLS identity of one Odeon server (or
 * of one test/load-generator client). Peers authenticate it by the SHA-256 fingerprint carried in SDP
 * ({@code a=fingerprint:sha-256 AB:CD:...}, RFC 8122 §5), not by a CA chain. Immutable and thread-safe;
 * generate one at start and share it across endpoints.
 */
public final class DtlsCertificate {
    /** How long a generated certificate is valid. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] der;
    private final AsymmetricKeyParameter privateKey;
    private final String fingerprint;

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey) {
        this.der = der;
        this.privateKey = privateKey;
        this.fingerprint = fingerprintSha256(der);
    }

    /**
     * Generates a fresh key pair and certificate (CN=odeon, random serial), valid from a day before
     * {@code now} for {@link #VALIDITY}. The caller reads the wall clock (the UDP adapter does, at start).
     */
    public static DtlsCertificate generate(Instant now) {
        // Named-curve parameters, so the certificate carries the secp256r1 OID: browsers and the JDK
        // reject explicit curve parameters.
        X9ECParameters curve = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
        ECDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        try {
            X500Name name = new X500Name("CN=odeon");
            BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()));
            AlgorithmIdentifier signature = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
            byte[] der = builder.build(new BcECContentSignerBuilder(signature, digest).build(pair.getPrivate()))
                    .getEncoded();
            return new DtlsCertificate(der, pair.getPrivate());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("self-signed certificate generation failed", e);
        }
    }

    /** The SHA-256 fingerprint as uppercase hex pairs joined by ':', as SDP carries it. */
    public String fingerprintSha256() {
        return fingerprint;
    }

    /** The DER encoding of the certificate (a copy). */
    public byte[] encoded() {
        return der.clone();
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    byte[] der() {
        return der;
    }

    /** SHA-256 fingerprint of a DER certificate, formatted "AB:CD:...". */
    public static String fingerprintSha256(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /** Whether two fingerprints name the same certificate: case-insensitive, surrounding blanks ignored. */
    public static boolean fingerprintsMatch(String expected, String actual) {
        return expected != null && actual != null
                && expected.trim().toUpperCase(Locale.ROOT).equals(actual.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "DtlsCertificate[sha-256 " + fingerprint + "]";
    }
}
