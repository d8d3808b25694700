package dev.idea.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Parses a document strictly with jackson and writes its RFC 8785 form in the same pass, without
 * building a {@link JsonValue} tree: the path of {@link Json#canonicalize} for every document that
 * {@link ByteCanonicalizer}, the faster path tried first, declines, and so the source of every
 * refusal.
 *
 * <p>One instance per document; not thread-safe. Refuses exactly what {@link JsonReader} refuses,
 * with the same messages (the checks are shared). Members are written as they arrive; an object
 * whose names are not already in order is cut out of the output and written back sorted.
 */
final class JsonCanonicalizer {
    private final JsonParser parser;
    private final JsonLimits limits;
    private final boolean mayHaveEscapes;
    private final JsonWriter out;
    private final JsonPathTracker path = new JsonPathTracker();
    private String[] keys = new String[32];
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int top;

    private JsonCanonicalizer(JsonParser parser, JsonLimits limits, boolean mayHaveEscapes, JsonWriter out) {
        this.parser = parser;
        this.limits = limits;
        this.mayHaveEscapes = mayHaveEscapes;
        this.out = out;
    }

    /**
     * Canonicalizes {@code utf8}: through {@link ByteCanonicalizer} when it accepts the document,
     * otherwise through jackson, which also produces every refusal.
     *
     * @param finish takes the output out of the writer, e.g. {@link JsonWriter#finish}
     */
    static <T> T canonicalize(byte[] utf8, JsonLimits limits, Function<JsonWriter, T> finish) {
        JsonReader.checkEnvelope(utf8, limits);
        JsonWriter out = JsonWriter.open(utf8.length + 16);
        if (ByteCanonicalizer.canonicalize(utf8, limits, out)) {
            return finish.apply(out);
        }
        return withJackson(utf8, limits, finish);
    }

    /** Canonicalizes {@code utf8} with jackson's parser alone, the reference for {@link ByteCanonicalizer}. */
    static <T> T withJackson(byte[] utf8, JsonLimits limits, Function<JsonWriter, T> finish) {
        return JsonReader.run(utf8, limits, (parser, mayHaveEscapes) -> {
            JsonCanonicalizer c = new JsonCanonicalizer(parser, limits, mayHaveEscapes, JsonWriter.open(utf8.length + 16));
            c.value(JsonReader.firstToken(parser));
            return finish.apply(c.out);
        });
    }

    private void value(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> string();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.number(JsonReader.number(parser, token, path));
            case VALUE_TRUE -> out.ascii("true");
            case VALUE_FALSE -> out.ascii("false");
            case VALUE_NULL -> out.ascii("null");
            default -> throw new FormatException(ErrorCode.JSON_MALFORMED, "unexpected token " + token
                    + JsonReader.where(parser.currentTokenLocation()) + "; fix the syntax (RFC 8259)");
        }
    }

    private void string() throws IOException {
        int length = parser.getTextLength();
        if (length > limits.maxStringLength()) {
            throw JsonReader.stringTooLong(length, limits, path);
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int bad = out.chars(chars, offset, length);
        if (bad >= 0) {
            throw JsonReader.loneSurrogate(chars[offset + bad], bad, path);
        }
    }

    private void object() throws IOException {
        path.enter(limits.maxDepth());
        out.raw('{');
        int base = top;
        boolean sorted = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            path.key(name);
            JsonReader.checkName(name, limits, mayHaveEscapes, path);
            if (top > base) {
                out.raw(',');
                sorted = sorted && keys[top - 1].compareTo(name) < 0; // strictly increasing: no duplicates either
            }
            int start = out.position();
            out.memberName(name);
            value(parser.nextToken());
            push(name, start, out.position());
        }
        if (!sorted) {
            reorder(base);
        }
        out.raw('}');
        top = base;
        path.exit();
    }

    /** Cuts the members of the current object out of the output and writes them back in name order. */
    private void reorder(int base) {
        int region = starts[base]; // before sorting: the first member written
        MemberSupport.sortMembers(keys, starts, ends, base, top);
        for (int i = base + 1; i < top; i++) {
            if (keys[i].equals(keys[i - 1])) {
                throw JsonReader.duplicate(keys[i], path);
            }
        }
        byte[] moved = out.cut(region);
        for (int i = base; i < top; i++) {
            if (i > base) {
                out.raw(',');
            }
            out.append(moved, starts[i] - region, ends[i] - region);
        }
    }

    private void array() throws IOException {
        path.enter(limits.maxDepth());
        out.raw('[');
        JsonToken token;
        for (int index = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY; index++) {
            if (index > 0) {
                out.raw(',');
            }
            path.index(index);
            value(token);
        }
        out.raw(']');
        path.exit();
    }

    private void push(String key, int start, int end) {
        if (top == keys.length) {
            keys = Arrays.copyOf(keys, top * 2);
            starts = Arrays.copyOf(starts, top * 2);
            ends = Arrays.copyOf(ends, top * 2);
        }
        keys[top] = key;
        starts[top] = start;
        ends[top++] = end;
    }
}
