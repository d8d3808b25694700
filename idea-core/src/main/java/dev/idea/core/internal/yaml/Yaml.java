package dev.idea.core.internal.yaml;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonBoolean;
import dev.idea.core.internal.json.JsonNull;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one YAML 1.2 document (Core schema) into a JSON tree.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: loading is SnakeYAML Engine's, which constructs only standard types
 * (maps, lists, strings, numbers, booleans, null), never arbitrary classes. On top of that this
 * reader refuses duplicate keys, aliases (so no "billion laughs" expansion), non-string keys,
 * non-finite numbers, integers beyond 2^53, documents over {@link #MAX_BYTES} and nesting deeper than
 * {@link #MAX_DEPTH}, and invalid UTF-8. Every refusal is a {@link FormatException} with the code the
 * caller names and the line and column SnakeYAML reports.
 */
public final class Yaml {
    /** Largest document accepted: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 32;


    private Yaml() {
    }

    /**
     * Parses a YAML document.
     *
     * @param utf8 the document, UTF-8
     * @param source where it came from, for messages
     * @param code the error code to report faults with
     * @return the JSON tree
     * @throws FormatException with {@code code} when the document is not acceptable YAML
     */
    public static JsonValue parse(byte[] utf8, String source, ErrorCode code) {
        Objects.requireNonNull(utf8, "utf8");
        if (utf8.length > MAX_BYTES) {
            throw new FormatException(code, source + " is " + utf8.length + " bytes; the limit for YAML documents is " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(code, source + " is not valid UTF-8; save it as UTF-8", e);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(0)
                .setUseMarks(true)
                .setCodePointLimit(MAX_BYTES)
                .build();
        Object loaded;
        try {
            loaded = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new FormatException(code, source + " is not valid YAML: " + oneLine(e.getMessage())
                    + "; IDEA refuses duplicate keys, aliases and custom tags", e);
        }
        if (loaded == null) {
            throw new FormatException(code, source + " is empty; it must hold a YAML mapping");
        }
        return toJson(loaded, source, code, "$", 0);
    }

    private static JsonValue toJson(Object value, String source, ErrorCode code, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new FormatException(code, source + " nests deeper than " + MAX_DEPTH + " levels at " + path);
        }
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof String s) {
            return new JsonString(s);
        }
        if (value instanceof Boolean b) {
            return JsonBoolean.of(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
            if (big.abs().compareTo(BigInteger.valueOf(1L << 53)) > 0) {
                throw new FormatException(code, source + ": integer " + big + " at " + path
                        + " is beyond 2^53 and cannot be represented exactly; quote it as a string");
            }
            return new JsonNumber(big.doubleValue());
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d) || Math.abs(d) > Double.MAX_VALUE) {
                throw new FormatException(code, source + ": number " + d + " at " + path + " is not finite; use a finite number");
            }
            return new JsonNumber(d);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject.Builder builder = JsonObject.builder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new FormatException(code, source + ": key " + e.getKey() + " at " + path
                            + " is not a string; quote it");
                }
                builder.put(key, toJson(e.getValue(), source, code, path + "." + key, depth + 1));
            }
            return builder.build();
        }
        if (value instanceof List<?> list) {
            List<JsonValue> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                values.add(toJson(list.get(i), source, code, path + "[" + i + "]", depth + 1));
            }
            return new JsonArray(values);
        }
        throw new FormatException(code, source + ": value at " + path + " has YAML type " + value.getClass().getSimpleName()
                + ", which IDEA does not accept; use strings, numbers, booleans, null, lists and mappings");
    }

    private static String oneLine(String message) {
        return message == null ? "(no detail)" : message.replaceAll("\\s+", " ").strip();
    }
}
