package dev.idea.kms.local;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.ProviderException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A directory of PKCS#8 PEM private keys, one file {@code <keyRef>.pem} per key.
 *
 * <p>Security guarantees: key references are used as file names only when they match
 * {@code [A-Za-z0-9_-][A-Za-z0-9._-]*} (no path separators, no leading dot); new files are created
 * with permissions {@code rw-------} where the file system supports POSIX permissions, written to a
 * temporary file, forced to disk and then published atomically without replacing an existing key.
 * Not synchronized: {@link LocalKms} serializes writes.
 */
final class KeyDirectory {
    static final String SUFFIX = ".pem";
    static final int MAX_REF_LENGTH = 200;
    private static final Pattern SAFE_REF = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final boolean posix;

    private KeyDirectory(Path directory, boolean posix) {
        this.directory = directory;
        this.posix = posix;
    }

    static KeyDirectory open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(dir)) {
                boolean posixParent = dir.getParent() != null && Files.isDirectory(dir.getParent())
                        && dir.getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
                if (posixParent) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
                } else {
                    Files.createDirectories(dir);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "key directory " + dir
                    + " does not exist and cannot be created (" + e + "); create it or set idea.kms.local.directory", e);
        }
        return new KeyDirectory(dir, dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    static boolean isSafe(String ref) {
        return ref.length() <= MAX_REF_LENGTH && SAFE_REF.matcher(ref).matches();
    }

    static void requireSafe(String ref) {
        if (!isSafe(ref)) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "key reference \"" + ref
                    + "\" cannot name a key file; use 1 to " + MAX_REF_LENGTH
                    + " characters from [A-Za-z0-9._-] that do not start with a dot");
        }
    }

    Path path() {
        return directory;
    }

    /** Reads every {@code <safe ref>.pem} file, by ref in sorted order. */
    TreeMap<String, String> readAll() {
        TreeMap<String, String> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                String ref = name.substring(0, name.length() - SUFFIX.length());
                if (isSafe(ref) && Files.isRegularFile(file)) {
                    files.put(ref, read(file));
                }
            }
        } catch (IOException e) {
            throw failure("cannot list key directory " + directory, e);
        }
        return files;
    }

    Optional<String> read(String ref) {
        Path file = file(ref);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    String describe(String ref) {
        return "key file " + file(ref);
    }

    /** Publishes a new key file; refuses to replace an existing one. */
    void create(String ref, byte[] content) {
        requireSafe(ref);
        Path target = file(ref);
        Path temp = null;
        try {
            temp = posix ? Files.createTempFile(directory, "." + ref + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW))
                    : Files.createTempFile(directory, "." + ref + ".", ".tmp", new FileAttribute<?>[0]);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            publish(temp, target);
            syncDirectory();
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "key file " + target
                    + " already exists; choose another key reference or delete the file", e);
        } catch (IOException e) {
            throw failure("cannot write key file " + target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void publish(Path temp, Path target) throws IOException {
        try {
            // A hard link publishes atomically and fails if another process created the key first.
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the file itself was forced already.
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover temporary file starts with a dot and is never read as a key.
        }
    }

    private Path file(String ref) {
        return directory.resolve(ref + SUFFIX);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw failure("cannot read key file " + file, e);
        }
    }

    private static ProviderException failure(String what, IOException e) {
        return new ProviderException(ErrorCode.PROVIDER_FAILURE, what + " (" + e + "); check that the path exists and is"
                + " readable and writable by this process", e);
    }
}
