package dev.idea.core.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.Signer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The on-disk form of the signer registry: {@code <dataDirectory>/kernel/signers.txt}.
 *
 * <p>Format, version 1: UTF-8 text, lines ending in LF. The first line is exactly
 * {@value #HEADER}. Every other line is either blank, a comment starting with {@code #}, or one
 * signer as four fields separated by single spaces:
 *
 * <pre>
 * signerId algorithmId base64Spki status
 * idea-kernel ed25519 MCowBQYDK2VwAyEA… active
 * </pre>
 *
 * <ul>
 *   <li>{@code signerId}: 1 to 128 characters, letters, digits and {@code . _ : @ -}; unique in the file;
 *   <li>{@code algorithmId}: {@link SignatureAlgorithm#id()}, {@code ed25519} or {@code ecdsa-p256-sha256};
 *   <li>{@code base64Spki}: the DER SubjectPublicKeyInfo in standard base64 with padding;
 *   <li>{@code status}: {@code active} or {@code revoked}.
 * </ul>
 *
 * <p>Signers are written sorted by id, so equal registries give equal files. An operator may mark a
 * signer {@code revoked} by editing its line; nothing else should be edited by hand.
 *
 * <p>Thread-safe: {@link #update} holds a JVM-wide lock and an OS file lock on {@code signers.lock}
 * while it reads, changes and rewrites the file.
 *
 * <p>Security guarantees: a write is durable before {@link #update} returns: the new content is
 * written to {@code signers.txt.tmp}, forced to disk, atomically renamed over {@code signers.txt},
 * and the directory is forced, so a crash leaves either the old or the new registry, never a mix.
 */
final class SignerRegistryFile {
    /** The required first line. */
    static final String HEADER = "# idea kernel signer registry v1";
    static final String FILE_NAME = "signers.txt";
    private static final String ACTIVE = "active";
    private static final String REVOKED = "revoked";
    /** Serialises updates inside this JVM; OS file locks are per process, not per thread. */
    private static final Object JVM_LOCK = new Object();

    private final Path directory;
    private final Path file;

    SignerRegistryFile(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * Reads the signers, applies {@code change} (which may add entries to the map) and writes the
     * file back when the map changed.
     *
     * @param change the change, given a mutable sorted copy of the registry
     * @param <T> what the change returns
     * @return the change's result
     */
    <T> T update(Function<SortedMap<String, Signer>, T> change) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(directory);
                try (FileChannel lock = FileChannel.open(directory.resolve("signers.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    lock.lock(); // released when the channel closes
                    SortedMap<String, Signer> signers = read();
                    SortedMap<String, Signer> before = new TreeMap<>(signers);
                    T result = change.apply(signers);
                    if (!before.equals(signers)) {
                        write(signers);
                    }
                    return result;
                }
            } catch (IOException e) {
                throw new ProviderException(ErrorCode.STORAGE_IO, "cannot read or write the signer registry " + file
                        + " (" + e + "); check that the data directory exists and is writable", e);
            }
        }
    }

    /**
     * Reads and parses the file; a missing file is an empty registry.
     *
     * @return the signers by id
     * @throws IOException when the file cannot be read
     */
    SortedMap<String, Signer> read() throws IOException {
        List<String> lines;
        try {
            lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
        if (!lines.get(0).equals(HEADER)) {
            throw corrupt(1, "the first line must be \"" + HEADER + "\"");
        }
        SortedMap<String, Signer> signers = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Signer signer = parse(line, i + 1);
            if (signers.putIfAbsent(signer.signerId(), signer) != null) {
                throw corrupt(i + 1, "signer id \"" + signer.signerId() + "\" appears twice");
            }
        }
        return signers;
    }

    private Signer parse(String line, int lineNumber) {
        String[] fields = line.split(" ", -1);
        if (fields.length != 4) {
            throw corrupt(lineNumber, "expected 4 fields separated by single spaces (signerId algorithm base64Spki "
                    + "active|revoked), found " + fields.length);
        }
        if (!InProcessKernelProvider.SIGNER_ID.matcher(fields[0]).matches()) {
            throw corrupt(lineNumber, "signer id \"" + InProcessKernelProvider.abbreviate(fields[0]) + "\" is malformed");
        }
        if (!fields[3].equals(ACTIVE) && !fields[3].equals(REVOKED)) {
            throw corrupt(lineNumber, "status \"" + InProcessKernelProvider.abbreviate(fields[3])
                    + "\" must be active or revoked");
        }
        try {
            var key = new VerificationKey(SignatureAlgorithm.ofId(fields[1]), Bytes.fromBase64(fields[2]));
            return new Signer(fields[0], key, fields[3].equals(REVOKED));
        } catch (IdeaException e) {
            throw corrupt(lineNumber, e.getMessage());
        }
    }

    private void write(SortedMap<String, Signer> signers) throws IOException {
        var text = new StringBuilder(HEADER).append('\n')
                .append("# signerId algorithm base64Spki active|revoked\n");
        for (Signer s : signers.values()) {
            text.append(s.signerId()).append(' ').append(s.key().algorithm().id()).append(' ')
                    .append(s.key().spki().base64()).append(' ').append(s.revoked() ? REVOKED : ACTIVE).append('\n');
        }
        Path temp = directory.resolve(FILE_NAME + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    private void forceDirectory() {
        // Makes the rename durable on Linux and macOS; some platforms (Windows) cannot open a
        // directory for reading, and there the rename is already as durable as the OS allows.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            return;
        }
    }

    private ProviderException corrupt(int lineNumber, String problem) {
        return new ProviderException(ErrorCode.STORAGE_CORRUPT, file + " line " + lineNumber + ": " + problem
                + "; fix the line (format: see the in-process kernel documentation) or restore the file from a backup");
    }
}
