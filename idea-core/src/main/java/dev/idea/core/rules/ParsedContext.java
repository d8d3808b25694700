package dev.idea.core.rules;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RuleException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;

/**
 * The implementation of {@link RuleContext}: the parsed object, its digest, and its redacted form
 * computed on first use.
 *
 * <p>Immutable and thread-safe (the redacted form is computed at most a few times under a race, each
 * time equal).
 */
final class ParsedContext implements RuleContext {
    private final JsonObject root;
    private final Digest digest;
    private volatile Bytes redacted;

    private ParsedContext(JsonObject root) {
        this.root = root;
        this.digest = Digest.sha256(Bytes.of(Json.write(root)));
    }

    /**
     * Parses a context document.
     *
     * @throws RuleException with {@code RULE_CONTEXT_INVALID}
     */
    static ParsedContext parse(Bytes json) {
        try {
            return new ParsedContext(Json.parseObject(json.toByteArray(), Documents.LIMITS));
        } catch (FormatException e) {
            throw new RuleException(ErrorCode.RULE_CONTEXT_INVALID, "the context is not a valid JSON object: "
                    + Documents.afterCode(e) + "; supply a UTF-8 JSON object of at most "
                    + Documents.LIMITS.maxBytes() + " bytes and " + Documents.LIMITS.maxDepth() + " levels", e);
        }
    }

    static ParsedContext of(JsonObject root) {
        return new ParsedContext(root);
    }

    /**
     * Returns the implementation behind a context, refusing foreign implementations.
     *
     * @throws RuleException with {@code RULE_CONTEXT_INVALID} for a context not made by this planner
     */
    static ParsedContext from(RuleContext context) {
        if (context instanceof ParsedContext parsed) {
            return parsed;
        }
        throw new RuleException(ErrorCode.RULE_CONTEXT_INVALID, "context of type " + context.getClass().getName()
                + " was not made by this planner; obtain contexts from RulePlanner.readContext");
    }

    JsonObject root() {
        return root;
    }

    @Override
    public Digest digest() {
        return digest;
    }

    @Override
    public Bytes redactedJson() {
        Bytes r = redacted;
        if (r == null) {
            r = Bytes.of(Json.write(ContextRedactor.redact(root)));
            redacted = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return "RuleContext[" + digest + ", redacted " + redactedJson().utf8String() + "]";
    }
}
