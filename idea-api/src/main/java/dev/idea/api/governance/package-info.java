/**
 * Governance values: the versioned trust store of signers, impact-tiered approval policies, signed
 * approval statements and the decisions computed from them.
 *
 * <p>Every type here is an immutable value or an enum and depends on the JDK and {@code dev.idea.api}
 * only. Parsing, signing, verification and counting live in {@code idea-core}.
 */
package dev.idea.api.governance;
