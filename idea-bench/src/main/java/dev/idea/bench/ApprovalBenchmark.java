package dev.idea.bench;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.Impact;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalDecision;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.api.governance.Verdict;
import dev.idea.core.governance.ApprovalCodec;
import dev.idea.core.governance.ApprovalEvaluator;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of evaluating a 5-approver threshold (five signed Ed25519 approvals counted against the
 * default policy's HIGH tier, a trust store of five signers) beside the raw baseline of one bare
 * BouncyCastle Ed25519 verification of one approval envelope's PAE, in the same fork.
 *
 * <p>Goal: {@code evaluateFiveApprovals} at most 5.5 × one raw verification ({@code rawEd25519VerifyEach},
 * the average over the same five signatures; {@code rawEd25519Verify} repeats one); each approval
 * costs one signature check, so the goal leaves 10 % for decoding, digests and counting. Setup
 * checks that the decision is met with five counted approvers.
 *
 * <p>Run: {@code java -jar idea-bench/target/idea-bench.jar ApprovalBenchmark}. On a loaded machine
 * the wall-clock scores of benchmarks run one after the other are not comparable; {@link #main} then
 * gives the ratio in thread CPU time, alternating both workloads in one thread:
 * {@code java -cp idea-bench/target/idea-bench.jar dev.idea.bench.ApprovalBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApprovalBenchmark {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Digest MANIFEST = Digest.sha256(Bytes.utf8("benchmark manifest"));

    private final ApprovalEvaluator evaluator = new ApprovalEvaluator();
    private final ApprovalPolicy policy = ApprovalPolicy.defaults();
    private TrustStore store;
    private List<Approval> approvals;
    private Ed25519PublicKeyParameters rawKey;
    private byte[] rawMessage;
    private byte[] rawSignature;
    private final Ed25519PublicKeyParameters[] rawKeys = new Ed25519PublicKeyParameters[5];
    private final byte[][] rawMessages = new byte[5][];
    private final byte[][] rawSignatures = new byte[5][];

    /** Creates five approver keys, the trust store and five signed approvals. */
    @Setup
    public void setUp() throws Exception {
        LocalKms kms = LocalKms.inMemory();
        List<TrustedSigner> signers = new ArrayList<>();
        approvals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            KeyRef ref = KeyRef.of("approver-" + i);
            VerificationKey key = kms.createKey(ref, SignatureAlgorithm.ED25519);
            signers.add(TrustedSigner.of(ref.value(), key, Set.of(i == 0 ? "security_officer" : "approver")));
            EnvelopeSigner signer = EnvelopeSigner.of(key.keyId(), pae -> kms.sign(ref, pae));
            approvals.add(ApprovalCodec.sign(new ApprovalStatement(MANIFEST, Verdict.APPROVE, ref.value(),
                    NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofDays(1))), signer));
        }
        store = new TrustStore(1, signers, 3, false);
        ApprovalDecision decision = evaluateFiveApprovals();
        if (!decision.met() || decision.counted().size() != 5) {
            throw new IllegalStateException("benchmark setup is wrong: " + decision);
        }
        for (int i = 0; i < 5; i++) {
            rawKeys[i] = (Ed25519PublicKeyParameters) PublicKeyFactory.createKey(store.signer("approver-" + i).orElseThrow()
                    .key().spki().toByteArray());
            rawMessages[i] = approvals.get(i).envelope().pae().toByteArray();
            rawSignatures[i] = approvals.get(i).envelope().signatures().get(0).sig().toByteArray();
        }
        rawKey = rawKeys[0];
        rawMessage = rawMessages[0];
        rawSignature = rawSignatures[0];
        if (!rawEd25519Verify() || rawEd25519VerifyEach() != 5) {
            throw new IllegalStateException("raw baseline signature does not verify");
        }
    }

    /**
     * Prints the evaluation cost over the raw per-verification cost in thread CPU time, alternating
     * 200 evaluations and 200 × 5 raw verifications for 30 rounds and averaging the last 20.
     *
     * @param args ignored
     * @throws Exception when setup fails
     */
    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ApprovalBenchmark b = new ApprovalBenchmark();
        b.setUp();
        long evaluate = 0;
        long raw = 0;
        for (int round = 0; round < 30; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                b.evaluateFiveApprovals();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                b.rawEd25519VerifyEach();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            if (round >= 10) {
                evaluate += t1 - t0;
                raw += t2 - t1;
            }
        }
        double perEvaluation = evaluate / (20 * 200 * 1e3);
        double perVerify = raw / (20 * 200 * 5 * 1e3);
        System.out.printf(Locale.ROOT, "thread CPU time: evaluateFiveApprovals %.1f us, one raw Ed25519 verify %.1f us,"
                + " ratio %.2f (goal <= 5.5)%n", perEvaluation, perVerify, perEvaluation / perVerify);
    }

    /**
     * Raw baseline: one bare BouncyCastle Ed25519 verification of an approval's PAE.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean rawEd25519Verify() {
        return rawKey.verify(Ed25519.Algorithm.Ed25519, null, rawMessage, 0, rawMessage.length, rawSignature, 0);
    }

    /**
     * Raw baseline: bare BouncyCastle Ed25519 verifications of the five approvals' PAEs, each with its
     * own key; the score is per verification, the average over the same signatures the evaluation checks.
     *
     * @return how many verified
     */
    @Benchmark
    @OperationsPerInvocation(5)
    public int rawEd25519VerifyEach() {
        int valid = 0;
        for (int i = 0; i < 5; i++) {
            if (rawKeys[i].verify(Ed25519.Algorithm.Ed25519, null, rawMessages[i], 0, rawMessages[i].length, rawSignatures[i], 0)) {
                valid++;
            }
        }
        return valid;
    }

    /**
     * Evaluates five approvals against the HIGH tier: decode, verify, check, deduplicate, count.
     *
     * @return the decision
     */
    @Benchmark
    public ApprovalDecision evaluateFiveApprovals() {
        return evaluator.evaluate(MANIFEST, Impact.HIGH, approvals, store, policy, NOW);
    }
}
