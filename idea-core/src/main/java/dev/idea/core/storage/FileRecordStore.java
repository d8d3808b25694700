package dev.idea.core.storage;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.StorageNames;
import dev.idea.spi.storage.VersionedRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Compare-and-set records, one file per key under {@code records/<xx>/<sha256 of key>}.
 *
 * <p>A record file is {@code magic, version, key length, value length, key, value, CRC32C} and is
 * replaced as a whole by an atomic rename, so a reader sees either the old or the new record, never a
 * mix. Writes hold an in-JVM lock and a {@link java.nio.channels.FileLock} on {@code records.lock}, so
 * compare-and-set is also atomic across processes. Keys are hashed into file names because keys may
 * differ only in case and may be longer than a file name; each file holds its key. Thread-safe.
 *
 * <p>Security guarantees: a record whose checksum, magic or key does not match fails with
 * {@code STORAGE_CORRUPT}; it is never returned.
 */
final class FileRecordStore implements RecordStore {
    private static final int MAGIC = 0x49445231; // "IDR1"
    private static final int HEADER_BYTES = 4 + 8 + 4 + 4;
    private static final int TRAILER_BYTES = 4;

    private final Path root;
    private final Path lockFile;
    private final TempArea temp;
    private final OpenState state;
    /** File name to key; a file name never changes its key, so entries never go stale. */
    private final ConcurrentHashMap<String, String> keysByFile = new ConcurrentHashMap<>();

    FileRecordStore(Path root, Path lockFile, TempArea temp, OpenState state) {
        this.root = root;
        this.lockFile = lockFile;
        this.temp = temp;
        this.state = state;
    }

    @Override
    public Optional<VersionedRecord> get(String key) {
        StorageNames.requireRecordKey(key);
        state.check();
        Path path = pathOf(key);
        try {
            return read(path).map(r -> checkKey(r, key, path));
        } catch (IOException e) {
            throw FileSupport.io("reading record \"" + key + "\" from", path, e);
        }
    }

    @Override
    public long compareAndSet(String key, long expectedVersion, Bytes value) {
        StorageNames.requireRecordKey(key);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0 (0 creates the record), got "
                    + expectedVersion);
        }
        Objects.requireNonNull(value, "value");
        state.check();
        Path path = pathOf(key);
        try {
            return FileSupport.withLock(lockFile, () -> {
                long current = read(path).map(r -> checkKey(r, key, path).version()).orElse(0L);
                if (current != expectedVersion) {
                    throw new StorageException(ErrorCode.STORAGE_CONFLICT, "record \"" + key + "\" is at version "
                            + current + ", not the expected " + expectedVersion + "; read it again and retry");
                }
                write(path, key, current + 1, value);
                return current + 1;
            });
        } catch (IOException e) {
            throw FileSupport.io("writing record \"" + key + "\" to", path, e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        state.check();
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.length() == 64 && Files.isRegularFile(file)) {
                    String key = keyOf(file, name);
                    if (key != null && key.startsWith(prefix)) {
                        keys.add(key);
                    }
                }
            }
        } catch (IOException e) {
            throw FileSupport.io("listing records under", root, e);
        }
        keys.sort(null);
        return keys;
    }

    private String keyOf(Path file, String name) throws IOException {
        String key = keysByFile.get(name);
        if (key == null) {
            Optional<VersionedRecord> record = read(file);
            if (record.isEmpty()) {
                return null;
            }
            key = record.get().key();
            keysByFile.put(name, key);
        }
        return key;
    }

    private void write(Path path, String key, long version, Bytes value) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + keyBytes.length + value.size() + TRAILER_BYTES);
        buffer.putInt(MAGIC).putLong(version).putInt(keyBytes.length).putInt(value.size())
                .put(keyBytes).put(value.asReadOnlyBuffer());
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue()).flip();
        Path file = temp.newFile("record-");
        try {
            FileSupport.writeSynced(file, buffer);
            FileSupport.createDirectoryDurably(path.getParent());
            FileSupport.publish(file, path);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Optional<VersionedRecord> read(Path path) throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        if (data.length < HEADER_BYTES + TRAILER_BYTES || buffer.getInt() != MAGIC) {
            throw corrupt(path, "it is too short or does not start with the record magic");
        }
        long version = buffer.getLong();
        int keyLength = buffer.getInt();
        int valueLength = buffer.getInt();
        if (version < 1 || keyLength < 1 || valueLength < 0
                || (long) HEADER_BYTES + keyLength + valueLength + TRAILER_BYTES != data.length) {
            throw corrupt(path, "its header (version " + version + ", key " + keyLength + " bytes, value "
                    + valueLength + " bytes) does not match its size of " + data.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - TRAILER_BYTES);
        if ((int) crc.getValue() != ByteBuffer.wrap(data, data.length - TRAILER_BYTES, TRAILER_BYTES).getInt()) {
            throw corrupt(path, "its CRC32C does not match its content");
        }
        String key = new String(data, HEADER_BYTES, keyLength, StandardCharsets.US_ASCII);
        return Optional.of(new VersionedRecord(key, version, Bytes.of(data, HEADER_BYTES + keyLength, valueLength)));
    }

    private static VersionedRecord checkKey(VersionedRecord record, String key, Path path) {
        if (!record.key().equals(key)) {
            throw corrupt(path, "it holds key \"" + record.key() + "\" instead of \"" + key + "\"");
        }
        return record;
    }

    private static StorageException corrupt(Path path, String why) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT, "record file " + path + " is corrupt: " + why
                + "; restore it from a backup");
    }

    private Path pathOf(String key) {
        String hex = Digest.sha256(Bytes.utf8(key)).hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex);
    }
}
