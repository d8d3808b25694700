package dev.idea.cli;

import dev.idea.api.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File reading and writing for the commands, with I/O failures turned into one-line
 * {@link CommandException}s that name the file.
 */
final class FileSupport {

    private FileSupport() {
    }

    /**
     * Reads at most {@code limit + 1} bytes, so that a parser with limit {@code limit} sees the input
     * is too large without this method reading an unbounded file into memory.
     *
     * @param in the stream, not closed here
     * @param limit the consumer's size limit
     * @param what the name of the source, for messages
     * @return the bytes read
     */
    static Bytes readBounded(InputStream in, int limit, String what) {
        try {
            return Bytes.of(in.readNBytes(limit + 1));
        } catch (IOException e) {
            throw new CommandException("cannot read " + what + ": " + describe(e), e);
        }
    }

    /**
     * Reads a file of at most {@code limit + 1} bytes (see {@link #readBounded}).
     *
     * @param file the file
     * @param limit the consumer's size limit
     * @return the bytes read
     */
    static Bytes readFile(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            return readBounded(in, limit, file.toString());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + describe(e) + "; check the path", e);
        }
    }

    /**
     * Writes a file through a temporary sibling and an atomic rename, so that a reader never sees
     * half a file.
     *
     * @param file the destination; its parent is created when missing
     * @param content the bytes
     */
    static void writeAtomically(Path file, Bytes content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, content.toByteArray());
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + describe(e)
                    + "; check that the directory is writable", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
