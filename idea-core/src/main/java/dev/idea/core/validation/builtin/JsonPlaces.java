package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonLocations;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines and byte offsets of JSON values in one package file (an SBOM, {@code idea-package.json}),
 * so that a finding about {@code $.components[3]} names the line a submitter must fix. A path that is
 * not found falls back to its nearest located ancestor, then to "no line" (0, -1). Immutable.
 */
final class JsonPlaces {
    static final JsonPlaces NONE = new JsonPlaces(Map.of());
    private static final Pattern PATH_IN_MESSAGE = Pattern.compile("\\$[^\\s]*");

    private final Map<String, JsonLocations.Location> found;

    private JsonPlaces(Map<String, JsonLocations.Location> found) {
        this.found = found;
    }

    /**
     * Locates values of a well-formed document.
     *
     * @param doc the document
     * @param limits the limits it was parsed with
     * @param paths JSONPaths of the values findings will name
     * @return their places; {@link #NONE} when the document cannot be read again
     */
    static JsonPlaces of(byte[] doc, JsonLimits limits, Collection<String> paths) {
        Set<String> wanted = new HashSet<>();
        paths.forEach(p -> wanted.addAll(ancestors(p)));
        try {
            return new JsonPlaces(JsonLocations.locate(doc, limits, wanted));
        } catch (FormatException e) {
            return NONE;
        }
    }

    /**
     * Locates what a parse error is about: the line and offset it names, or the JSONPath it names.
     *
     * @param doc the document
     * @param limits the limits it was parsed with
     * @param message the parser's message
     * @return a place holding the problem under the key {@code ""}
     */
    static JsonPlaces ofProblem(byte[] doc, JsonLimits limits, String message) {
        Optional<JsonLocations.Location> named = JsonLocations.inMessage(message);
        if (named.isPresent()) {
            return new JsonPlaces(Map.of("", named.get()));
        }
        Matcher m = PATH_IN_MESSAGE.matcher(message);
        if (!m.find()) {
            return NONE;
        }
        String path = m.group();
        JsonPlaces places = of(doc, limits, Set.of(path));
        return places.location(path).map(l -> new JsonPlaces(Map.of("", l))).orElse(NONE);
    }

    /** Returns the 1-based line of a path (or its nearest located ancestor), 0 when unknown. */
    long line(String path) {
        return location(path).map(JsonLocations.Location::line).orElse(0L);
    }

    /** Returns the byte offset of a path (or its nearest located ancestor), -1 when unknown. */
    long offset(String path) {
        return location(path).map(JsonLocations.Location::byteOffset).orElse(-1L);
    }

    private Optional<JsonLocations.Location> location(String path) {
        for (String p : ancestors(path)) {
            JsonLocations.Location l = found.get(p);
            if (l != null) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The path itself, then each ancestor up to {@code $}, e.g. {@code $.a[1].b}, {@code $.a[1]}, {@code $.a}, {@code $}. */
    private static java.util.List<String> ancestors(String path) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(path);
        for (int i = path.length() - 1; i > 0; i--) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                out.add(path.substring(0, i));
            }
        }
        return out;
    }
}
