package dev.idea.spi.storage;

import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import java.util.regex.Pattern;

/**
 * The naming rules every storage provider enforces, so that a key valid for one provider is valid
 * for all of them.
 *
 * @since 0.1
 */
public final class StorageNames {
    /** Longest record key, in characters. */
    public static final int MAX_KEY_LENGTH = 512;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1," + MAX_KEY_LENGTH + "}");
    private static final Pattern LOG_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private StorageNames() {
    }

    /**
     * Checks a record key: 1-512 characters of {@code A-Z a-z 0-9 . _ - /}, no leading or trailing
     * {@code /}, no empty, {@code .} or {@code ..} segment.
     *
     * @param key the key
     * @return the key
     * @throws StorageException with {@link ErrorCode#STORAGE_KEY_INVALID} naming the rule broken
     */
    public static String requireRecordKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new StorageException(ErrorCode.STORAGE_KEY_INVALID, "record key \"" + key
                    + "\" must be 1-" + MAX_KEY_LENGTH + " characters of A-Z a-z 0-9 . _ - /");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new StorageException(ErrorCode.STORAGE_KEY_INVALID, "record key \"" + key
                        + "\" has an empty, \".\" or \"..\" segment; use names like \"targets/payments-api\"");
            }
        }
        return key;
    }

    /**
     * Checks a log name: 1-64 characters of {@code a-z 0-9 -}, starting with a letter or digit.
     *
     * @param name the name
     * @return the name
     * @throws StorageException with {@link ErrorCode#STORAGE_KEY_INVALID}
     */
    public static String requireLogName(String name) {
        if (name == null || !LOG_NAME.matcher(name).matches()) {
            throw new StorageException(ErrorCode.STORAGE_KEY_INVALID, "log name \"" + name
                    + "\" must be 1-64 characters of a-z 0-9 -, starting with a letter or digit");
        }
        return name;
    }
}
