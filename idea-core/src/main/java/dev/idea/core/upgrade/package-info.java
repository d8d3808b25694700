/**
 * Governed upgrades: the {@link dev.idea.api.upgrade.Upgrades} implementation, its persisted state
 * in the record store, and the {@link dev.idea.core.upgrade.QuorumCheck} through which it has IDEA
 * count approvals.
 */
package dev.idea.core.upgrade;
