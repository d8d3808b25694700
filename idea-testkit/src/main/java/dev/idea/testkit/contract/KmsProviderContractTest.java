package dev.idea.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.Kms;
import dev.idea.spi.kms.KmsContext;
import dev.idea.spi.kms.KmsProvider;
import dev.idea.testkit.JdkSignatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link KmsProvider} must meet; extend it in your provider's tests.
 *
 * <p>Each test opens a fresh {@link Kms} from {@link #provider()} and {@link #context(Path)} (with a
 * new temporary directory) and closes it afterwards. Signatures are checked with the JDK's own
 * providers ({@link JdkSignatures}): Ed25519 as pure Ed25519, ECDSA P-256 as
 * {@code SHA256withECDSA} with an ASN.1 DER signature, as the {@link Kms} interface requires.
 *
 * <p>Instances are created by JUnit, one per test method; they are not meant to be shared.
 *
 * @since 0.1
 */
public abstract class KmsProviderContractTest {
    private static final int THREADS = 8;
    private static final int SIGNATURES_PER_THREAD = 16;

    private Kms kms;

    /** Creates the kit; called by the subclass. */
    protected KmsProviderContractTest() {
    }

    /**
     * Returns the provider under test.
     *
     * @return a provider instance
     */
    protected abstract KmsProvider provider();

    /**
     * Returns the context to open the provider with.
     *
     * @param tempDir a fresh, empty directory for this test, usable as data directory
     * @return the context
     */
    protected abstract KmsContext context(Path tempDir);

    /**
     * Returns keys that exist in the opened KMS, at least one per algorithm the provider supports.
     * Called after the KMS is opened; {@link #kms()} is available.
     *
     * @return existing key references
     */
    protected abstract List<KeyRef> keys();

    /**
     * Returns a reference to a key that does not exist in the opened KMS.
     *
     * @return an unknown key reference
     */
    protected KeyRef unknownKey() {
        return KeyRef.of("idea-contract-test-no-such-key-7f3a9c");
    }

    /**
     * Returns the KMS opened for the current test.
     *
     * @return the open KMS
     */
    protected final Kms kms() {
        return kms;
    }

    /**
     * Opens the KMS for one test.
     *
     * @param tempDir a fresh temporary directory
     */
    @BeforeEach
    public void openKms(@TempDir Path tempDir) {
        kms = provider().open(context(tempDir));
        assertNotNull(kms, "KmsProvider.open returned null");
    }

    /** Closes the KMS after one test. */
    @AfterEach
    public void closeKms() {
        if (kms != null) {
            kms.close();
        }
    }

    /** The id is a stable name of lowercase letters, digits and '-'. */
    @Test
    public void id_ofProvider_isLowercaseNameAndStable() {
        String id = provider().id();
        assertNotNull(id, "provider id");
        assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "provider id \"" + id
                + "\" must be lowercase letters and digits, with single '-' between words");
        assertEquals(id, provider().id(), "provider id must not change");
    }

    /** The kit needs at least one key to exercise. */
    @Test
    public void keys_ofOpenedKms_areNotEmpty() {
        assertFalse(keys().isEmpty(), "keys() must name at least one existing key, one per supported algorithm");
    }

    /** A key's algorithm is the algorithm of its public key. */
    @Test
    public void algorithm_eachKey_equalsPublicKeyAlgorithm() {
        for (KeyRef key : keys()) {
            assertEquals(kms.algorithm(key), kms.publicKey(key).algorithm(), "algorithm of key " + key);
        }
    }

    /** The public key is a DER SubjectPublicKeyInfo the JDK decodes as a key of the pinned algorithm. */
    @Test
    public void publicKey_eachKey_decodesWithJdkAsItsAlgorithm() {
        for (KeyRef key : keys()) {
            assertNotNull(JdkSignatures.decode(kms.publicKey(key)), "public key of " + key);
        }
    }

    /** The public key does not change between calls. */
    @Test
    public void publicKey_calledTwice_isEqual() {
        for (KeyRef key : keys()) {
            assertEquals(kms.publicKey(key), kms.publicKey(key), "public key of " + key);
        }
    }

    /** A signature verifies with the JDK under the key's public key. */
    @Test
    public void sign_eachKey_verifiesWithJdk() {
        Bytes data = Bytes.utf8("{\"manifestId\":\"m-1\",\"target\":\"payments-api\"}");
        for (KeyRef key : keys()) {
            VerificationKey publicKey = kms.publicKey(key);
            Bytes sig = kms.sign(key, data);
            assertTrue(JdkSignatures.verify(publicKey, data, sig), "signature by " + key + " (" + publicKey.algorithm().id()
                    + ") does not verify with the JDK" + (publicKey.algorithm() == SignatureAlgorithm.ECDSA_P256_SHA256
                    ? "; ECDSA signatures must be ASN.1 DER" : ""));
            if (publicKey.algorithm() == SignatureAlgorithm.ED25519) {
                assertEquals(64, sig.size(), "Ed25519 signature length");
            }
        }
    }

    /** A signature over one message does not verify over another. */
    @Test
    public void sign_differentData_signatureDoesNotVerifyOtherData() {
        Bytes first = Bytes.utf8("first message");
        Bytes second = Bytes.utf8("second message");
        for (KeyRef key : keys()) {
            VerificationKey publicKey = kms.publicKey(key);
            Bytes firstSig = kms.sign(key, first);
            Bytes secondSig = kms.sign(key, second);
            assertFalse(JdkSignatures.verify(publicKey, second, firstSig), "signature over other data verified, key " + key);
            assertFalse(JdkSignatures.verify(publicKey, first, secondSig), "signature over other data verified, key " + key);
        }
    }

    /** Zero bytes can be signed. */
    @Test
    public void sign_emptyData_verifies() {
        for (KeyRef key : keys()) {
            Bytes sig = kms.sign(key, Bytes.empty());
            assertTrue(JdkSignatures.verify(kms.publicKey(key), Bytes.empty(), sig), "signature over empty data, key " + key);
        }
    }

    /** Signing with an unknown key fails with KEY_NOT_FOUND. */
    @Test
    public void sign_unknownKey_throwsKeyNotFound() {
        assertKeyNotFound(() -> kms.sign(unknownKey(), Bytes.utf8("data")));
    }

    /** Asking the algorithm of an unknown key fails with KEY_NOT_FOUND. */
    @Test
    public void algorithm_unknownKey_throwsKeyNotFound() {
        assertKeyNotFound(() -> kms.algorithm(unknownKey()));
    }

    /** Asking the public key of an unknown key fails with KEY_NOT_FOUND. */
    @Test
    public void publicKey_unknownKey_throwsKeyNotFound() {
        assertKeyNotFound(() -> kms.publicKey(unknownKey()));
    }

    /**
     * Eight threads signing distinct messages at once all get signatures that verify.
     *
     * @throws Exception when a thread is interrupted
     */
    @Test
    public void sign_eightThreadsConcurrently_allSignaturesVerify() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (KeyRef key : keys()) {
                VerificationKey publicKey = kms.publicKey(key);
                List<Callable<List<Boolean>>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    tasks.add(() -> signAndVerify(key, publicKey, thread));
                }
                for (Future<List<Boolean>> result : pool.invokeAll(tasks)) {
                    assertFalse(unwrap(result).contains(false), "a concurrent signature by " + key + " does not verify");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Closing twice is harmless. */
    @Test
    public void close_calledTwice_doesNotThrow() {
        kms.close();
        kms.close();
    }

    private List<Boolean> signAndVerify(KeyRef key, VerificationKey publicKey, int thread) {
        List<Boolean> verified = new ArrayList<>();
        for (int i = 0; i < SIGNATURES_PER_THREAD; i++) {
            Bytes data = Bytes.utf8("thread " + thread + " message " + i);
            verified.add(JdkSignatures.verify(publicKey, data, kms.sign(key, data)));
        }
        return verified;
    }

    static <T> T unwrap(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
        }
    }

    private void assertKeyNotFound(Executable call) {
        ProviderException e = assertThrows(ProviderException.class, call, "unknown key " + unknownKey());
        assertEquals(ErrorCode.KEY_NOT_FOUND, e.errorCode(), "error code for unknown key: " + e.getMessage());
    }
}
