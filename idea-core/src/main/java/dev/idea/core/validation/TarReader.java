package dev.idea.core.validation;

import dev.idea.api.ValidationLimits;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks a POSIX (ustar/pax) or GNU tar stream header by header, checking each header checksum and
 * skipping contents, without extracting anything.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {
    }

    static boolean isTar(byte[] head) {
        return head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    static ArchiveSummary read(InputStream in, String format, ValidationLimits limits, String name) throws IOException {
        byte[] header = new byte[BLOCK];
        long entries = 0;
        long total = 0;
        while (true) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                throw new EOFException("tar stream ended inside or before a header after " + entries + " entries");
            }
            if (isZero(header)) {
                return new ArchiveSummary(format, entries, total);
            }
            checkChecksum(header, entries, name);
            long size = number(header, 124, 12, entries, name);
            byte type = header[156];
            boolean metadata = type == 'x' || type == 'g' || type == 'L' || type == 'K';
            if (!metadata) {
                if (++entries > limits.maxEntries()) {
                    throw ArchiveReader.tooMany(name, limits);
                }
                total += size;
                if (total > limits.maxUncompressedBytes()) {
                    throw ArchiveReader.tooBig(name, limits);
                }
            }
            skipFully(in, (size + BLOCK - 1) / BLOCK * BLOCK, entries);
        }
    }

    private static void checkChecksum(byte[] h, long index, String name) {
        long expected = number(h, 148, 8, index, name);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (sum != expected) {
            throw ArchiveReader.unreadable(name, "has a tar header with a bad checksum at entry " + index
                    + " (stored " + expected + ", computed " + sum + ")", null);
        }
    }

    /** Parses an octal field, or a base-256 one (high bit of the first byte set), as GNU tar writes large sizes. */
    private static long number(byte[] h, int offset, int length, long index, String name) {
        if ((h[offset] & 0x80) != 0) {
            long value = h[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw ArchiveReader.unreadable(name, "has an oversized numeric field at entry " + index, null);
                }
                value = value << 8 | h[offset + i] & 0xff;
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
            value = value * 8 + (h[i] - '0');
        }
        for (; i < end; i++) {
            if (h[i] != ' ' && h[i] != 0) {
                throw ArchiveReader.unreadable(name, "has a non-octal numeric field at entry " + index, null);
            }
        }
        return value;
    }

    private static void skipFully(InputStream in, long bytes, long index) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("tar stream ended inside the content of entry " + index);
            }
            left -= n;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
