package dev.idea.core.validation;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.IdeaException;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import dev.idea.spi.validation.PackageEntry;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a package once, streaming: computes its SHA-256 (and any other digest asked for), recognizes its format by magic bytes
 * (tar+gzip, tar, zip, gzip, plain file) and unpacks it through an {@link EntryWriter} into a
 * sandbox, or only walks it when there is nothing to write (no validators configured).
 *
 * <p>Memory is bounded whatever the package size: 64 KiB buffers, one tar header, and the entry
 * paths ({@link ValidationLimits#maxEntries()} at most). Every failure is a {@link ValidationException}
 * with an {@link ErrorCode}, never a parser's own exception. Stateless.
 */
final class ArchiveUnpacker {
    /** Name of the single entry of a plain or gzip-compressed (non-tar) package. */
    static final String SINGLE_ENTRY = "package";

    private static final int BUFFER = 64 * 1024;
    private static final int PEEK = 512;

    private ArchiveUnpacker() {
    }

    /**
     * What reading a package found.
     *
     * @param digests the package digests, SHA-256 and every other algorithm asked for
     * @param bytesRead how many bytes the source gave
     * @param format the detected format
     * @param entries the accepted entries, sorted by path
     * @param uncompressedBytes total expanded bytes
     */
    record Unpacked(Map<HashAlgorithm, Digest> digests, long bytesRead, String format, List<PackageEntry> entries,
                    long uncompressedBytes) {

        /** Copies the digests. */
        Unpacked {
            digests = Map.copyOf(digests);
        }

        /**
         * Returns SHA-256 of the package bytes.
         *
         * @return the digest
         */
        Digest digest() {
            return digests.get(HashAlgorithm.SHA_256);
        }
    }

    /**
     * Reads and unpacks a package.
     *
     * @param source the package
     * @param limits the bounds
     * @param sandbox where a zip copy and, when {@code extract}, the entries go
     * @param extract whether to write entries into {@link Sandbox#root()}
     * @param algorithms the package digests to compute besides SHA-256 (always computed)
     * @return what was found
     */
    static Unpacked unpack(PackageSource source, ValidationLimits limits, Sandbox sandbox, boolean extract,
                           Set<HashAlgorithm> algorithms) {
        String name = source.describe();
        EntryPolicy policy = new EntryPolicy(limits, name);
        EntryWriter writer = new EntryWriter(extract ? sandbox.root() : null, policy);
        EnumSet<HashAlgorithm> all = EnumSet.of(HashAlgorithm.SHA_256);
        all.addAll(algorithms);
        try (InputStream raw = source.open();
             HashingInputStream counted = new HashingInputStream(raw, all);
             BufferedInputStream in = new ArchiveInputBuffer(counted, BUFFER)) {
            String format = read(in, counted, writer, sandbox, limits, name);
            in.transferTo(OutputSink.INSTANCE);
            return new Unpacked(counted.digests(), counted.count(), format, policy.entries(), policy.uncompressedBytes());
        } catch (EOFException e) {
            throw unreadable(name, "ends before the archive does (truncated): " + e.getMessage(), e);
        } catch (ZipException e) {
            throw unreadable(name, "is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(name, "cannot be read: " + e, e);
        } catch (IdeaException e) {
            throw e;
        } catch (RuntimeException e) {
            // A JDK decoder's unchecked exception on hostile input (e.g. a malformed zip extra field).
            throw unreadable(name, "is corrupt: " + e, e);
        }
    }

    private static String read(BufferedInputStream in, HashingInputStream counted, EntryWriter writer, Sandbox sandbox,
                               ValidationLimits limits, String name) throws IOException {
        byte[] head = peek(in);
        if (isGzip(head)) {
            BufferedInputStream inner = new ArchiveInputBuffer(new GZIPInputStream(new Unclosable(in), BUFFER), BUFFER);
            if (TarUnpacker.isTar(peek(inner))) {
                new TarUnpacker(inner, writer, counted::count, name).unpack();
                // Read past the tar end marker to the gzip trailer, so that its CRC-32 and length are checked.
                drain(inner, writer.policy(), counted);
                return "tar+gzip";
            }
            writer.file(SINGLE_ENTRY, inner, counted::count, -1);
            return "gzip";
        }
        if (ZipUnpacker.isZip(head)) {
            try (OutputStream copy = Channels.newOutputStream(Files.newByteChannel(sandbox.packageCopy(),
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), Sandbox.fileAttributes()))) {
                in.transferTo(copy);
            }
            new ZipUnpacker(sandbox.packageCopy(), writer, limits, name).unpack();
            return "zip";
        }
        if (TarUnpacker.isTar(head)) {
            new TarUnpacker(in, writer, counted::count, name).unpack();
            return "tar";
        }
        writer.file(SINGLE_ENTRY, in, counted::count, -1);
        return "file";
    }

    static ValidationException unreadable(String name, String what, Throwable cause) {
        return new ValidationException(ErrorCode.PACKAGE_UNREADABLE, name + " " + what
                + "; rebuild the archive and submit it again", cause);
    }

    private static void drain(InputStream in, EntryPolicy policy, HashingInputStream counted) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            policy.expanded(n, counted.count());
        }
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
