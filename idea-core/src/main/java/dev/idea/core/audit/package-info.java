/**
 * The hash-linked audit chain: appending events atomically on top of an append-only log, reading
 * them back, and replaying the chain to verify every hash and link.
 */
package dev.idea.core.audit;
