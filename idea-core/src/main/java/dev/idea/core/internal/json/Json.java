package dev.idea.core.internal.json;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.util.Objects;

/**
 * Entry point for strict JSON parsing and RFC 8785 (JSON Canonicalization Scheme) writing.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: parsing accepts only RFC 8259 JSON text in UTF-8 within the given
 * {@link JsonLimits}, and refuses what would let two different byte strings mean the same
 * document or one byte string mean two documents: duplicate member names, unpaired surrogates,
 * invalid or overlong UTF-8, a byte order mark, NaN/Infinity and numbers beyond the double range.
 * Every refusal is a {@link FormatException} with an {@link ErrorCode} and a message naming the
 * place (line/column, byte offset or JSONPath); no parser exception escapes. {@link #write}
 * produces the unique RFC 8785 form, so equal trees always yield equal bytes and digests.
 *
 * @since 0.1
 */
public final class Json {
    private Json() {
    }

    /**
     * Parses a JSON document strictly.
     *
     * @param utf8 the document as UTF-8 bytes, without byte order mark
     * @param limits size, depth and string-length bounds
     * @return the parsed value
     * @throws FormatException {@code JSON_MALFORMED}, {@code JSON_DUPLICATE_KEY}, {@code
     *     JSON_LONE_SURROGATE}, {@code JSON_INVALID_UTF8}, {@code JSON_NUMBER_OUT_OF_RANGE}, {@code
     *     JSON_TOO_DEEP} or {@code JSON_TOO_LARGE}
     */
    public static JsonValue parse(byte[] utf8, JsonLimits limits) {
        Objects.requireNonNull(utf8, "utf8");
        Objects.requireNonNull(limits, "limits");
        return JsonReader.read(utf8, limits);
    }

    /**
     * Parses a JSON document whose top level must be an object.
     *
     * @param utf8 the document as UTF-8 bytes
     * @param limits size, depth and string-length bounds
     * @return the parsed object
     * @throws FormatException as {@link #parse}, or {@code JSON_SCHEMA_VIOLATION} when the top level
     *     is not an object
     */
    public static JsonObject parseObject(byte[] utf8, JsonLimits limits) {
        JsonValue value = parse(utf8, limits);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "the top level of the document at $ must be an object but was "
                + JsonObject.typeName(value) + "; wrap the content in {...}");
    }

    /**
     * Writes a value in RFC 8785 canonical form.
     *
     * @param value the value to write
     * @return canonical UTF-8 bytes: sorted members, no whitespace, minimal escapes, ECMAScript numbers
     * @throws FormatException {@code JSON_LONE_SURROGATE} when a string or member name holds an
     *     unpaired surrogate, which UTF-8 cannot encode
     */
    public static byte[] write(JsonValue value) {
        Objects.requireNonNull(value, "value");
        return JsonWriter.write(value, 256);
    }

    /**
     * Parses a document strictly and writes it in RFC 8785 canonical form; the same as {@code
     * write(parse(utf8, limits))}, in one pass and without building a tree.
     *
     * @param utf8 the document as UTF-8 bytes
     * @param limits size, depth and string-length bounds
     * @return canonical UTF-8 bytes
     * @throws FormatException as {@link #parse}
     */
    public static byte[] canonicalize(byte[] utf8, JsonLimits limits) {
        Objects.requireNonNull(utf8, "utf8");
        Objects.requireNonNull(limits, "limits");
        return JsonCanonicalizer.canonicalize(utf8, limits, JsonWriter::finish);
    }

    /**
     * As {@link #canonicalize(byte[], JsonLimits)}, returning the canonical bytes as {@link Bytes}
     * without an intermediate array.
     *
     * @param utf8 the document as UTF-8 bytes
     * @param limits size, depth and string-length bounds
     * @return canonical UTF-8 bytes
     * @throws FormatException as {@link #parse}
     */
    public static Bytes canonicalizeToBytes(byte[] utf8, JsonLimits limits) {
        Objects.requireNonNull(utf8, "utf8");
        Objects.requireNonNull(limits, "limits");
        return JsonCanonicalizer.canonicalize(utf8, limits, JsonWriter::finishBytes);
    }

    /**
     * Formats a number as ECMAScript {@code Number::toString} does (RFC 8785 section 3.2.2.3).
     *
     * @param value a finite double
     * @return e.g. {@code 0} for -0, {@code 1e+21}, {@code 0.000001}, {@code 1e-7}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static String formatNumber(double value) {
        return EcmaNumberFormat.format(value);
    }
}
