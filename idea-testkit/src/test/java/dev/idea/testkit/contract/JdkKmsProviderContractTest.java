package dev.idea.testkit.contract;

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
import dev.idea.testkit.MutableClock;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs the KMS kit against a minimal JDK-backed KMS, to show the kit passes on a correct provider. */
class JdkKmsProviderContractTest extends KmsProviderContractTest {
    private static final KeyRef ED = KeyRef.of("ed");
    private static final KeyRef EC = KeyRef.of("ec");

    @Override
    protected KmsProvider provider() {
        return new JdkKmsProvider();
    }

    @Override
    protected KmsContext context(Path tempDir) {
        return new KmsContext(Map.of(), tempDir, MutableClock.at(Instant.EPOCH));
    }

    @Override
    protected List<KeyRef> keys() {
        return List.of(ED, EC);
    }

    private static final class JdkKmsProvider implements KmsProvider {
        @Override
        public String id() {
            return "jdk-test";
        }

        @Override
        public Kms open(KmsContext context) {
            return new JdkKms();
        }
    }

    private static final class JdkKms implements Kms {
        private final Map<KeyRef, SignatureAlgorithm> algorithms = Map.of(ED, SignatureAlgorithm.ED25519,
                EC, SignatureAlgorithm.ECDSA_P256_SHA256);
        private final Map<KeyRef, KeyPair> keys = Map.of(ED, JdkSignatures.generate(SignatureAlgorithm.ED25519),
                EC, JdkSignatures.generate(SignatureAlgorithm.ECDSA_P256_SHA256));

        @Override
        public SignatureAlgorithm algorithm(KeyRef key) {
            return find(algorithms, key);
        }

        @Override
        public VerificationKey publicKey(KeyRef key) {
            return JdkSignatures.verificationKey(algorithm(key), find(keys, key).getPublic());
        }

        @Override
        public Bytes sign(KeyRef key, Bytes data) {
            return JdkSignatures.sign(algorithm(key), find(keys, key).getPrivate(), data);
        }

        private static <T> T find(Map<KeyRef, T> map, KeyRef key) {
            T value = map.get(key);
            if (value == null) {
                throw new ProviderException(ErrorCode.KEY_NOT_FOUND, "no key " + key);
            }
            return value;
        }
    }
}
