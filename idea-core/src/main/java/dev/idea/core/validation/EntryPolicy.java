package dev.idea.core.validation;

import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import dev.idea.spi.validation.PackageEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every archive entry must pass before anything is written for it: a UTF-8 name without
 * control characters, a relative path that stays inside the package, bounded depth and length, no
 * duplicate, links whose targets stay inside, and the entry-count, size and compression-ratio limits.
 *
 * <p>Memory is bounded by {@link ValidationLimits#maxEntries()}: one map entry per accepted path.
 * Lookups use hash maps, but nothing iterates them: {@link #entries()} sorts by path. Not thread-safe;
 * one instance serves one package.
 */
final class EntryPolicy {
    private final ValidationLimits limits;
    private final String name;
    private final Map<String, PackageEntry> seen = new HashMap<>();
    private final Set<String> implicitDirectories = new HashSet<>();
    private long uncompressed;

    EntryPolicy(ValidationLimits limits, String name) {
        this.limits = limits;
        this.name = name;
    }

    /**
     * Decodes an entry name strictly as UTF-8.
     *
     * @param raw the name bytes
     * @return the name
     * @throws ValidationException with {@link ErrorCode#ARCHIVE_NAME_ENCODING}
     */
    String decodeName(byte[] raw, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException(ErrorCode.ARCHIVE_NAME_ENCODING, name + " has an entry name that is not valid UTF-8 "
                    + "(entry " + (seen.size() + 1) + "); rename the file with a UTF-8 name and rebuild the archive", e);
        }
    }

    /**
     * Normalizes an entry path: {@code /} separators, no {@code .} or empty components, no trailing slash.
     *
     * @param raw the path as the archive holds it
     * @return the normalized path, or {@code ""} for the package root itself
     */
    String normalize(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ValidationException(ErrorCode.ARCHIVE_NAME_ENCODING, name + " has an entry name with control character "
                        + String.format("U+%04X", (int) c) + " in \"" + printable(raw) + "\"; rename the file and rebuild the archive");
            }
        }
        if (raw.startsWith("/") || raw.indexOf('\\') >= 0 || raw.length() > 1 && raw.charAt(1) == ':') {
            throw traversal(raw, "is absolute or uses a drive letter or backslash");
        }
        List<String> parts = new ArrayList<>();
        for (String part : raw.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw traversal(raw, "climbs out with \"..\"");
            }
            parts.add(part);
        }
        String path = String.join("/", parts);
        if (parts.size() > limits.maxPathDepth() || path.getBytes(StandardCharsets.UTF_8).length > limits.maxPathBytes()) {
            throw new ValidationException(ErrorCode.ARCHIVE_TOO_DEEP, name + " has entry \"" + printable(path) + "\" with "
                    + parts.size() + " components and " + path.length() + " characters; the limits are "
                    + limits.maxPathDepth() + " components (ValidationLimits.maxPathDepth) and " + limits.maxPathBytes()
                    + " bytes (ValidationLimits.maxPathBytes)");
        }
        return path;
    }

    /**
     * Accepts one entry, checking count, duplicates and that no ancestor is a file or a link.
     *
     * @param path a path from {@link #normalize}, not empty
     * @param type what it is
     * @param size content length (0 for directories and links)
     */
    void accept(String path, PackageEntry.Type type, long size) {
        if (seen.size() >= limits.maxEntries()) {
            throw tooManyEntries(limits.maxEntries() + 1);
        }
        if (seen.containsKey(path) || type != PackageEntry.Type.DIRECTORY && implicitDirectories.contains(path)) {
            throw new ValidationException(ErrorCode.ARCHIVE_DUPLICATE_ENTRY, name + " holds \"" + printable(path)
                    + "\" more than once (or as both a file and a directory); rebuild the archive with each path once");
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String ancestor = path.substring(0, slash);
            PackageEntry parent = seen.get(ancestor);
            if (parent != null && parent.type() == PackageEntry.Type.SYMLINK) {
                throw new ValidationException(ErrorCode.ARCHIVE_LINK_ESCAPE, name + " has entry \"" + printable(path)
                        + "\" under the symbolic link \"" + printable(ancestor) + "\"; entries must not be placed through links");
            }
            if (parent != null && parent.type() == PackageEntry.Type.FILE) {
                throw new ValidationException(ErrorCode.ARCHIVE_DUPLICATE_ENTRY, name + " has entry \"" + printable(path)
                        + "\" under \"" + printable(ancestor) + "\", which is a file; rebuild the archive");
            }
            implicitDirectories.add(ancestor);
        }
        seen.put(path, new PackageEntry(path, type, size));
    }

    /**
     * Records the actual content length of a file accepted before its content was read.
     *
     * @param path the file's normalized path
     * @param size bytes written
     */
    void resize(String path, long size) {
        seen.put(path, new PackageEntry(path, PackageEntry.Type.FILE, size));
    }

    /**
     * Checks a symbolic link's target: relative, and inside the package when resolved from the link's directory.
     *
     * @param path the link's normalized path
     * @param target the target as the archive holds it
     */
    void checkSymlinkTarget(String path, String target) {
        if (target.isEmpty() || target.startsWith("/") || target.indexOf('\\') >= 0
                || target.length() > 1 && target.charAt(1) == ':') {
            throw linkEscape(path, target, "is empty or absolute");
        }
        int depth = (int) path.chars().filter(c -> c == '/').count();
        for (String part : target.split("/", -1)) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    throw linkEscape(path, target, "leaves the package");
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
    }

    /**
     * Resolves a hard link's target: a regular file accepted earlier.
     *
     * @param path the link's normalized path
     * @param target the target as the archive holds it (relative to the package root)
     * @return the target entry
     */
    PackageEntry hardLinkTarget(String path, String target) {
        String normalized;
        try {
            normalized = normalize(target);
        } catch (ValidationException e) {
            throw linkEscape(path, target, "leaves the package");
        }
        PackageEntry entry = seen.get(normalized);
        if (entry == null || entry.type() != PackageEntry.Type.FILE) {
            throw linkEscape(path, target, "is not a regular file earlier in the archive");
        }
        return entry;
    }

    /**
     * Counts expanded bytes against the total and the compression-ratio limits.
     *
     * @param bytes bytes just expanded
     * @param compressedSoFar compressed bytes consumed so far (for the whole package or the entry)
     */
    void expanded(long bytes, long compressedSoFar) {
        uncompressed += bytes;
        if (uncompressed > limits.maxUncompressedBytes()) {
            throw new ValidationException(ErrorCode.ARCHIVE_BOMB, name + " expands to more than " + limits.maxUncompressedBytes()
                    + " bytes (ValidationLimits.maxUncompressedBytes); submit a smaller package or raise the limit");
        }
        checkRatio(uncompressed, compressedSoFar, "the package");
    }

    /**
     * Checks one ratio of expanded to compressed bytes.
     *
     * @param expanded uncompressed bytes
     * @param compressed compressed bytes they came from
     * @param what what the ratio is of, for the message
     */
    void checkRatio(long expanded, long compressed, String what) {
        if (expanded > ValidationLimits.RATIO_GRACE_BYTES && expanded / Math.max(1, compressed) > limits.maxCompressionRatio()) {
            throw new ValidationException(ErrorCode.ARCHIVE_BOMB, name + ": " + what + " expands " + expanded / Math.max(1, compressed)
                    + " times (" + compressed + " compressed bytes to more than " + expanded + "); the limit is "
                    + limits.maxCompressionRatio() + " (ValidationLimits.maxCompressionRatio): this looks like a compression bomb");
        }
    }

    ValidationException tooManyEntries(long count) {
        return new ValidationException(ErrorCode.ARCHIVE_TOO_MANY_ENTRIES, name + " has " + count + " or more entries; the limit is "
                + limits.maxEntries() + " (ValidationLimits.maxEntries); bundle small files or raise the limit");
    }

    long uncompressedBytes() {
        return uncompressed;
    }

    /**
     * Returns every accepted entry, sorted by path.
     *
     * @return the entries
     */
    List<PackageEntry> entries() {
        List<PackageEntry> all = new ArrayList<>(seen.values());
        all.sort(Comparator.comparing(PackageEntry::path));
        return List.copyOf(all);
    }

    private ValidationException traversal(String raw, String why) {
        return new ValidationException(ErrorCode.ARCHIVE_PATH_TRAVERSAL, name + " has entry \"" + printable(raw) + "\" that " + why
                + "; rebuild the archive with relative paths inside it");
    }

    private ValidationException linkEscape(String path, String target, String why) {
        return new ValidationException(ErrorCode.ARCHIVE_LINK_ESCAPE, name + " has link \"" + printable(path) + "\" whose target \""
                + printable(target) + "\" " + why + "; links must point to entries inside the package");
    }

    /** Shortens and escapes a hostile name for a message. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > 200 ? b + "…" : b.toString();
    }
}
