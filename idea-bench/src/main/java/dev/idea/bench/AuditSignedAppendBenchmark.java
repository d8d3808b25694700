package dev.idea.bench;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.AuditSettings;
import dev.idea.core.audit.ChainReplay;
import dev.idea.core.audit.EventDraft;
import dev.idea.core.audit.EventSignature;
import dev.idea.core.audit.EventSignatureVerifier;
import dev.idea.core.audit.EventSignatures;
import dev.idea.core.audit.EventSigner;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.spi.storage.Storage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of per-event audit signatures ({@code idea.audit.event-signatures=true}): signed append
 * and signed replay beside the same operations unsigned, and the raw baselines of one bare
 * BouncyCastle Ed25519 sign and verify of an event-sized message, all in the same fork. On a loaded
 * machine, {@link #main} gives the same ratios in thread CPU time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Thread)
public class AuditSignedAppendBenchmark {
    static final int REPLAY_EVENTS = 10_000;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final AuditSettings SIGNED = new AuditSettings("bench/audit", 1000, null, false, true);

    private final AuditAppendBenchmark.MemoryKey key = new AuditAppendBenchmark.MemoryKey();
    private final Ed25519PrivateKeyParameters rawKey = new Ed25519PrivateKeyParameters(new byte[32]);
    private final Ed25519PublicKeyParameters rawPublic = rawKey.generatePublicKey();
    private Storage signedStorage;
    private Storage plainStorage;
    private AuditLog signed;
    private AuditLog plain;
    private List<EventDraft> draft;
    private byte[] message;
    private byte[] rawSignature;
    private List<Bytes> replayEntries;
    private List<EventSignature> replaySignatures;

    /** Builds the replay input once: {@value #REPLAY_EVENTS} signed events and their signatures. */
    @Setup(Level.Trial)
    public void setUp() {
        draft = List.of(AuditAppendBenchmark.draft(0));
        try (Storage s = AuditAppendBenchmark.memory()) {
            AuditLog source = open(s, true);
            for (int i = 1; i < REPLAY_EVENTS; i += 100) {
                List<EventDraft> batch = new ArrayList<>();
                for (int j = 0; j < Math.min(100, REPLAY_EVENTS - i); j++) {
                    batch.add(AuditAppendBenchmark.draft(i + j));
                }
                source.append(batch, c -> { });
            }
            replayEntries = List.copyOf(source.readRaw(0, REPLAY_EVENTS));
            EventSignatures.Reader reader = source.signatureReader();
            replaySignatures = new ArrayList<>();
            for (AuditEvent e : source.read(0, REPLAY_EVENTS)) {
                replaySignatures.add(reader.nextInChain(e));
            }
        }
        message = DsseEnvelope.pae(EventSigner.PAYLOAD_TYPE, replayEntries.get(1)).toByteArray();
        rawSignature = rawSign();
    }

    private AuditLog open(Storage storage, boolean sign) {
        return AuditLog.open(storage, sign ? SIGNED : new AuditSettings("bench/audit", 1000, null, false),
                new CheckpointSigner("bench/audit", key), new EventSigner(key), CLOCK);
    }

    /** Starts each iteration on empty logs (see {@link AuditAppendBenchmark#freshLog()}). */
    @Setup(Level.Iteration)
    public void freshLogs() {
        tearDown();
        signedStorage = AuditAppendBenchmark.memory();
        plainStorage = AuditAppendBenchmark.memory();
        signed = open(signedStorage, true);
        plain = open(plainStorage, false);
    }

    /** Releases the storages. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (signedStorage != null) {
            signedStorage.close();
            plainStorage.close();
        }
    }

    /**
     * Appends one event with its Ed25519 signature (signature entry first, then the event, tree, checkpoint every 1000).
     *
     * @return the new size
     */
    @Benchmark
    public long appendSigned() {
        return signed.append(draft, c -> { }).get(0).seq();
    }

    /**
     * The same append without per-event signatures.
     *
     * @return the new size
     */
    @Benchmark
    public long appendUnsigned() {
        return plain.append(draft, c -> { }).get(0).seq();
    }

    /**
     * Raw baseline: one bare BouncyCastle Ed25519 signature of an event's PAE.
     *
     * @return the signature
     */
    @Benchmark
    public byte[] rawSign() {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, rawKey);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    /**
     * Raw baseline: one bare BouncyCastle Ed25519 verification of an event's PAE.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean rawVerify() {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, rawPublic);
        s.update(message, 0, message.length);
        return s.verifySignature(rawSignature);
    }

    /**
     * Replays {@value #REPLAY_EVENTS} signed events, verifying every signature.
     *
     * @return the count
     */
    @Benchmark
    @OperationsPerInvocation(REPLAY_EVENTS)
    public long replaySigned() {
        int[] at = new int[1];
        ChainReplay replay = new ChainReplay(List.of(), new EventSignatureVerifier(List.of(key.publicKey()),
                (e, required) -> replaySignatures.get(at[0])));
        for (Bytes entry : replayEntries) {
            replay.accept(entry, () -> -1);
            at[0]++;
        }
        return replay.finish().eventCount();
    }

    /**
     * Replays the same events without checking their signatures.
     *
     * @return the count
     */
    @Benchmark
    @OperationsPerInvocation(REPLAY_EVENTS)
    public long replayUnsigned() {
        ChainReplay replay = new ChainReplay(List.of());
        for (Bytes entry : replayEntries) {
            replay.accept(entry, () -> -1);
        }
        return replay.finish().eventCount();
    }

    /**
     * Prints, in thread CPU time, the signed and unsigned append and replay costs per event beside one
     * raw Ed25519 sign and verify, alternating them for 30 rounds and averaging the last 20.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AuditSignedAppendBenchmark b = new AuditSignedAppendBenchmark();
        b.setUp();
        String[] names = {"appendSigned", "appendUnsigned", "rawSign", "replaySigned", "replayUnsigned", "rawVerify"};
        int[] perRound = {500, 500, 500, 1, 1, 500};
        int[] eventsPerCall = {1, 1, 1, REPLAY_EVENTS, REPLAY_EVENTS, 1};
        long[] total = new long[names.length];
        for (int round = 0; round < 30; round++) {
            b.freshLogs();
            for (int k = 0; k < names.length; k++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound[k]; i++) {
                    b.run(k);
                }
                if (round >= 10) {
                    total[k] += cpu.getCurrentThreadCpuTime() - t0;
                }
            }
        }
        b.tearDown();
        double[] us = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            us[k] = total[k] / (20.0 * perRound[k] * eventsPerCall[k] * 1e3);
            System.out.printf(Locale.ROOT, "%-15s %8.2f us/event%n", names[k], us[k]);
        }
        System.out.printf(Locale.ROOT, "appendSigned = %.2f x rawSign, %.1f x appendUnsigned; replaySigned = %.2f x rawVerify%n",
                us[0] / us[2], us[0] / us[1], us[3] / us[5]);
    }

    private Object run(int k) {
        return switch (k) {
            case 0 -> appendSigned();
            case 1 -> appendUnsigned();
            case 2 -> rawSign();
            case 3 -> replaySigned();
            case 4 -> replayUnsigned();
            default -> rawVerify();
        };
    }
}
