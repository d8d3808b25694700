package dev.idea.bench;

import dev.idea.api.ArtifactRef;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.Precondition;
import dev.idea.api.VerificationKey;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole "build + JCS + sign" path of a manifest with the local Ed25519 KMS, beside a bare
 * BouncyCastle Ed25519 signature of a message as long as the PAE that path signs.
 *
 * <ul>
 *   <li>{@link #buildCanonicalizeSign}: {@code Manifest.builder()…build()}, then
 *       {@code Idea.formats().canonicalJson(manifest)}, then {@code Idea.formats().sign} with an
 *       {@code EnvelopeSigner} backed by {@link LocalKms}.</li>
 *   <li>{@link #buildCanonicalize}: the same without the signature, to show where the time
 *       goes.</li>
 *   <li>{@link #baselineEd25519Sign}: bare {@link Ed25519Signer} over a message of exactly the
 *       PAE's length.</li>
 * </ul>
 *
 * <p>Goal: {@code buildCanonicalizeSign} at 80% or more of the baseline rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ManifestSignBenchmark {

    // Inputs live in non-final fields so that the JIT cannot fold the builder calls away.
    private String manifestId;
    private String target;
    private String version;
    private String rationale;
    private Precondition report;
    private Precondition ticket;
    private ArtifactRef artifact;
    private Instant timestamp;
    private String proposedBy;
    private Digest previous;

    private IdeaFormats formats;
    private List<EnvelopeSigner> signers;
    private byte[] baselineMessage;
    private Ed25519Signer bareSigner;

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public ManifestSignBenchmark() {
    }

    /**
     * Prepares the manifest fields, the local KMS key and the bare signer, and checks that the
     * measured path produces an envelope over the manifest's canonical JSON.
     */
    @Setup
    public void setUp() {
        Manifest template = BenchmarkSupport.manifest();
        manifestId = template.manifestId();
        target = template.target();
        version = template.version();
        rationale = template.rationale();
        report = template.preconditions().get(0);
        ticket = template.preconditions().get(1);
        artifact = template.artifact();
        timestamp = template.timestamp();
        proposedBy = template.proposedBy();
        previous = template.previousManifestDigest();

        formats = Idea.formats();
        LocalKms kms = LocalKms.inMemory();
        KeyRef ref = KeyRef.of("bench-manifest-ed25519");
        VerificationKey publicKey = kms.insecureCreateEd25519KeyFromSeed(ref, BenchmarkSupport.ED25519_SEED);
        signers = List.of(EnvelopeSigner.of(publicKey.keyId(), pae -> kms.sign(ref, pae)));

        DsseEnvelope envelope = buildCanonicalizeSign();
        if (!envelope.payload().equals(formats.canonicalJson(template))) {
            throw new IllegalStateException("the measured path signed something other than the manifest's canonical JSON");
        }
        formats.verifyEnvelope(envelope, Manifest.PAYLOAD_TYPE, List.of(publicKey), 1);

        // Same length as the PAE signed above, so SHA-512 inside Ed25519 does the same work.
        baselineMessage = envelope.pae().toByteArray();
        bareSigner = new Ed25519Signer();
        bareSigner.init(true, new Ed25519PrivateKeyParameters(BenchmarkSupport.ED25519_SEED.toByteArray()));
    }

    /**
     * Builds the manifest, writes its canonical JSON and signs it into a DSSE envelope.
     *
     * @return the envelope
     */
    @Benchmark
    public DsseEnvelope buildCanonicalizeSign() {
        return formats.sign(Manifest.PAYLOAD_TYPE, buildCanonicalize(), signers);
    }

    /**
     * Builds the manifest and writes its canonical JSON, without signing.
     *
     * @return the canonical bytes
     */
    @Benchmark
    public Bytes buildCanonicalize() {
        Manifest manifest = Manifest.builder()
                .manifestId(manifestId)
                .type("service-release")
                .target(target)
                .version(version)
                .impact(Impact.HIGH)
                .rationale(rationale)
                .precondition(report)
                .precondition(ticket)
                .artifact(artifact)
                .timestamp(timestamp)
                .proposedBy(proposedBy)
                .previousManifestDigest(previous)
                .build();
        return formats.canonicalJson(manifest);
    }

    /**
     * Baseline: bare BouncyCastle Ed25519 signature of a message as long as the PAE.
     *
     * @return the signature
     */
    @Benchmark
    public byte[] baselineEd25519Sign() {
        bareSigner.update(baselineMessage, 0, baselineMessage.length);
        return bareSigner.generateSignature();
    }
}
