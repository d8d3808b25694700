package dev.idea.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The canonical description of one proposed release: what is changed, why, with which artifact,
 * and after which manifest.
 *
 * <p>Its canonical form is the RFC 8785 (JCS) serialization of its JSON form (see
 * {@code docs/formats/manifest.md}); the manifest digest is SHA-256 of those bytes and is what the
 * kernel signs, inside a DSSE envelope of type {@link #PAYLOAD_TYPE}. Instances are immutable.
 *
 * @param manifestId unique id of this manifest
 * @param type the kind of change, e.g. {@code service-release}
 * @param target what the change applies to, e.g. {@code payments-api}
 * @param version the version of the target being released, e.g. {@code 1.4.2}
 * @param impact how much the change can hurt
 * @param rationale why the change is made
 * @param preconditions facts that held before creation (e.g. the validation report digest)
 * @param artifact the bytes released
 * @param timestamp when the manifest was created (from the injected clock)
 * @param proposedBy who proposed the change
 * @param previousManifestDigest digest of the previous manifest for the same target, or null for the first
 * @since 0.1
 */
public record Manifest(
        String manifestId,
        String type,
        String target,
        String version,
        Impact impact,
        String rationale,
        List<Precondition> preconditions,
        ArtifactRef artifact,
        Instant timestamp,
        String proposedBy,
        Digest previousManifestDigest) {

    /** DSSE payload type of a signed manifest. */
    public static final String PAYLOAD_TYPE = "application/vnd.idea.manifest.v1+json";

    /** Longest rationale accepted, in characters. */
    public static final int MAX_RATIONALE_LENGTH = 4096;

    /** Validates every field; {@code previousManifestDigest} alone may be null. */
    public Manifest {
        Texts.requireText(manifestId, "manifestId");
        Texts.requireText(type, "type");
        Texts.requireText(target, "target");
        Texts.requireText(version, "version");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(rationale, "rationale");
        if (rationale.isBlank() || rationale.length() > MAX_RATIONALE_LENGTH) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID, "rationale must be 1 to " + MAX_RATIONALE_LENGTH
                    + " characters and not blank, got " + rationale.length() + " characters");
        }
        preconditions = List.copyOf(preconditions);
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(timestamp, "timestamp");
        Texts.requireText(proposedBy, "proposedBy");
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Manifest}; each setter checks its value at once.
     *
     * <p>Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String manifestId;
        private String type;
        private String target;
        private String version;
        private Impact impact;
        private String rationale;
        private final List<Precondition> preconditions = new ArrayList<>();
        private ArtifactRef artifact;
        private Instant timestamp;
        private String proposedBy;
        private Digest previousManifestDigest;

        private Builder() {
        }

        /**
         * Sets the manifest id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder manifestId(String value) {
            manifestId = Texts.requireText(value, "manifestId");
            return this;
        }

        /**
         * Sets the kind of change.
         *
         * @param value e.g. {@code service-release}
         * @return this builder
         */
        public Builder type(String value) {
            type = Texts.requireText(value, "type");
            return this;
        }

        /**
         * Sets what the change applies to.
         *
         * @param value e.g. {@code payments-api}
         * @return this builder
         */
        public Builder target(String value) {
            target = Texts.requireText(value, "target");
            return this;
        }

        /**
         * Sets the released version.
         *
         * @param value e.g. {@code 1.4.2}
         * @return this builder
         */
        public Builder version(String value) {
            version = Texts.requireText(value, "version");
            return this;
        }

        /**
         * Sets the impact.
         *
         * @param value the impact
         * @return this builder
         */
        public Builder impact(Impact value) {
            impact = Objects.requireNonNull(value, "impact");
            return this;
        }

        /**
         * Sets why the change is made.
         *
         * @param value the rationale
         * @return this builder
         */
        public Builder rationale(String value) {
            rationale = Objects.requireNonNull(value, "rationale");
            return this;
        }

        /**
         * Adds a precondition.
         *
         * @param value the precondition
         * @return this builder
         */
        public Builder precondition(Precondition value) {
            preconditions.add(Objects.requireNonNull(value, "precondition"));
            return this;
        }

        /**
         * Adds preconditions, in order.
         *
         * @param values the preconditions
         * @return this builder
         */
        public Builder preconditions(List<Precondition> values) {
            values.forEach(this::precondition);
            return this;
        }

        /**
         * Sets the artifact.
         *
         * @param value the artifact reference
         * @return this builder
         */
        public Builder artifact(ArtifactRef value) {
            artifact = Objects.requireNonNull(value, "artifact");
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param value the instant, normally from the injected clock
         * @return this builder
         */
        public Builder timestamp(Instant value) {
            timestamp = Objects.requireNonNull(value, "timestamp");
            return this;
        }

        /**
         * Sets the proposer.
         *
         * @param value who proposed the change
         * @return this builder
         */
        public Builder proposedBy(String value) {
            proposedBy = Texts.requireText(value, "proposedBy");
            return this;
        }

        /**
         * Sets the previous manifest's digest.
         *
         * @param value the digest, or null for the first manifest of a target
         * @return this builder
         */
        public Builder previousManifestDigest(Digest value) {
            previousManifestDigest = value;
            return this;
        }

        /**
         * Builds the manifest.
         *
         * @return the manifest
         * @throws ValidationException with {@link ErrorCode#MANIFEST_INVALID} when a field is missing
         */
        public Manifest build() {
            return new Manifest(manifestId, type, target, version, impact, rationale, preconditions, artifact,
                    timestamp, proposedBy, previousManifestDigest);
        }
    }
}
