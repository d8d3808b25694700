package dev.idea.api;

import java.util.Objects;

/**
 * Points at the exact bytes a manifest releases.
 *
 * @param digest SHA-256 of the artifact
 * @param size length in bytes, at least 1
 * @param mediaType e.g. {@code application/gzip}
 * @param location where the bytes are stored, e.g. {@code blob:sha256:…}
 * @since 0.1
 */
public record ArtifactRef(Digest digest, long size, String mediaType, String location) {

    /** Validates every field. */
    public ArtifactRef {
        Objects.requireNonNull(digest, "digest");
        if (size < 1) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID, "artifact size must be at least 1 byte, got " + size);
        }
        Texts.requireText(mediaType, "artifact mediaType");
        Texts.requireText(location, "artifact location");
    }
}
