package dev.idea.core.validation;

import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Recognizes a package's format by its magic bytes and reads it to its end, counting entries and
 * uncompressed bytes within the limits. Never writes anything anywhere.
 */
final class ArchiveReader {
    private static final int PEEK = 512;

    private ArchiveReader() {
    }

    static ArchiveSummary read(BufferedInputStream in, ValidationLimits limits, String name) {
        try {
            byte[] head = peek(in);
            if (isGzip(head)) {
                BufferedInputStream inner = new BufferedInputStream(new GZIPInputStream(new Unclosable(in), 64 * 1024), 64 * 1024);
                if (TarReader.isTar(peek(inner))) {
                    ArchiveSummary tar = TarReader.read(inner, "tar+gzip", limits, name);
                    // Read past the tar end marker to the gzip trailer, so that its CRC-32 and length are checked.
                    drain(inner, limits, name);
                    return tar;
                }
                long bytes = drain(inner, limits, name);
                return new ArchiveSummary("gzip", 1, bytes);
            }
            if (isZip(head)) {
                return readZip(in, limits, name);
            }
            if (TarReader.isTar(head)) {
                return TarReader.read(in, "tar", limits, name);
            }
            return new ArchiveSummary("file", 1, 0);
        } catch (EOFException e) {
            throw unreadable(name, "ends before the archive does (truncated): " + e.getMessage(), e);
        } catch (ZipException e) {
            throw unreadable(name, "is corrupt: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(name, "has an entry whose name is not valid in its declared encoding: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(name, "cannot be read: " + e, e);
        }
    }

    static ValidationException unreadable(String name, String what, Throwable cause) {
        return new ValidationException(ErrorCode.PACKAGE_UNREADABLE, name + " " + what
                + "; rebuild the archive and submit it again", cause);
    }

    private static ArchiveSummary readZip(InputStream in, ValidationLimits limits, String name) throws IOException {
        long entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new Unclosable(in))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw tooMany(name, limits);
                }
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > limits.maxUncompressedBytes()) {
                        throw tooBig(name, limits);
                    }
                }
            }
        }
        return new ArchiveSummary("zip", entries, total);
    }

    static ValidationException tooMany(String name, ValidationLimits limits) {
        return new ValidationException(ErrorCode.PACKAGE_TOO_LARGE, name + " has more than " + limits.maxEntries()
                + " entries (ValidationLimits.maxEntries)");
    }

    static ValidationException tooBig(String name, ValidationLimits limits) {
        return new ValidationException(ErrorCode.PACKAGE_TOO_LARGE, name + " expands to more than "
                + limits.maxUncompressedBytes() + " bytes (ValidationLimits.maxUncompressedBytes)");
    }

    private static long drain(InputStream in, ValidationLimits limits, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limits.maxUncompressedBytes()) {
                throw tooBig(name, limits);
            }
        }
        return total;
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        return head;
    }

    private static boolean isGzip(byte[] h) {
        return h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
    }

    private static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 && h[3] == 4 || h[2] == 5 && h[3] == 6);
    }

    /** Keeps an inner stream from closing the package stream underneath. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the outer stream is closed by its owner
        }
    }
}
