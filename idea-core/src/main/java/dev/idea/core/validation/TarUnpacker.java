package dev.idea.core.validation;

import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Reads a POSIX (ustar / pax) or GNU tar stream header by header and hands each entry to an
 * {@link EntryWriter}: regular files, directories, symbolic and hard links; pax {@code path},
 * {@code linkpath} and {@code size} records; GNU long names ({@code L}, {@code K}). Every header
 * checksum is verified. Devices, FIFOs, sparse and multi-volume entries are refused.
 *
 * <p>Streams in bounded memory: one 512-byte header, and metadata records bounded by
 * {@link #MAX_METADATA_BYTES}. Not thread-safe.
 */
final class TarUnpacker {
    /** Largest pax or GNU long-name record accepted: 64 KiB. */
    static final int MAX_METADATA_BYTES = 64 * 1024;

    private static final int BLOCK = 512;

    private final InputStream in;
    private final EntryWriter writer;
    private final LongSupplier compressed;
    private final String name;
    private final byte[] header = new byte[BLOCK];
    private long index;

    TarUnpacker(InputStream in, EntryWriter writer, LongSupplier compressed, String name) {
        this.in = in;
        this.writer = writer;
        this.compressed = compressed;
        this.name = name;
    }

    static boolean isTar(byte[] head) {
        return head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    /** Reads entries up to the end-of-archive marker (or the end of a stream that ends cleanly at a block). */
    void unpack() throws IOException {
        String longName = null;
        String longLink = null;
        PaxRecords pax = null;
        while (true) {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0 && index > 0) {
                return;
            }
            if (n < BLOCK) {
                throw new EOFException("the tar stream ends inside or before header " + (index + 1));
            }
            if (isZero(header)) {
                return;
            }
            index++;
            checkChecksum();
            long size = number(124, 12);
            byte type = header[156];
            switch (type) {
                case 'x' -> pax = PaxRecords.parse(metadata(size), writer.policy());
                case 'g' -> metadata(size);
                case 'L' -> longName = text(metadata(size));
                case 'K' -> longLink = text(metadata(size));
                default -> {
                    String path = pax != null && pax.path() != null ? pax.path() : longName != null ? longName : headerName();
                    String link = pax != null && pax.linkPath() != null ? pax.linkPath()
                            : longLink != null ? longLink : field(157, 100);
                    long contentSize = pax != null && pax.size() >= 0 ? pax.size() : size;
                    entry(type, path, link, contentSize);
                    longName = null;
                    longLink = null;
                    pax = null;
                }
            }
        }
    }

    private void entry(byte type, String path, String link, long size) throws IOException {
        switch (type) {
            case '0', 0, '7' -> {
                BoundedInputStream content = new BoundedInputStream(in, size, index);
                writer.file(path, content, compressed, -1);
                skip(padding(size));
            }
            case '5' -> {
                writer.directory(path);
                skip(padded(size));
            }
            case '2' -> {
                writer.symlink(path, link);
                skip(padded(size));
            }
            case '1' -> {
                writer.hardLink(path, link, compressed);
                skip(padded(size));
            }
            default -> throw new ValidationException(ErrorCode.ARCHIVE_ENTRY_UNSUPPORTED, name + " has entry \""
                    + EntryPolicy.printable(path) + "\" of tar type '" + (char) type + "' (device, FIFO, sparse or "
                    + "multi-volume); packages may hold only files, directories and links");
        }
    }

    private byte[] metadata(long size) throws IOException {
        if (size > MAX_METADATA_BYTES) {
            throw ArchiveUnpacker.unreadable(name, "has a tar metadata record of " + size + " bytes at entry " + index
                    + "; the limit is " + MAX_METADATA_BYTES, null);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("the tar stream ends inside metadata record " + index);
        }
        skip(padding(size));
        return data;
    }

    private String text(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return writer.policy().decodeName(data, 0, end);
    }

    private String headerName() {
        String base = field(0, 100);
        boolean posix = header[257 + 5] == 0 && header[263] == '0' && header[264] == '0';
        String prefix = posix ? field(345, 155) : "";
        return prefix.isEmpty() ? base : prefix + "/" + base;
    }

    private String field(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return writer.policy().decodeName(header, offset, end - offset);
    }

    private void checkChecksum() {
        long expected = number(148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum != expected) {
            throw ArchiveUnpacker.unreadable(name, "has a tar header with a bad checksum at entry " + index
                    + " (stored " + expected + ", computed " + sum + ")", null);
        }
    }

    /** Parses an octal field, or a base-256 one (high bit of the first byte set), as GNU tar writes large sizes. */
    private long number(int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            if ((header[offset] & 0x40) != 0) {
                throw ArchiveUnpacker.unreadable(name, "has a negative numeric field at entry " + index, null);
            }
            long value = header[offset] & 0x3f;
            for (int i = 1; i < length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw ArchiveUnpacker.unreadable(name, "has an oversized numeric field at entry " + index, null);
                }
                value = value << 8 | header[offset + i] & 0xff;
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end && header[i] >= '0' && header[i] <= '7'; i++) {
            if (value > (Long.MAX_VALUE >> 3)) {
                throw ArchiveUnpacker.unreadable(name, "has an oversized numeric field at entry " + index, null);
            }
            value = value * 8 + (header[i] - '0');
        }
        for (; i < end; i++) {
            if (header[i] != ' ' && header[i] != 0) {
                throw ArchiveUnpacker.unreadable(name, "has a non-octal numeric field at entry " + index, null);
            }
        }
        return value;
    }

    private static long padding(long size) {
        return padded(size) - size;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private void skip(long bytes) throws IOException {
        byte[] buffer = new byte[BLOCK];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the tar stream ends inside entry " + index);
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
