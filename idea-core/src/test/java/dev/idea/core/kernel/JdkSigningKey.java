package dev.idea.core.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.testkit.JdkSignatures;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;

/** A signing key backed by a JDK key pair, standing in for a KMS key in tests. */
final class JdkSigningKey implements SigningKey {
    private final SignatureAlgorithm algorithm;
    private final KeyPair keyPair;
    private final AtomicInteger signatures = new AtomicInteger();

    JdkSigningKey(SignatureAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.keyPair = JdkSignatures.generate(algorithm);
    }

    @Override
    public VerificationKey publicKey() {
        return JdkSignatures.verificationKey(algorithm, keyPair.getPublic());
    }

    @Override
    public Bytes sign(Bytes data) {
        signatures.incrementAndGet();
        return JdkSignatures.sign(algorithm, keyPair.getPrivate(), data);
    }

    int signatures() {
        return signatures.get();
    }
}
