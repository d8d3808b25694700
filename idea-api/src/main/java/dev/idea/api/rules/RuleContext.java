package dev.idea.api.rules;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;

/**
 * A parsed JSON object that rule predicates are evaluated against. Obtain one from {@link
 * RulePlanner#readContext}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Security guarantees: the context is parsed strictly (RFC 8259, no duplicate names, bounded
 * size and depth). {@link #redactedJson()} is the only form meant for logs: it masks every member
 * whose name looks like a secret or personal data, and every string value that looks like one
 * (rules in {@code docs/rules.md}). {@link #digest()} is a hash of the unredacted content; treat it
 * as you would treat a hash of personal data.
 *
 * @since 0.1
 */
public interface RuleContext {

    /**
     * Returns SHA-256 of the context's RFC 8785 canonical JSON; plans record it.
     *
     * @return the context digest
     */
    Digest digest();

    /**
     * Returns the canonical JSON of the context with secret- and PII-looking data masked.
     *
     * @return RFC 8785 bytes, safe to log
     */
    Bytes redactedJson();
}
