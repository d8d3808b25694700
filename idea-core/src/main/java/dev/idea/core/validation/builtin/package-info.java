/**
 * The built-in package validators: format, size, checksum, license, sbom, dependencies, secrets,
 * pii, export-control and smoke, registered as {@link dev.idea.spi.validation.PackageValidator}
 * services.
 *
 * <p>Every validator streams over the package entries in bounded memory, is deterministic (same
 * package and settings give the same findings in the same order) and never writes inside the
 * sandbox. Findings that concern a secret or personal data show a short redacted fingerprint, never
 * the value. docs/validators.md describes each validator, its settings and its findings.
 */
package dev.idea.core.validation.builtin;
