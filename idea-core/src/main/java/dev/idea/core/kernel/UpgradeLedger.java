package dev.idea.core.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.ProviderException;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The in-process kernel's record of upgrade drafts, applications and rollbacks: an append-only
 * UTF-8 text file {@code <dataDirectory>/kernel/upgrades.log} (or memory, without a data directory).
 *
 * <p>Lines after the header {@value #HEADER}:
 * {@code draft <upgradeId> <draftRef> <manifestDigest> <createdAt>},
 * {@code apply <upgradeId> <applicationId> <draftRef> <manifestDigest> <emergency> <appliedAt>},
 * {@code rollback <upgradeId> <applicationId> <rollbackId> <rolledBackAt>}. Each line is appended
 * and forced to disk before the call returns; a torn last line (no newline) is ignored, and cut
 * off by the next append.
 *
 * <p>Every operation is idempotent: the same upgrade gets the same draft, application and rollback
 * back, so a caller that crashed after the kernel acted can finish recording. Ids are derived from
 * the upgrade id and manifest digest, so they are the same on every machine.
 *
 * <p>Thread-safe: operations are serialized on one JVM-wide lock and re-read the file each time, so
 * two kernels opened on the same directory agree.
 */
final class UpgradeLedger {
    static final String HEADER = "# idea kernel upgrade ledger v1";
    static final String FILE_NAME = "upgrades.log";
    private static final Object JVM_LOCK = new Object();

    private final Path file;
    private final Clock clock;
    private final List<String> memory = new ArrayList<>();

    private UpgradeLedger(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    static UpgradeLedger inMemory(Clock clock) {
        return new UpgradeLedger(null, clock);
    }

    static UpgradeLedger open(Path directory, Clock clock) {
        return new UpgradeLedger(directory.resolve(FILE_NAME), clock);
    }

    UpgradeDraft draft(UpgradeDraftRequest request) {
        synchronized (JVM_LOCK) {
            Optional<String[]> existing = find("draft", request.upgradeId());
            if (existing.isPresent()) {
                String[] f = existing.get();
                if (!f[3].equals(request.manifestDigest().toString())) {
                    throw refused("upgrade " + request.upgradeId() + " was drafted for manifest " + f[3] + ", not "
                            + request.manifestDigest());
                }
                return new UpgradeDraft(f[1], f[2], Instant.parse(f[4]));
            }
            UpgradeDraft d = new UpgradeDraft(request.upgradeId(), "draft-" + request.upgradeId(), clock.instant());
            append("draft " + d.upgradeId() + " " + d.draftRef() + " " + request.manifestDigest() + " " + d.createdAt());
            return d;
        }
    }

    AppliedUpgradeRecord apply(UpgradeApplyRequest request) {
        synchronized (JVM_LOCK) {
            String[] draft = find("draft", request.upgradeId()).orElseThrow(() -> refused("upgrade " + request.upgradeId()
                    + " has no draft in this kernel; draft it first"));
            if (!draft[2].equals(request.draftRef()) || !draft[3].equals(request.manifestDigest().toString())) {
                throw refused("upgrade " + request.upgradeId() + " was drafted as " + draft[2] + " for " + draft[3]
                        + ", not " + request.draftRef() + " for " + request.manifestDigest());
            }
            Optional<String[]> existing = find("apply", request.upgradeId());
            if (existing.isPresent()) {
                String[] f = existing.get();
                return new AppliedUpgradeRecord(f[1], f[3], Digest.parse(f[4]), f[2], Instant.parse(f[6]),
                        Boolean.parseBoolean(f[5]));
            }
            String applicationId = "app-" + shortHash(request.upgradeId() + " " + request.manifestDigest());
            AppliedUpgradeRecord a = new AppliedUpgradeRecord(request.upgradeId(), request.draftRef(),
                    request.manifestDigest(), applicationId, clock.instant(), request.emergency());
            append("apply " + a.upgradeId() + " " + a.applicationId() + " " + a.draftRef() + " " + a.manifestDigest() + " "
                    + a.emergency() + " " + a.appliedAt());
            return a;
        }
    }

    UpgradeRollbackRecord rollback(UpgradeRollbackRequest request) {
        synchronized (JVM_LOCK) {
            String[] applied = find("apply", request.upgradeId()).orElseThrow(() -> refused("upgrade "
                    + request.upgradeId() + " was never applied in this kernel; nothing to roll back"));
            if (!applied[2].equals(request.applicationId())) {
                throw refused("upgrade " + request.upgradeId() + " was applied as " + applied[2] + ", not "
                        + request.applicationId());
            }
            Optional<String[]> existing = find("rollback", request.upgradeId());
            if (existing.isPresent()) {
                String[] f = existing.get();
                return new UpgradeRollbackRecord(f[1], f[2], f[3], Instant.parse(f[4]));
            }
            UpgradeRollbackRecord r = new UpgradeRollbackRecord(request.upgradeId(), request.applicationId(),
                    "rb-" + shortHash(request.applicationId()), clock.instant());
            append("rollback " + r.upgradeId() + " " + r.applicationId() + " " + r.rollbackId() + " " + r.rolledBackAt());
            return r;
        }
    }

    private Optional<String[]> find(String kind, String upgradeId) {
        for (String line : lines()) {
            String[] f = line.split(" ", -1);
            if (f.length >= 2 && f[0].equals(kind) && f[1].equals(upgradeId)) {
                int expected = kind.equals("apply") ? 7 : 5;
                if (f.length != expected) {
                    throw new ProviderException(ErrorCode.STORAGE_CORRUPT, "the kernel's upgrade ledger " + file
                            + " has a " + kind + " line with " + f.length + " fields instead of " + expected
                            + ": \"" + InProcessKernelProvider.abbreviate(line) + "\"; restore the file from a backup");
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private List<String> lines() {
        if (file == null) {
            return memory;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw io(e);
        }
        int end = text.lastIndexOf('\n');
        List<String> out = new ArrayList<>();
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n", -1)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }

    private void append(String line) {
        if (file == null) {
            memory.add(line);
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long keep = completeLength(out);
                out.truncate(keep); // drops a torn last line left by a crash, so the new line starts clean
                String text = (keep == 0 ? HEADER + "\n" : "") + line + "\n";
                ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                long position = keep;
                while (buffer.hasRemaining()) {
                    position += out.write(buffer, position);
                }
                out.force(true);
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** Returns the length of the file up to and including its last newline. */
    private static long completeLength(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = size - 1; p >= 0; p--) {
            one.clear();
            channel.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }

    private ProviderException io(IOException e) {
        return new ProviderException(ErrorCode.STORAGE_IO, "cannot read or write the kernel's upgrade ledger " + file + " ("
                + e + "); check that the data directory is writable", e);
    }

    private static ProviderException refused(String message) {
        return new ProviderException(ErrorCode.UPGRADE_STATE_INVALID, "in-process kernel: " + message);
    }

    private static String shortHash(String text) {
        return Digest.sha256(Bytes.utf8(text)).hex().substring(0, 24);
    }
}
