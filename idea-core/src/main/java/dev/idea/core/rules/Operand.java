package dev.idea.core.rules;

import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;

/** A compiled value expression: a literal or a path into the context. Immutable and thread-safe. */
interface Operand {

    /**
     * Resolves the value.
     *
     * @param context the context object
     * @return the value, or null when a path does not resolve
     */
    JsonValue resolve(JsonObject context);
}
