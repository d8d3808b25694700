package dev.idea.testkit.storage;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Content-addressed blobs in a map, hashed with SHA-256 like the filesystem provider.
 *
 * <p>Thread-safe.
 */
final class MemoryBlobStore implements BlobStore {
    private final MemoryState state;
    private final Runnable checkOpen;

    MemoryBlobStore(MemoryState state, Runnable checkOpen) {
        this.state = state;
        this.checkOpen = checkOpen;
    }

    @Override
    public Digest put(Bytes content) {
        Objects.requireNonNull(content, "content");
        checkOpen.run();
        Digest digest = Digest.sha256(content);
        state.beforeCommit("storing blob " + digest);
        state.blobs.putIfAbsent(digest, content);
        return digest;
    }

    @Override
    public Digest put(InputStream content) {
        Objects.requireNonNull(content, "content");
        checkOpen.run();
        byte[] data;
        try {
            data = content.readAllBytes();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "reading the blob stream failed (" + e
                    + "); nothing was stored", e);
        }
        return put(Bytes.of(data));
    }

    @Override
    public Optional<InputStream> open(Digest digest) {
        return get(digest).map(Bytes::openStream);
    }

    @Override
    public Optional<Bytes> get(Digest digest) {
        check(digest);
        checkOpen.run();
        return Optional.ofNullable(state.blobs.get(digest));
    }

    @Override
    public boolean contains(Digest digest) {
        check(digest);
        checkOpen.run();
        return state.blobs.containsKey(digest);
    }

    private static void check(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        if (digest.algorithm() != HashAlgorithm.SHA_256) {
            throw new StorageException(ErrorCode.STORAGE_KEY_INVALID, "blob address " + digest
                    + " is not a SHA-256 digest; blobs are addressed by sha256:<hex> as returned by put");
        }
    }
}
