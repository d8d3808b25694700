package dev.idea.core.rules;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.rules.RuleException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.core.internal.yaml.Yaml;

/** Static helpers that read policy and weights documents, JSON or YAML, into JSON objects. */
final class Documents {
    /** Bounds for policy, weights and context documents: 1 MiB, 32 levels. */
    static final JsonLimits LIMITS = new JsonLimits(1 << 20, 32, 64 * 1024);

    private Documents() {
    }

    /**
     * Reads a JSON document when its first non-blank character is <code>{</code>, YAML otherwise.
     *
     * @param document the UTF-8 bytes
     * @param source where it came from
     * @param code the error code for every fault
     * @return the top-level object
     * @throws RuleException with {@code code}; the cause is the JSON or YAML fault
     */
    static JsonObject readObject(Bytes document, String source, ErrorCode code) {
        byte[] bytes = document.toByteArray();
        JsonValue value;
        try {
            value = looksLikeJson(bytes) ? Json.parse(bytes, LIMITS) : Yaml.parse(bytes, source, code);
        } catch (FormatException e) {
            throw new RuleException(code, source + ": " + afterCode(e), e);
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new RuleException(code, source + ": the top level must be a mapping (object), not " + kind(value));
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    /** The message of a wrapped exception without its own code prefix, so that the outer code leads. */
    static String afterCode(FormatException e) {
        String message = e.getMessage();
        return message.startsWith(e.errorCode().code()) ? "[" + message + "]" : message;
    }

    static String kind(JsonValue value) {
        String name = value.getClass().getSimpleName();
        return name.startsWith("Json") ? name.substring(4).toLowerCase(java.util.Locale.ROOT) : name;
    }
}
