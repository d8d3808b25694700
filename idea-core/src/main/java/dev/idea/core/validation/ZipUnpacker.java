package dev.idea.core.validation;

import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip package from its copy in the sandbox.
 *
 * <p>Why a copy and two views: a zip has two indexes, the central directory at its end (what
 * {@code unzip} and {@link ZipFile} use) and the local headers in front of each entry (what streaming
 * readers use). A hostile zip can show different entries to each, or point several central-directory
 * entries at one local entry (overlapping bombs). IDEA therefore reads the central directory with
 * {@link ZipFile} on the private copy, checks the entry count and the declared sizes before expanding
 * anything, then walks the local headers with {@link ZipInputStream} (counting every expanded byte
 * against the limits) and refuses the package unless both views list the same names; only then are
 * the entries written, from the central directory, counting every byte again. The cost is inflating
 * the package twice; zip packages are refused sooner rather than unpacked wrong.
 *
 * <p>Entry names must be UTF-8. Zip symbolic links (a Unix mode in the external attributes, which
 * {@link ZipEntry} does not expose) are unpacked as regular files holding the target text. Not
 * thread-safe.
 */
final class ZipUnpacker {
    private final Path copy;
    private final EntryWriter writer;
    private final ValidationLimits limits;
    private final String name;

    ZipUnpacker(Path copy, EntryWriter writer, ValidationLimits limits, String name) {
        this.copy = copy;
        this.writer = writer;
        this.limits = limits;
        this.name = name;
    }

    static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 && h[3] == 4 || h[2] == 5 && h[3] == 6);
    }

    void unpack() throws IOException {
        long packageSize = Files.size(copy);
        try (ZipFile zip = open()) {
            if (zip.size() > limits.maxEntries()) {
                throw writer.policy().tooManyEntries(zip.size());
            }
            List<String> central = centralNames(zip);
            List<String> local = localNames(packageSize);
            central.sort(null);
            local.sort(null);
            if (!central.equals(local)) {
                throw ArchiveUnpacker.unreadable(name, "lists " + central.size() + " entries in its central directory but "
                        + local.size() + " different or other ones in its local headers (hidden or overlapping entries)", null);
            }
            EntryPolicy counters = writer.policy();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    writer.directory(entry.getName());
                    continue;
                }
                long entryCompressed = Math.max(0, entry.getCompressedSize());
                try (InputStream in = zip.getInputStream(entry)) {
                    writer.file(entry.getName(), in, () -> packageSize, entryCompressed);
                }
            }
            counters.checkRatio(counters.uncompressedBytes(), packageSize, "the package");
        }
    }

    private ZipFile open() throws IOException {
        try {
            return new ZipFile(copy.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("bad entry name") || message.contains("MALFORMED")) {
                throw nameEncoding(e);
            }
            throw e;
        } catch (IllegalArgumentException e) {
            throw nameEncoding(e);
        }
    }

    private List<String> centralNames(ZipFile zip) {
        List<String> names = new ArrayList<>(zip.size());
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            long declared = entry.getSize();
            if (declared > limits.maxUncompressedBytes()) {
                throw new ValidationException(ErrorCode.ARCHIVE_BOMB, name + " declares entry \""
                        + EntryPolicy.printable(entry.getName()) + "\" of " + declared + " bytes, more than "
                        + limits.maxUncompressedBytes() + " (ValidationLimits.maxUncompressedBytes)");
            }
            names.add(entry.getName());
        }
        return names;
    }

    /** Walks the local headers, expanding each entry through the limits, and returns their names. */
    private List<String> localNames(long packageSize) throws IOException {
        EntryPolicy counter = new EntryPolicy(limits, name);
        List<String> names = new ArrayList<>();
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(copy), 64 * 1024),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (names.size() >= limits.maxEntries()) {
                    throw counter.tooManyEntries(names.size() + 1);
                }
                names.add(entry.getName());
                long entryBytes = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    entryBytes += n;
                    counter.expanded(n, packageSize);
                    if (entry.getCompressedSize() >= 0) { // unknown (-1) when a data descriptor follows the data
                        counter.checkRatio(entryBytes, entry.getCompressedSize(), "entry \""
                                + EntryPolicy.printable(entry.getName()) + "\"");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw nameEncoding(e);
        }
        return names;
    }

    private ValidationException nameEncoding(Exception e) {
        return new ValidationException(ErrorCode.ARCHIVE_NAME_ENCODING, name + " has an entry name that is not valid UTF-8 ("
                + e.getMessage() + "); rename the files with UTF-8 names and rebuild the archive", e);
    }
}
