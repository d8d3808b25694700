package dev.idea.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Digest;
import dev.idea.api.HashAlgorithm;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A blob larger than the test JVM's whole heap (surefire runs this module with -Xmx256m) goes in and
 * comes out as streams: a put and a read hold one chunk, never the blob.
 */
class LargeBlobTest {
    private static final long SIZE = 512L << 20;

    @Test
    void putAndOpen_blobTwiceTheHeap_streamWithBoundedMemory() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() < SIZE, "run with a heap smaller than the blob");
        String schema = TestDatabase.get().freshSchema("large");
        try (Storage storage = new JdbcStorageProvider(TestDatabase.get().dataSource())
                .open(new StorageContext(Map.of(JdbcStorageProvider.SCHEMA_PROPERTY, schema), null, Clock.systemUTC()))) {
            MessageDigest expected = HashAlgorithm.SHA_256.newMessageDigest();
            Digest digest;
            try (InputStream in = new CountingStream(SIZE, expected)) {
                digest = storage.blobs().put(in);
            }
            assertEquals(Digest.ofSha256(expected.digest()), digest);
            MessageDigest actual = HashAlgorithm.SHA_256.newMessageDigest();
            long read = 0;
            try (InputStream in = storage.blobs().open(digest).orElseThrow()) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    actual.update(buffer, 0, n);
                    read += n;
                }
            }
            assertEquals(SIZE, read);
            assertEquals(digest, Digest.ofSha256(actual.digest()));
        }
    }

    /** Cheap generated content (a counter pattern), hashed as it is handed out. */
    private static final class CountingStream extends InputStream {
        private final long length;
        private final MessageDigest digest;
        private long position;

        CountingStream(long length, MessageDigest digest) {
            this.length = length;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = (byte) (p ^ (p >>> 11) ^ (p >>> 23));
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }
    }
}
