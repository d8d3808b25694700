package dev.idea.core.audit;

import dev.idea.api.Bytes;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.NoteKey;
import dev.idea.api.StorageException;
import dev.idea.api.VerificationException;
import dev.idea.api.WitnessPolicy;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.core.checkpoint.CheckpointVerifier;
import dev.idea.spi.storage.AppendLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed checkpoints of one audit log, kept in the storage log {@value #LOG_NAME} (one signed
 * note per entry), and the cadence that decides when to sign the next one.
 *
 * <p>Not thread-safe: the audit log calls it under its lock.
 */
final class Checkpoints {
    static final String LOG_NAME = "audit-checkpoints";

    private final AppendLog log;
    private final CheckpointSigner signer;
    private final AuditSettings settings;
    private final Clock clock;
    private long lastSize;
    private Instant lastTime;

    Checkpoints(AppendLog log, CheckpointSigner signer, AuditSettings settings, Clock clock) {
        this.log = log;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.lastTime = clock.instant();
        latest().ifPresent(c -> lastSize = c.treeSize());
    }

    boolean canSign() {
        return signer != null;
    }

    Optional<NoteKey> noteKey() {
        return signer == null ? Optional.empty() : Optional.of(signer.noteKey());
    }

    boolean due(long size) {
        if (signer == null || size <= lastSize) {
            return false;
        }
        return settings.checkpointEveryEvents() > 0 && size - lastSize >= settings.checkpointEveryEvents()
                || settings.checkpointEvery() != null && !clock.instant().isBefore(lastTime.plus(settings.checkpointEvery()));
    }

    Checkpoint sign(long size, Digest root) {
        if (signer == null) {
            throw new VerificationException(ErrorCode.CHECKPOINT_KEY_MISSING, "cannot sign a checkpoint of the audit log: "
                    + "no KMS signing key is configured; set Idea.builder().kms(...) and idea.kernel.key-ref");
        }
        Checkpoint c = signer.sign(size, root);
        Bytes entry = Bytes.utf8(c.note());
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                log.append(log.size(), List.of(entry));
                break;
            } catch (StorageException e) {
                if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                    throw e;
                }
            }
        }
        lastSize = size;
        lastTime = clock.instant();
        return c;
    }

    Optional<Checkpoint> latest() {
        long n = log.size();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(parse(log.read(n - 1, 1).get(0)));
    }

    /** Reads every stored checkpoint, verifying each signature against this log's key when there is one. */
    List<Checkpoint> all() {
        List<Checkpoint> out = new ArrayList<>();
        long i = 0;
        while (true) {
            List<Bytes> batch = log.read(i, 1024);
            if (batch.isEmpty()) {
                return out;
            }
            for (Bytes b : batch) {
                out.add(parse(b));
                i++;
            }
        }
    }

    private Checkpoint parse(Bytes entry) {
        String note = new String(entry.toByteArray(), StandardCharsets.UTF_8);
        List<NoteKey> keys = signer == null ? List.of() : List.of(signer.noteKey());
        if (keys.isEmpty()) {
            return CheckpointReader.unverified(note);
        }
        return CheckpointVerifier.verify(note, keys, WitnessPolicy.none());
    }
}
