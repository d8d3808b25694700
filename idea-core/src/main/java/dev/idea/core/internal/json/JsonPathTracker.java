package dev.idea.core.internal.json;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.util.Arrays;

/**
 * Tracks where the parser is in the document, to name the place of an error as a JSONPath such as
 * {@code $.a.b[2]}, and enforces the nesting limit.
 *
 * <p>Not thread-safe; one per parse. Recording a step is two array stores, the path text is built
 * only when an error is reported.
 */
final class JsonPathTracker {
    private static final int MAX_SHOWN = 64;

    private String[] keys = new String[16];
    private int[] indexes = new int[16];
    private int depth;

    void enter(int maxDepth) {
        if (depth == maxDepth) {
            throw new FormatException(ErrorCode.JSON_TOO_DEEP, "nesting depth " + (depth + 1) + " at " + this
                    + " exceeds the limit of " + maxDepth + "; flatten the document or raise JsonLimits.maxDepth");
        }
        depth++;
        if (depth == keys.length) {
            keys = Arrays.copyOf(keys, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
        keys[depth] = null;
        indexes[depth] = -1;
    }

    void exit() {
        depth--;
    }

    void key(String key) {
        keys[depth] = key;
    }

    void index(int index) {
        indexes[depth] = index;
    }

    /** Returns the path of the current position, e.g. {@code $.a["x y"][3]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (int d = 1; d <= depth; d++) {
            if (keys[d] != null) {
                if (isIdentifier(keys[d])) {
                    sb.append('.').append(keys[d]);
                } else {
                    sb.append('[').append(quote(keys[d])).append(']');
                }
            } else if (indexes[d] >= 0) {
                sb.append('[').append(indexes[d]).append(']');
            }
        }
        return sb.toString();
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || s.length() > MAX_SHOWN) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Quotes a name for a message: printable ASCII kept, everything else as backslash-u escapes, long names cut. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 2).append('"');
        for (int i = 0; i < s.length() && i < MAX_SHOWN; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return sb.append(s.length() > MAX_SHOWN ? "...\"" : "\"").toString();
    }

    /** Cuts a token for a message. */
    static String abbreviate(String token) {
        return token.length() <= MAX_SHOWN ? token : token.substring(0, MAX_SHOWN) + "... (" + token.length() + " chars)";
    }
}
