package dev.idea.core.codec;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonLimits;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Static helpers shared by the codecs. */
final class CodecSupport {
    /** Limits for every document IDEA reads back. */
    static final JsonLimits LIMITS = JsonLimits.DEFAULT;

    private CodecSupport() {
    }

    static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, field + " \"" + text
                    + "\" is not an RFC 3339 UTC timestamp such as 2026-01-31T12:00:00Z", e);
        }
    }

    static Digest digest(String text, String field) {
        try {
            return Digest.parse(text);
        } catch (FormatException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, field + ": " + e.getMessage(), e);
        }
    }
}
