/**
 * The release pipeline: validate a package, build its manifest, have the kernel sign it, verify the
 * signature, store the evidence and append the audit events, plus the per-target manifest index
 * derived from the audit chain.
 */
package dev.idea.core.release;
