package dev.idea.bench;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.api.VerifiedEnvelope;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DSSE sign and verify of a ~1 KB payload (the 1,027-byte canonical manifest-like document) through the public API with local KMS keys, beside bare
 * BouncyCastle signatures over the same PAE bytes.
 *
 * <ul>
 *   <li>{@link #sign}: {@code Idea.formats().sign} with one
 *       {@code EnvelopeSigner.of(keyId, pae -> kms.sign(ref, pae))} backed by {@link LocalKms}.</li>
 *   <li>{@link #verify}: {@code Idea.formats().verifyEnvelope} of that envelope against one
 *       trusted key, threshold 1.</li>
 *   <li>{@link #baselineSign} / {@link #baselineVerify}: for Ed25519 the BouncyCastle lightweight
 *       {@link Ed25519Signer}; for ECDSA P-256 {@code SHA256withECDSA} from a private
 *       BouncyCastle provider instance. Each signs or verifies the same PAE bytes with a
 *       pre-initialized signer, which is the cheapest a caller can do.</li>
 * </ul>
 *
 * <p>The bare ECDSA baseline draws its nonce from a {@link SecureRandom}, whereas the local KMS
 * derives it deterministically (RFC 6979, one HMAC-DRBG per signature), so the two sign figures
 * differ by that choice as well as by IDEA's overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class DsseBenchmark {
    /** The key algorithm of this run. */
    @Param({"ED25519", "ECDSA_P256_SHA256"})
    public SignatureAlgorithm algorithm;

    private IdeaFormats formats;
    private Bytes payload;
    private List<EnvelopeSigner> signers;
    private List<VerificationKey> trusted;
    private DsseEnvelope envelope;

    private byte[] pae;
    private Ed25519Signer bareEd25519Signer;
    private Ed25519Signer bareEd25519Verifier;
    private byte[] bareEd25519Signature;
    private Signature bareEcdsaSigner;
    private Signature bareEcdsaVerifier;
    private byte[] bareEcdsaSignature;

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public DsseBenchmark() {
    }

    /**
     * Creates the key in a local KMS, signs one envelope for the verify benchmark, prepares the
     * bare signers, and checks that every measured operation succeeds on its input.
     *
     * @throws GeneralSecurityException when the BouncyCastle provider cannot create a P-256 key
     */
    @Setup
    public void setUp() throws GeneralSecurityException {
        formats = Idea.formats();
        payload = formats.canonicalize(BenchmarkSupport.manifestLikeJson());

        LocalKms kms = LocalKms.inMemory();
        KeyRef ref = KeyRef.of("bench-" + algorithm.id());
        VerificationKey publicKey = algorithm == SignatureAlgorithm.ED25519
                ? kms.insecureCreateEd25519KeyFromSeed(ref, BenchmarkSupport.ED25519_SEED)
                : kms.createKey(ref, algorithm);
        signers = List.of(EnvelopeSigner.of(publicKey.keyId(), pae -> kms.sign(ref, pae)));
        trusted = List.of(publicKey);
        envelope = formats.sign(BenchmarkSupport.PAYLOAD_TYPE, payload, signers);
        formats.verifyEnvelope(envelope, BenchmarkSupport.PAYLOAD_TYPE, trusted, 1);

        pae = DsseEnvelope.pae(BenchmarkSupport.PAYLOAD_TYPE, payload).toByteArray();
        if (algorithm == SignatureAlgorithm.ED25519) {
            setUpBareEd25519();
        } else {
            setUpBareEcdsa();
        }
        if (!baselineVerify()) {
            throw new IllegalStateException("bare " + algorithm.id() + " signature does not verify");
        }
    }

    private void setUpBareEd25519() {
        var privateKey = new Ed25519PrivateKeyParameters(BenchmarkSupport.ED25519_SEED.toByteArray());
        Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
        bareEd25519Signer = new Ed25519Signer();
        bareEd25519Signer.init(true, privateKey);
        bareEd25519Verifier = new Ed25519Signer();
        bareEd25519Verifier.init(false, publicKey);
        bareEd25519Signature = baselineSign();
    }

    private void setUpBareEcdsa() throws GeneralSecurityException {
        Provider bc = new BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        bareEcdsaSigner = Signature.getInstance("SHA256withECDSA", bc);
        bareEcdsaSigner.initSign(pair.getPrivate(), new SecureRandom());
        bareEcdsaVerifier = Signature.getInstance("SHA256withECDSA", bc);
        bareEcdsaVerifier.initVerify(pair.getPublic());
        bareEcdsaSignature = baselineSign();
    }

    /**
     * Signs the payload into a DSSE envelope through {@code Idea.formats()} and the local KMS.
     *
     * @return the envelope
     */
    @Benchmark
    public DsseEnvelope sign() {
        return formats.sign(BenchmarkSupport.PAYLOAD_TYPE, payload, signers);
    }

    /**
     * Verifies the envelope through {@code Idea.formats()} against one trusted key.
     *
     * @return the verified envelope
     */
    @Benchmark
    public VerifiedEnvelope verify() {
        return formats.verifyEnvelope(envelope, BenchmarkSupport.PAYLOAD_TYPE, trusted, 1);
    }

    /**
     * Baseline: bare BouncyCastle signature over the same PAE bytes.
     *
     * @return the signature
     */
    @Benchmark
    public byte[] baselineSign() {
        try {
            if (bareEd25519Signer != null) {
                bareEd25519Signer.update(pae, 0, pae.length);
                return bareEd25519Signer.generateSignature();
            }
            bareEcdsaSigner.update(pae);
            return bareEcdsaSigner.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bare ECDSA sign failed", e);
        }
    }

    /**
     * Baseline: bare BouncyCastle verification of a signature over the same PAE bytes.
     *
     * @return true when the signature verifies
     */
    @Benchmark
    public boolean baselineVerify() {
        try {
            if (bareEd25519Verifier != null) {
                bareEd25519Verifier.update(pae, 0, pae.length);
                return bareEd25519Verifier.verifySignature(bareEd25519Signature);
            }
            bareEcdsaVerifier.update(pae);
            return bareEcdsaVerifier.verify(bareEcdsaSignature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bare ECDSA verify failed", e);
        }
    }
}
