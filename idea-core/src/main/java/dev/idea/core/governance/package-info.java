/**
 * Governance: the signed, versioned trust store and its rotation chain, approval policies read from
 * JSON or YAML, approval statements and the evaluator that counts them.
 */
package dev.idea.core.governance;
