package dev.idea.core.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import dev.idea.api.FormatException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where values sit in a JSON document: the line and byte offset of the values at given JSONPaths
 * (as {@link JsonValue} trees do not keep positions), so that a finding about {@code $.components[3]}
 * can name its line. Paths are written as parse errors write them, e.g. {@code $.a.b[2]}.
 *
 * <p>Stateless and thread-safe. The document is read once more, streaming, with the same strict
 * parser and limits as {@link Json#parse}.
 */
public final class JsonLocations {
    private static final Pattern IN_MESSAGE = Pattern.compile(" at line (\\d+), column \\d+ \\(byte offset (\\d+)\\)");

    private JsonLocations() {
    }

    /**
     * A place in a document.
     *
     * @param line 1-based line
     * @param byteOffset 0-based byte offset of the value's first byte
     */
    public record Location(long line, long byteOffset) {
    }

    /**
     * Locates values by JSONPath.
     *
     * @param utf8 the document
     * @param limits size and depth bounds
     * @param paths the paths wanted, e.g. {@code $.components[0]}
     * @return the location of each wanted path present in the document
     * @throws FormatException when the document is not well-formed JSON
     */
    public static Map<String, Location> locate(byte[] utf8, JsonLimits limits, Set<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        return JsonReader.run(utf8, limits, (parser, mayHaveEscapes) -> {
            Map<String, Location> found = new HashMap<>(); // looked up only, never iterated
            JsonPathTracker path = new JsonPathTracker();
            int[] next = new int[16];
            boolean[] array = new boolean[16];
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    path.key(parser.currentName());
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.exit();
                    depth--;
                    continue;
                }
                if (array[depth]) {
                    path.index(next[depth]++);
                }
                String here = path.toString();
                if (paths.contains(here)) {
                    JsonLocation at = parser.currentTokenLocation();
                    found.put(here, new Location(at.getLineNr(), at.getByteOffset()));
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.enter(limits.maxDepth());
                    depth++;
                    if (depth == next.length) {
                        next = Arrays.copyOf(next, depth * 2);
                        array = Arrays.copyOf(array, depth * 2);
                    }
                    array[depth] = t == JsonToken.START_ARRAY;
                    next[depth] = 0;
                }
            }
            return Map.copyOf(found);
        });
    }

    /**
     * Reads the location a parse error names ({@code … at line L, column C (byte offset O) …}).
     *
     * @param message a {@link FormatException} message from this package's parser
     * @return its location, or empty when it names none
     */
    public static Optional<Location> inMessage(String message) {
        Matcher m = IN_MESSAGE.matcher(String.valueOf(message));
        return m.find() ? Optional.of(new Location(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) : Optional.empty();
    }
}
