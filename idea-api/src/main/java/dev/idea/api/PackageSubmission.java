package dev.idea.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to turn a package into a signed release: the package bytes (a file or in memory) and
 * the facts the manifest needs.
 *
 * @param path the package file, or null when {@code content} is given
 * @param content the package bytes, or null when {@code path} is given
 * @param type the kind of change, e.g. {@code service-release}
 * @param target what the change applies to
 * @param version the released version
 * @param impact how much the change can hurt
 * @param rationale why
 * @param proposedBy who proposes it
 * @param mediaType the package media type, e.g. {@code application/gzip}
 * @param expectedSha256 the checksum the submitter expects, or null
 * @param preconditions evidence the submitter attaches, e.g. a rule plan or simulation record digest;
 *     copied into the manifest after the validation report
 * @since 0.1
 */
public record PackageSubmission(
        Path path,
        Bytes content,
        String type,
        String target,
        String version,
        Impact impact,
        String rationale,
        String proposedBy,
        String mediaType,
        Digest expectedSha256,
        List<Precondition> preconditions) {

    /** Validates that exactly one source is given and the text fields are present. */
    public PackageSubmission {
        if ((path == null) == (content == null)) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID,
                    "give the package either as a path or as bytes, not " + (path == null ? "neither" : "both"));
        }
        Texts.requireText(type, "type");
        Texts.requireText(target, "target");
        Texts.requireText(version, "version");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(rationale, "rationale");
        Texts.requireText(proposedBy, "proposedBy");
        Texts.requireText(mediaType, "mediaType");
        if (expectedSha256 != null && expectedSha256.algorithm() != HashAlgorithm.SHA_256) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID, "expectedSha256 must be a sha256 digest, got "
                    + expectedSha256.algorithm().prefix());
        }
        preconditions = List.copyOf(preconditions);
        for (Precondition p : preconditions) {
            if (Precondition.VALIDATION_REPORT.equals(p.kind())) {
                throw new ValidationException(ErrorCode.MANIFEST_INVALID, "the validation-report precondition is added by "
                        + "IDEA itself; do not attach one to the submission");
            }
        }
    }

    /**
     * Returns the path source, if any.
     *
     * @return the path
     */
    public Optional<Path> pathSource() {
        return Optional.ofNullable(path);
    }

    /**
     * Starts a submission of a package file.
     *
     * @param path the package file
     * @return a builder
     */
    public static Builder ofPath(Path path) {
        return new Builder(Objects.requireNonNull(path, "path"), null);
    }

    /**
     * Starts a submission of in-memory package bytes.
     *
     * @param content the package bytes
     * @return a builder
     */
    public static Builder ofBytes(Bytes content) {
        return new Builder(null, Objects.requireNonNull(content, "content"));
    }

    /**
     * Builds a {@link PackageSubmission}; each setter checks its value at once. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Path path;
        private final Bytes content;
        private String type = "service-release";
        private String target;
        private String version;
        private Impact impact = Impact.LOW;
        private String rationale;
        private String proposedBy;
        private String mediaType;
        private Digest expectedSha256;
        private final List<Precondition> preconditions = new ArrayList<>();

        private Builder(Path path, Bytes content) {
            this.path = path;
            this.content = content;
        }

        /**
         * Sets the kind of change (default {@code service-release}).
         *
         * @param value the type
         * @return this builder
         */
        public Builder type(String value) {
            type = Texts.requireText(value, "type");
            return this;
        }

        /**
         * Sets the target.
         *
         * @param value the target
         * @return this builder
         */
        public Builder target(String value) {
            target = Texts.requireText(value, "target");
            return this;
        }

        /**
         * Sets the version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(String value) {
            version = Texts.requireText(value, "version");
            return this;
        }

        /**
         * Sets the impact (default {@link Impact#LOW}).
         *
         * @param value the impact
         * @return this builder
         */
        public Builder impact(Impact value) {
            impact = Objects.requireNonNull(value, "impact");
            return this;
        }

        /**
         * Sets the rationale.
         *
         * @param value why the change is made
         * @return this builder
         */
        public Builder rationale(String value) {
            rationale = Objects.requireNonNull(value, "rationale");
            return this;
        }

        /**
         * Sets the proposer.
         *
         * @param value who proposes it
         * @return this builder
         */
        public Builder proposedBy(String value) {
            proposedBy = Texts.requireText(value, "proposedBy");
            return this;
        }

        /**
         * Sets the media type; by default it is guessed from the file name
         * ({@code .tar.gz}/{@code .tgz} gzip, {@code .zip}, {@code .tar}, else octet-stream).
         *
         * @param value the media type
         * @return this builder
         */
        public Builder mediaType(String value) {
            mediaType = Texts.requireText(value, "mediaType");
            return this;
        }

        /**
         * Sets the SHA-256 the submitter expects; validation fails when the package differs.
         *
         * @param value the expected digest
         * @return this builder
         */
        public Builder expectedSha256(Digest value) {
            expectedSha256 = Objects.requireNonNull(value, "expectedSha256");
            return this;
        }

        /**
         * Attaches evidence that held before the submission, e.g.
         * {@code new Precondition(Precondition.RULE_PLAN, plan.planDigest().toString())}; it is copied
         * into the manifest's preconditions, so the kernel's signature covers it.
         *
         * @param value the precondition
         * @return this builder
         */
        public Builder precondition(Precondition value) {
            preconditions.add(Objects.requireNonNull(value, "precondition"));
            return this;
        }

        /**
         * Builds the submission.
         *
         * @return the submission
         * @throws ValidationException with {@link ErrorCode#MANIFEST_INVALID} when a field is missing
         */
        public PackageSubmission build() {
            String media = mediaType != null ? mediaType : guessMediaType();
            return new PackageSubmission(path, content, type, target, version, impact, rationale, proposedBy, media,
                    expectedSha256, preconditions);
        }

        private String guessMediaType() {
            String name = path == null ? "" : String.valueOf(path.getFileName());
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                return "application/gzip";
            }
            if (name.endsWith(".zip")) {
                return "application/zip";
            }
            if (name.endsWith(".tar")) {
                return "application/x-tar";
            }
            return "application/octet-stream";
        }
    }
}
