package dev.idea.core.storage;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Content-addressed blobs under {@code blobs/sha256/<first two hex digits>/<hex>}.
 *
 * <p>A put hashes while it writes to a private temp file, forces the file, renames it atomically to
 * its address and forces the directory; only then does it return. An existing blob is kept. Thread-safe.
 *
 * <p>Security guarantees: {@link #get} re-hashes the content and fails with {@code STORAGE_CORRUPT}
 * when the stored bytes no longer match their address.
 */
final class FileBlobStore implements BlobStore {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path root;
    private final TempArea temp;
    private final OpenState state;

    FileBlobStore(Path root, TempArea temp, OpenState state) {
        this.root = root;
        this.temp = temp;
        this.state = state;
    }

    @Override
    public Digest put(Bytes content) {
        Objects.requireNonNull(content, "content");
        state.check();
        Digest digest = Digest.sha256(content);
        Path target = pathOf(digest);
        if (Files.exists(target)) {
            return digest;
        }
        Path file = temp.newFile("blob-");
        try {
            FileSupport.writeSynced(file, content.asReadOnlyBuffer());
            store(file, target);
            return digest;
        } catch (IOException e) {
            throw FileSupport.io("storing blob " + digest + " at", target, e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public Digest put(InputStream content) {
        Objects.requireNonNull(content, "content");
        state.check();
        MessageDigest md = HashAlgorithm.SHA_256.newMessageDigest();
        Path file = temp.newFile("blob-");
        try {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    md.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                out.force(true);
            }
            Digest digest = Digest.ofSha256(md.digest());
            Path target = pathOf(digest);
            if (!Files.exists(target)) {
                store(file, target);
            }
            return digest;
        } catch (IOException e) {
            throw FileSupport.io("streaming a blob through temp file", file, e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public Optional<InputStream> open(Digest digest) {
        Path path = pathOf(digest);
        state.check();
        try {
            return Optional.of(Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw FileSupport.io("opening blob", path, e);
        }
    }

    @Override
    public Optional<Bytes> get(Digest digest) {
        Path path = pathOf(digest);
        state.check();
        byte[] content;
        try {
            if (Files.size(path) > Integer.MAX_VALUE - 8) {
                throw new StorageException(ErrorCode.STORAGE_IO, "blob " + digest + " at " + path
                        + " is larger than 2 GiB and cannot be held as Bytes; read it with open(digest)");
            }
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw FileSupport.io("reading blob", path, e);
        }
        Bytes bytes = Bytes.of(content);
        Digest actual = Digest.sha256(bytes);
        if (!actual.equals(digest)) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "blob file " + path + " hashes to " + actual
                    + " instead of its address " + digest + "; restore it from a backup or delete it and put it again");
        }
        return Optional.of(bytes);
    }

    @Override
    public boolean contains(Digest digest) {
        Path path = pathOf(digest);
        state.check();
        return Files.isRegularFile(path);
    }

    private void store(Path file, Path target) throws IOException {
        FileSupport.createDirectoryDurably(target.getParent());
        FileSupport.publish(file, target);
    }

    private Path pathOf(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        if (digest.algorithm() != HashAlgorithm.SHA_256) {
            throw new StorageException(ErrorCode.STORAGE_KEY_INVALID, "blob address " + digest
                    + " is not a SHA-256 digest; blobs are addressed by sha256:<hex> as returned by put");
        }
        String hex = digest.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the temp-area sweep on the next open; the blob itself is already durable or absent.
        }
    }
}
