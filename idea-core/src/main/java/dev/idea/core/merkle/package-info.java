/**
 * The RFC 9162 Merkle tree over the audit chain, persisted as one append-only log of node hashes per
 * tree level ({@code docs/formats/audit-tree.md}): appends, repair after a crash, root and proof
 * generation with O(log n) storage reads, and a streaming accumulator for replay.
 */
package dev.idea.core.merkle;
