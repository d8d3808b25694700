package dev.idea.core.rules;

import dev.idea.core.internal.json.JsonObject;

/**
 * A compiled boolean expression over a rule context.
 *
 * <p>Implementations are immutable and thread-safe, and never throw for any context: a path that
 * does not resolve makes the comparison that uses it false.
 */
interface Condition {

    /**
     * Evaluates the expression.
     *
     * @param context the context object
     * @return the expression's value
     */
    boolean test(JsonObject context);
}
