package dev.idea.core.validation;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.HashAlgorithm;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts the bytes read through it and feeds them to one message digest per algorithm, so that a
 * package is hashed with every algorithm asked for in its single read pass. Not thread-safe.
 */
final class HashingInputStream extends FilterInputStream {
    private final HashAlgorithm[] algorithms;
    private final MessageDigest[] digests;
    private long count;

    /**
     * Wraps a stream.
     *
     * @param in the package bytes
     * @param algorithms the digests to compute, at least one
     */
    HashingInputStream(InputStream in, Set<HashAlgorithm> algorithms) {
        super(in);
        this.algorithms = algorithms.stream().sorted().toArray(HashAlgorithm[]::new);
        this.digests = new MessageDigest[this.algorithms.length];
        for (int i = 0; i < digests.length; i++) {
            digests[i] = this.algorithms[i].newMessageDigest();
        }
    }

    long count() {
        return count;
    }

    /**
     * Completes the digests; call once, after the last read.
     *
     * @return the digest of every algorithm asked for
     */
    Map<HashAlgorithm, Digest> digests() {
        Map<HashAlgorithm, Digest> out = new EnumMap<>(HashAlgorithm.class);
        for (int i = 0; i < digests.length; i++) {
            out.put(algorithms[i], new Digest(algorithms[i], Bytes.of(digests[i].digest())));
        }
        return out;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
            for (MessageDigest md : digests) {
                md.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            for (MessageDigest md : digests) {
                md.update(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would bypass the digests; read instead.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
