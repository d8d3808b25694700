/**
 * JSON forms of IDEA's records (manifests, DSSE envelopes, signed manifests, audit events,
 * validation reports), written as RFC 8785 canonical JSON and read strictly.
 *
 * <p>Every format here is documented under {@code docs/formats/}. Readers refuse unknown shapes
 * with {@link dev.idea.api.FormatException} and {@link dev.idea.api.ErrorCode#JSON_SCHEMA_VIOLATION}.
 */
package dev.idea.core.codec;
