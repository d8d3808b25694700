package dev.idea.bench;

import dev.idea.api.ArtifactRef;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.Precondition;
import java.time.Instant;

/**
 * Fixed inputs shared by the benchmarks: a manifest-like JSON document, a manifest of the same
 * shape, and the key seed of the Ed25519 benchmark keys.
 *
 * <p>Every input is a constant so that runs are comparable; nothing here is random.
 */
final class BenchmarkSupport {

    /** DSSE payload type used by the DSSE benchmarks (the manifest type, as in production). */
    static final String PAYLOAD_TYPE = Manifest.PAYLOAD_TYPE;

    /** RFC 8032 section 7.1 TEST 1 secret key: a published, non-secret Ed25519 seed. */
    static final Bytes ED25519_SEED = Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    static final Digest ARTIFACT_DIGEST =
            Digest.parse("sha256:5d41402abc4b2a76b9719d911017c592ae2f2ea1cc1e4e9a8a4e8c0f2a9b7b6d");
    static final Digest REPORT_DIGEST =
            Digest.parse("sha256:9a0b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");
    static final Digest PREVIOUS_DIGEST =
            Digest.parse("sha256:0c7d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5");
    static final Instant TIMESTAMP = Instant.parse("2026-11-23T15:00:00Z");

    /**
     * A rationale of realistic length, with one non-ASCII character and one line break so that
     * the JSON writer's escaping and UTF-8 paths are exercised.
     */
    static final String RATIONALE = "Roll out the new settlement batching for EU merchants (ticket PAY-4711):"
            + " batches close every 15 minutes instead of hourly, which cuts the reconciliation lag reported"
            + " by finance. Canary ran 72 h in eu-west-1 with no error-budget burn; p99 latency unchanged."
            + "\nRollback: redeploy 1.4.1, the schema change is backward compatible. Reviewed by Zoë.";

    /**
     * A ~1 KB manifest-like document as a client would send it: members out of canonical order,
     * indented, with escapes and numbers that JCS rewrites ({@code 1.5E3}, {@code 87.50}).
     */
    static final String MANIFEST_LIKE_JSON = """
            {
              "schema": "idea.manifest.v1",
              "version": "1.4.2",
              "type": "service-release",
              "target": "payments-api",
              "manifestId": "mf-3f1a9c0e5b7d2468ace13579",
              "impact": "HIGH",
              "proposedBy": "alice@example.com",
              "timestamp": "2026-11-23T15:00:00Z",
              "rationale": "Roll out the new settlement batching for EU merchants (ticket PAY-4711): batches close every 15 minutes instead of hourly.\\nReviewed by Zo\\u00eb, canary 72 h in eu-west-1.",
              "artifact": {
                "size": 48213577,
                "mediaType": "application/gzip",
                "location": "blob:sha256:5d41402abc4b2a76b9719d911017c592ae2f2ea1cc1e4e9a8a4e8c0f2a9b7b6d",
                "digest": "sha256:5d41402abc4b2a76b9719d911017c592ae2f2ea1cc1e4e9a8a4e8c0f2a9b7b6d"
              },
              "preconditions": [
                { "value": "sha256:9a0b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809", "kind": "validation-report" },
                { "value": "CHG-20261123-0042", "kind": "change-ticket" }
              ],
              "metrics": { "riskScore": 0.25, "coverage": 87.50, "canaryHours": 72, "errorBudget": 1.5E3, "passed": true, "owner": null },
              "previousManifestDigest": "sha256:0c7d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5"
            }
            """;

    private BenchmarkSupport() {
    }

    /**
     * Returns {@link #MANIFEST_LIKE_JSON} as UTF-8.
     *
     * @return the non-canonical document
     */
    static Bytes manifestLikeJson() {
        return Bytes.utf8(MANIFEST_LIKE_JSON);
    }

    /**
     * Builds the benchmark manifest, whose canonical JSON is about 1 KB.
     *
     * @return the manifest
     */
    static Manifest manifest() {
        return Manifest.builder()
                .manifestId("mf-3f1a9c0e5b7d2468ace13579")
                .type("service-release")
                .target("payments-api")
                .version("1.4.2")
                .impact(Impact.HIGH)
                .rationale(RATIONALE)
                .precondition(new Precondition(Precondition.VALIDATION_REPORT, REPORT_DIGEST.toString()))
                .precondition(new Precondition("change-ticket", "CHG-20261123-0042"))
                .artifact(new ArtifactRef(ARTIFACT_DIGEST, 48_213_577L, "application/gzip", "blob:" + ARTIFACT_DIGEST))
                .timestamp(TIMESTAMP)
                .proposedBy("alice@example.com")
                .previousManifestDigest(PREVIOUS_DIGEST)
                .build();
    }
}
