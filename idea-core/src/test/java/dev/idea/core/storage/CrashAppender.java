package dev.idea.core.storage;

import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The child process of {@link FileSystemCrashTest}: opens the log (repairing what the last kill left),
 * then appends the workload's batches until it is killed, printing each size after append returned.
 */
final class CrashAppender {
    private CrashAppender() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        StorageContext context = new StorageContext(
                Map.of(FileSystemStorageProvider.DIRECTORY_PROPERTY, args[0]), null, Clock.systemUTC());
        try (Storage storage = new FileSystemStorageProvider().open(context)) {
            AppendLog log = storage.log(CrashWorkload.LOG_NAME);
            long size = log.size();
            long k = CrashWorkload.batchAt(size);
            if (k < 0) {
                System.err.println("log size " + size + " splits a batch");
                System.exit(3);
            }
            out.println("ready " + size);
            out.flush();
            while (true) {
                size = log.append(size, CrashWorkload.batch(k++));
                out.println(size);
                out.flush();
            }
        }
    }
}
