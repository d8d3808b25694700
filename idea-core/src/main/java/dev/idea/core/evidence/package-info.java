/**
 * Offline evidence bundles ({@code docs/formats/evidence-bundle.md}): one gzip JSON file holding a
 * signed manifest, its audit events, their inclusion proofs, the checkpoint and the keys, verifiable
 * without network or storage; and the JSON Lines export of the audit log.
 */
package dev.idea.core.evidence;
