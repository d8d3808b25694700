package dev.idea.core;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.engine.IdeaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the files that configuration properties name (trust store, approval policy, guard policy), so
 * that every failure names the property, the path and, for bad content, the field.
 *
 * <p>Stateless and thread-safe.
 */
final class ConfigFiles {
    /** Largest configuration file read: 1 MiB. */
    static final int MAX_BYTES = 1 << 20;

    private ConfigFiles() {
    }

    /** Returns the path a property names, if set; relative paths resolve against the working directory. */
    static Optional<Path> path(IdeaConfig config, String property) {
        Optional<String> value = config.setting(property, null);
        try {
            return value.map(v -> Path.of(v.trim()));
        } catch (InvalidPathException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, property + " \"" + value.get()
                    + "\" is not a valid path: " + e.getReason() + "; give the path of the file", e);
        }
    }

    /**
     * Reads a file and parses it, re-throwing a parser's failure as a {@link ConfigurationException}
     * with the same code, prefixed with what the file is, its path and the property that named it.
     */
    static <T> T parse(Path path, String property, String what, Function<Bytes, T> parser) {
        Bytes content = read(path, property, what);
        try {
            return parser.apply(content);
        } catch (IdeaException e) {
            throw new ConfigurationException(e.errorCode(), what + " " + path + " (" + property + "): " + withoutCode(e), e);
        }
    }

    private static Bytes read(Path path, String property, String what) {
        try {
            if (!Files.isRegularFile(path)) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, what + " " + path.toAbsolutePath() + " named by "
                        + property + " does not exist or is not a regular file; create it or correct the path");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, what + " " + path + " named by " + property
                        + " is " + Files.size(path) + " bytes; the limit is " + MAX_BYTES);
            }
            return Bytes.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, what + " " + path + " named by " + property
                    + " cannot be read: " + e + "; check its permissions", e);
        }
    }

    /** The message of an exception without its leading {@code IDEA-nnnn NAME: }, to prefix it with context. */
    static String withoutCode(IdeaException e) {
        String prefix = e.errorCode().code() + " " + e.errorCode().name() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
