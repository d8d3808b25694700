/**
 * Governed upgrades: drafts of HIGH and CRITICAL manifests, approvals collected over time, apply
 * once IDEA itself has counted a threshold of approvals, and emergency apply with a ratification
 * window that rolls the upgrade back automatically when the threshold never comes.
 *
 * <p>Entry point: {@link dev.idea.api.Idea#upgrades()}. The state machine is described in
 * {@code docs/governance-upgrade.md}.
 */
package dev.idea.api.upgrade;
