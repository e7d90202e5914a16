package dev.odeon.sfu.srtp;

import java.lang.reflect.Field;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.HmacSha1;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;
import org.slf4j.LoggerFactory;

/**
 * Forces jitsi-srtp onto the pure-Java SunJCE provider, once per JVM, before any crypto context exists.
 *
 * <p>Why: jitsi-srtp's bundled OpenSSL path measured 1.5–2x slower than SunJCE on these machines (SunJCE
 * uses the VAES/CLMUL intrinsics; see floor.md note 1). {@link Aes#setFactoryClassName} selects SunJCE for
 * the AES ciphers, but {@code HmacSha1} and the GCM auth-only cipher of {@code SrtpCryptoContext} switch to
 * OpenSSL whenever {@link JitsiOpenSslProvider#isLoaded()} is true, and jitsi-srtp 1.1-23 has no property
 * to stop the native library from loading. So, as the floor benchmark did, we clear its private
 * {@code libraryLoaded} flag by reflection (and {@code HmacSha1}'s cached provider list, should anything
 * have built it already). If that ever fails, we log a warning and {@link #PROVIDERS} reports the truth.
 */
final class JceCrypto {
    static final Logger JITSI_LOGGER = new LoggerImpl("dev.odeon.sfu.srtp.jitsi");
    static final SrtpSession.CryptoProviders PROVIDERS;

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(JceCrypto.class);
    private static final String SUN_JCE_FACTORY = "org.jitsi.srtp.crypto.Aes$SunJCECipherFactory";

    static {
        Aes.setFactoryClassName(SUN_JCE_FACTORY);
        disableOpenSsl();
        PROVIDERS = new SrtpSession.CryptoProviders(
                Aes.createCipher("AES/GCM/NoPadding").getProvider().getName(),
                Aes.createCipher("AES/CTR/NoPadding").getProvider().getName(),
                HmacSha1.createMac(JITSI_LOGGER).getProvider().getName(),
                JitsiOpenSslProvider.isLoaded());
        if (PROVIDERS.isJceOnly()) {
            LOG.info("SRTP crypto providers: {}", PROVIDERS);
        } else {
            LOG.warn("SRTP crypto is not pure SunJCE (slower here): {}", PROVIDERS);
        }
    }

    private JceCrypto() {
    }

    /** Runs the static initialiser; call before creating any jitsi-srtp context. */
    static void ensureInstalled() {
        // Class initialisation does the work; this method only gives callers a name to call.
    }

    private static void disableOpenSsl() {
        if (!JitsiOpenSslProvider.isLoaded()) {
            return;
        }
        try {
            Field loaded = JitsiOpenSslProvider.class.getDeclaredField("libraryLoaded");
            loaded.setAccessible(true);
            loaded.setBoolean(null, false);
            Field providers = HmacSha1.class.getDeclaredField("providers");
            providers.setAccessible(true);
            providers.set(null, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not disable jitsi-srtp's OpenSSL provider; SRTP will run on it", e);
        }
    }
}
