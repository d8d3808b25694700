package dev.idea.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strict parser from UTF-8 bytes to a {@link JsonValue} tree on top of jackson's streaming parser.
 *
 * <p>One instance parses one document and is not thread-safe; the shared {@link JsonFactory} is.
 * jackson checks the grammar (RFC 8259); this class adds what jackson lets through or reports
 * differently: UTF-8 validity, duplicate names, lone surrogates, NaN/Infinity, overflow and the
 * {@link JsonLimits}. jackson's own {@link StreamReadConstraints} are opened wide so that the
 * {@code JsonLimits} checks here always fire first, with the IDEA error codes.
 */
final class JsonReader {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // parsed, then refused with JSON_NUMBER_OUT_OF_RANGE
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)   // untrusted names must not fill the JVM string pool
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(-1)
                    .maxTokenCount(-1)
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final Pattern START_MARKER =
            Pattern.compile(" \\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");

    private final JsonParser parser;
    private final JsonLimits limits;
    private final boolean mayHaveEscapes;
    private final JsonPathTracker path = new JsonPathTracker();
    private String[] keyStack = new String[32];
    private JsonValue[] valueStack = new JsonValue[32];
    private int top;

    private JsonReader(JsonParser parser, JsonLimits limits, boolean mayHaveEscapes) {
        this.parser = parser;
        this.limits = limits;
        this.mayHaveEscapes = mayHaveEscapes;
    }

    static JsonValue read(byte[] utf8, JsonLimits limits) {
        return run(utf8, limits, (parser, mayHaveEscapes) -> new JsonReader(parser, limits, mayHaveEscapes).document());
    }

    /** One pass over a parser; {@code mayHaveEscapes} is false when the input has no backslash at all. */
    interface Pass<T> {
        T run(JsonParser parser, boolean mayHaveEscapes) throws IOException;
    }

    /**
     * Checks the envelope (size, BOM, encoding, UTF-8) and runs {@code pass} over a strict parser,
     * translating every jackson failure into a {@link FormatException}.
     */
    static <T> T run(byte[] utf8, JsonLimits limits, Pass<T> pass) {
        checkEnvelope(utf8, limits);
        boolean mayHaveEscapes = Utf8Support.validate(utf8);
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            T result = pass.run(parser, mayHaveEscapes);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new FormatException(ErrorCode.JSON_MALFORMED, "unexpected content" + where(parser.currentTokenLocation())
                        + " after the end of the top-level value; remove the trailing content");
            }
            return result;
        } catch (StreamConstraintsException e) {
            throw new FormatException(ErrorCode.JSON_TOO_LARGE, "the JSON parser refused the document"
                    + where(e.getLocation()) + ": " + e.getOriginalMessage() + "; make the document smaller");
        } catch (JsonProcessingException e) {
            throw new FormatException(ErrorCode.JSON_MALFORMED, "not well-formed JSON" + where(e.getLocation()) + ": "
                    + describe(e.getOriginalMessage()) + "; fix the syntax (RFC 8259)");
        } catch (IOException e) {
            throw new FormatException(ErrorCode.JSON_MALFORMED, "the JSON input cannot be read: " + e.getMessage()
                    + "; supply the document as complete UTF-8 bytes");
        } catch (IllegalStateException e) {
            // jackson's name table refuses inputs built to collide in its hash (hash flooding).
            throw new FormatException(ErrorCode.JSON_MALFORMED, "the JSON member names look like a hash-flooding "
                    + "attack and were refused (" + e.getMessage() + "); use ordinary member names");
        }
    }

    static void checkEnvelope(byte[] utf8, JsonLimits limits) {
        if (utf8.length == 0) {
            throw new FormatException(ErrorCode.JSON_MALFORMED, "the input is empty; send a JSON document such as {}");
        }
        if (utf8.length > limits.maxBytes()) {
            throw new FormatException(ErrorCode.JSON_TOO_LARGE, "the document is " + utf8.length
                    + " bytes, above the limit of " + limits.maxBytes() + " bytes; send a smaller document or raise JsonLimits.maxBytes");
        }
        if (utf8.length >= 3 && utf8[0] == (byte) 0xEF && utf8[1] == (byte) 0xBB && utf8[2] == (byte) 0xBF) {
            throw new FormatException(ErrorCode.JSON_MALFORMED, "the input starts with a UTF-8 byte order mark "
                    + "(EF BB BF) at byte offset 0; remove it (RFC 8259 section 8.1: JSON text must not start with one)");
        }
        // jackson guesses UTF-16/32 from NUL bytes among the first four; JSON text here is UTF-8 only.
        for (int i = 0; i < Math.min(4, utf8.length); i++) {
            if (utf8[i] == 0) {
                throw new FormatException(ErrorCode.JSON_MALFORMED, "NUL byte at byte offset " + i
                        + "; JSON text must be UTF-8 (UTF-16 and UTF-32 are refused) and NUL may only appear escaped as \\u0000");
            }
        }
    }

    private JsonValue document() throws IOException {
        return value(firstToken(parser));
    }

    static JsonToken firstToken(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new FormatException(ErrorCode.JSON_MALFORMED, "the input holds only whitespace; send a JSON document such as {}");
        }
        return first;
    }

    private JsonValue value(JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> new JsonString(text());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(number(parser, token, path));
            case VALUE_TRUE -> JsonBoolean.TRUE;
            case VALUE_FALSE -> JsonBoolean.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw new FormatException(ErrorCode.JSON_MALFORMED, "unexpected token " + token
                    + where(parser.currentTokenLocation()) + "; fix the syntax (RFC 8259)");
        };
    }

    private JsonObject object() throws IOException {
        path.enter(limits.maxDepth());
        int base = top;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            path.key(name);
            checkString(name);
            JsonValue v = value(parser.nextToken());
            push(name, v);
        }
        if (top == base) {
            path.exit();
            return JsonObject.EMPTY;
        }
        String[] keys = new String[top - base];
        System.arraycopy(keyStack, base, keys, 0, keys.length);
        JsonValue[] values = popValues(base);
        top = base;
        int duplicate = MemberSupport.sortAndFindDuplicate(keys, values);
        if (duplicate >= 0) {
            throw duplicate(keys[duplicate], path);
        }
        path.exit();
        return new JsonObject(keys, values);
    }

    private JsonArray array() throws IOException {
        path.enter(limits.maxDepth());
        int base = top;
        JsonToken token;
        for (int index = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY; index++) {
            path.index(index);
            push(null, value(token));
        }
        // List.of keeps the copy made here: JsonArray's List.copyOf returns an unmodifiable List.of as is.
        JsonArray array = new JsonArray(top == base ? List.of() : List.of(popValues(base)));
        top = base;
        path.exit();
        return array;
    }

    /** Copies the values above {@code base}; new + arraycopy, as the generic Arrays.copyOfRange(T[]) creates the array reflectively. */
    private JsonValue[] popValues(int base) {
        JsonValue[] values = new JsonValue[top - base];
        System.arraycopy(valueStack, base, values, 0, values.length);
        return values;
    }

    private void push(String key, JsonValue value) {
        if (top == valueStack.length) {
            keyStack = Arrays.copyOf(keyStack, top * 2);
            valueStack = Arrays.copyOf(valueStack, top * 2);
        }
        keyStack[top] = key;
        valueStack[top++] = value;
    }

    private String text() throws IOException {
        int length = parser.getTextLength();
        if (length > limits.maxStringLength()) {
            throw stringTooLong(length, limits, path);
        }
        String s = parser.getText();
        if (mayHaveEscapes) {
            checkSurrogates(s, path);
        }
        return s;
    }

    private void checkString(String s) {
        checkName(s, limits, mayHaveEscapes, path);
    }

    /** Checks a member name's length and, when the input has escapes, its surrogates. */
    static void checkName(String s, JsonLimits limits, boolean mayHaveEscapes, JsonPathTracker path) {
        if (s.length() > limits.maxStringLength()) {
            throw stringTooLong(s.length(), limits, path);
        }
        if (mayHaveEscapes) {
            checkSurrogates(s, path);
        }
    }

    static FormatException duplicate(String key, JsonPathTracker path) {
        path.key(key);
        return new FormatException(ErrorCode.JSON_DUPLICATE_KEY, "member " + JsonPathTracker.quote(key)
                + " appears twice at " + path + "; remove one of them (RFC 8785 requires unique member names)");
    }

    static FormatException stringTooLong(int length, JsonLimits limits, JsonPathTracker path) {
        return new FormatException(ErrorCode.JSON_TOO_LARGE, "a string of " + length + " UTF-16 code units at " + path
                + " exceeds the limit of " + limits.maxStringLength() + "; shorten it or raise JsonLimits.maxStringLength");
    }

    /** Raw surrogates were refused as invalid UTF-8, so only escapes (backslash-u) can produce unpaired ones. */
    private static void checkSurrogates(String s, JsonPathTracker path) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw loneSurrogate(c, i, path);
                }
            }
        }
    }

    static FormatException loneSurrogate(char c, int index, JsonPathTracker path) {
        return new FormatException(ErrorCode.JSON_LONE_SURROGATE, String.format(Locale.ROOT,
                "unpaired surrogate \\u%04x at UTF-16 index %d of a string at %s; pair a high surrogate "
                        + "(\\ud800-\\udbff) with a low one (\\udc00-\\udfff) or remove it", (int) c, index, path));
    }

    /** Reads the current number token as a finite double, refusing NaN, Infinity and overflow. */
    static double number(JsonParser parser, JsonToken token, JsonPathTracker path) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() <= 18) {
            return parser.getLongValue(); // at most 18 digits: exact as a long, rounded once to double
        }
        if (parser.isNaN()) {
            throw new FormatException(ErrorCode.JSON_NUMBER_OUT_OF_RANGE, JsonPathTracker.abbreviate(parser.getText())
                    + " at " + path + where(parser.currentTokenLocation())
                    + " is not a JSON number; JSON has no NaN or Infinity, use null or a string instead");
        }
        String text = parser.getText();
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
            throw new FormatException(ErrorCode.JSON_NUMBER_OUT_OF_RANGE, "number " + JsonPathTracker.abbreviate(text)
                    + " at " + path + " overflows an IEEE 754 double (largest magnitude 1.7976931348623157e+308); "
                    + "send a smaller number or encode it as a string");
        }
        return d;
    }

    /** Rewords jackson's message where it refers to its own settings or to extensions that are refused here. */
    static String describe(String jacksonMessage) {
        String m = String.valueOf(jacksonMessage);
        m = START_MARKER.matcher(m).replaceAll(" (opened at line $1, column $2)");
        return m.replace("Number (or 'NaN'/'+INF'/'-INF')", "Number");
    }

    static String where(JsonLocation location) {
        if (location == null) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr()
                + " (byte offset " + location.getByteOffset() + ")";
    }
}
