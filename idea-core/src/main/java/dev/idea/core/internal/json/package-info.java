/**
 * Strict JSON parsing and RFC 8785 (JCS) canonical JSON writing for idea-core.
 *
 * <p>{@link dev.idea.core.internal.json.Json} is the entry point: it parses UTF-8 bytes into an
 * immutable {@link dev.idea.core.internal.json.JsonValue} tree, refusing duplicate member names,
 * lone surrogates, invalid UTF-8, NaN/Infinity and documents beyond {@link
 * dev.idea.core.internal.json.JsonLimits}, and writes trees as canonical bytes suitable for
 * hashing and signing. This is the only package of idea-core that may use jackson-core, and it
 * uses only jackson's streaming parser.
 */
package dev.idea.core.internal.json;
