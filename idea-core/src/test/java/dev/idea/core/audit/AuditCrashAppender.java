package dev.idea.core.audit;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.core.storage.FileSystemStorageProvider;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link AuditCrashTest}: appends audit batches of 1-3 events through the real
 * filesystem storage (per-event signatures written before each batch, chain, Merkle tree, a checkpoint
 * every 7 events) until killed, printing the
 * chain size after each acknowledged append.
 */
final class AuditCrashAppender {
    static final AuditSettings SETTINGS = new AuditSettings("crash.test/audit", 7, null, false, true);

    private AuditCrashAppender() {
    }

    static AuditLog open(Storage storage) {
        SeededEd25519Key key = new SeededEd25519Key();
        return AuditLog.open(storage, SETTINGS, new CheckpointSigner(SETTINGS.origin(), key), new EventSigner(key),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    static Storage storage(String dir) {
        return new FileSystemStorageProvider().open(new StorageContext(
                Map.of(FileSystemStorageProvider.DIRECTORY_PROPERTY, dir), null, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.US_ASCII);
        try (Storage storage = storage(args[0])) {
            AuditLog log = open(storage);
            out.println("ready " + log.size());
            for (long n = 0; ; n++) {
                int batch = 1 + (int) (n % 3);
                List<EventDraft> drafts = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    drafts.add(new EventDraft(Instant.EPOCH.plusSeconds(n), AuditEventType.SUBMIT, "crash", "mf-" + n, null, null,
                            Map.of("i", Integer.toString(i))));
                }
                List<AuditEvent> sealed = log.append(drafts, c -> { });
                out.println(sealed.get(sealed.size() - 1).seq() + 1);
            }
        }
    }
}
