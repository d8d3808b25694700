package dev.idea.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.AuditSettings;
import dev.idea.core.audit.ChainReplay;
import dev.idea.core.audit.EventDraft;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
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
 * Audit append (chain + Merkle tree + a signed checkpoint every 1000 events, in-memory storage) and
 * streaming replay, beside the raw baseline: jackson-core write of the same event plus SHA-256.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Thread)
public class AuditAppendBenchmark {
    static final int REPLAY_EVENTS = 100_000;
    /** Appends (and raw-baseline writes) per round of {@link #main}. */
    static final int CPU_EVENTS = 50_000;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final JsonFactory JSON = new JsonFactory();

    private Storage storage;
    private AuditLog log;
    private List<EventDraft> draft;
    private List<Bytes> replayEntries;
    private long n;

    /** An in-memory Ed25519 key (BouncyCastle), standing in for the KMS. */
    static final class MemoryKey implements SigningKey {
        private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new byte[32]);

        @Override
        public VerificationKey publicKey() {
            byte[] spki = Bytes.fromHex("302a300506032b6570032100").toByteArray();
            byte[] all = new byte[44];
            System.arraycopy(spki, 0, all, 0, 12);
            System.arraycopy(key.generatePublicKey().getEncoded(), 0, all, 12, 32);
            return new VerificationKey(SignatureAlgorithm.ED25519, Bytes.of(all));
        }

        @Override
        public Bytes sign(Bytes data) {
            Ed25519Signer s = new Ed25519Signer();
            s.init(true, key);
            byte[] d = data.toByteArray();
            s.update(d, 0, d.length);
            return Bytes.of(s.generateSignature());
        }
    }

    static AuditLog open(Storage storage) {
        return AuditLog.open(storage, new AuditSettings("bench/audit", 1000, null, false),
                new CheckpointSigner("bench/audit", new MemoryKey()), Clock.fixed(T0, ZoneOffset.UTC));
    }

    static Storage memory() {
        return new InMemoryStorageProvider().open(new StorageContext(Map.of(), null, Clock.fixed(T0, ZoneOffset.UTC)));
    }

    static EventDraft draft(long i) {
        return new EventDraft(T0.plusMillis(i), AuditEventType.SUBMIT, "alice", "mf_0123456789abcdef", null,
                "msig_0123456789abcdef0123456789abcdef", Map.of("target", "hello-service", "version", "1.0." + (i % 100)));
    }

    /** Fresh log per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        draft = List.of(draft(0));
        try (Storage s = memory()) {
            AuditLog source = open(s);
            for (int i = 0; i < REPLAY_EVENTS; i += 100) {
                List<EventDraft> batch = new java.util.ArrayList<>();
                for (int j = 0; j < 100; j++) {
                    batch.add(draft(i + j));
                }
                source.append(batch, c -> { });
            }
            replayEntries = List.copyOf(source.readRaw(0, REPLAY_EVENTS));
        }
    }

    /**
     * Starts each iteration on an empty log, so that the in-memory log (every event and tree node
     * stays on the heap) does not grow to millions of events and turn the measurement into one of
     * the garbage collector.
     */
    @Setup(Level.Iteration)
    public void freshLog() {
        if (storage != null) {
            storage.close();
        }
        storage = memory();
        log = open(storage);
    }

    /** Releases the storage. */
    @TearDown(Level.Trial)
    public void tearDown() {
        storage.close();
    }

    /**
     * Appends one event: seal (canonical JSON + SHA-256), store, extend the tree, checkpoint every 1000.
     *
     * @return the new size
     */
    @Benchmark
    public long append() {
        return log.append(draft, c -> { }).get(0).seq();
    }

    /**
     * Raw baseline: jackson-core writes the same event's members and SHA-256 hashes the bytes.
     *
     * @return the digest's first byte
     * @throws IOException never (in-memory)
     */
    @Benchmark
    public byte rawBaseline() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("actor", "alice");
            g.writeObjectFieldStart("attributes");
            g.writeStringField("target", "hello-service");
            g.writeStringField("version", "1.0." + (n % 100));
            g.writeEndObject();
            g.writeStringField("manifestSignatureId", "msig_0123456789abcdef0123456789abcdef");
            g.writeStringField("prevHash", "sha256:0000000000000000000000000000000000000000000000000000000000000000");
            g.writeNumberField("seq", n++);
            g.writeStringField("subject", "mf_0123456789abcdef");
            g.writeStringField("timestamp", "2026-11-23T10:00:00.123Z");
            g.writeStringField("type", "submit");
            g.writeEndObject();
        }
        MessageDigest md = HashAlgorithm.SHA_256.newMessageDigest();
        return md.digest(out.toByteArray())[0];
    }

    /**
     * Replays {@value #REPLAY_EVENTS} stored events as {@code AuditLog.verify} does
     * ({@link ChainReplay#check}): check each entry's canonical form and fields, hash, seq, link,
     * Merkle root.
     *
     * @return the count
     */
    @Benchmark
    @OperationsPerInvocation(REPLAY_EVENTS)
    public long replay() {
        ChainReplay replay = new ChainReplay(List.of());
        for (Bytes entry : replayEntries) {
            replay.check(entry, () -> -1);
        }
        ChainVerification v = replay.finish();
        return v.eventCount();
    }

    /**
     * Prints append and replay rates and the append/baseline ratio in thread CPU time, which other
     * processes on the machine do not inflate: alternates, per round, {@value #CPU_EVENTS} appends on a
     * fresh log, as many raw-baseline writes, and one replay of {@value #REPLAY_EVENTS} events; 30
     * rounds, the last 20 averaged.
     *
     * @param args ignored
     * @throws IOException never (in-memory)
     */
    public static void main(String[] args) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AuditAppendBenchmark b = new AuditAppendBenchmark();
        b.setUp();
        long append = 0;
        long raw = 0;
        long replay = 0;
        for (int round = 0; round < 30; round++) {
            b.freshLog();
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < CPU_EVENTS; i++) {
                b.append();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < CPU_EVENTS; i++) {
                b.rawBaseline();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            b.replay();
            long t3 = cpu.getCurrentThreadCpuTime();
            if (round >= 10) {
                append += t1 - t0;
                raw += t2 - t1;
                replay += t3 - t2;
            }
        }
        b.tearDown();
        double appendRate = 20.0 * CPU_EVENTS / (append / 1e9);
        double rawRate = 20.0 * CPU_EVENTS / (raw / 1e9);
        double replayRate = 20.0 * REPLAY_EVENTS / (replay / 1e9);
        System.out.printf(Locale.ROOT, "thread CPU time: append %.0f k/s, rawBaseline %.0f k/s, ratio %.2f (goal >= 0.50"
                + " and >= 300 k/s); replay %.0f k/s (goal >= 1000 k/s)%n",
                appendRate / 1e3, rawRate / 1e3, appendRate / rawRate, replayRate / 1e3);
    }
}
