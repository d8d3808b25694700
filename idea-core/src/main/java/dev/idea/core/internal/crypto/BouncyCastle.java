package dev.idea.core.internal.crypto;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Holds IDEA's private BouncyCastle provider instance.
 *
 * <p>The provider is never registered with {@code Security.addProvider}, so IDEA does not change
 * the JVM's provider list for the host application. It is created on first use because its
 * construction is slow. Thread-safe.
 */
final class BouncyCastle {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }

    static Signature signature(String algorithm) {
        try {
            return Signature.getInstance(algorithm, PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("BouncyCastle provider lacks " + algorithm + "; check the bcprov version", e);
        }
    }

    static KeyFactory keyFactory(String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm, PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("BouncyCastle provider lacks " + algorithm + "; check the bcprov version", e);
        }
    }
}
