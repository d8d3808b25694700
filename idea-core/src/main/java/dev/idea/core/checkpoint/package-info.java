/**
 * Signed checkpoints of the audit log: C2SP signed notes (c2sp.org/signed-note), checkpoint bodies
 * (c2sp.org/tlog-checkpoint), signing through the KMS, verification against trusted log keys and
 * k-of-n witness cosignatures (c2sp.org/tlog-cosignature, cosignature/v1).
 */
package dev.idea.core.checkpoint;
