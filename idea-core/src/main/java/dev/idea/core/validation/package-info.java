/**
 * Package validation: size bounds, SHA-256 checksum, and a streaming check that an archive
 * (tar, tar+gzip, zip) can be read to its end, producing a reproducible report.
 */
package dev.idea.core.validation;
