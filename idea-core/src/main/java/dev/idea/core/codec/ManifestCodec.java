package dev.idea.core.codec;

import dev.idea.api.ArtifactRef;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.Precondition;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the manifest document ({@code docs/formats/manifest.md}).
 *
 * <p>Stateless and thread-safe.
 */
public final class ManifestCodec {
    /** Value of the {@code schema} member. */
    public static final String SCHEMA = "idea.manifest.v1";

    private ManifestCodec() {
    }

    /**
     * Returns the canonical JSON of a manifest.
     *
     * @param manifest the manifest
     * @return RFC 8785 bytes
     */
    public static Bytes write(Manifest manifest) {
        return Bytes.of(Json.write(toJson(manifest)));
    }

    /**
     * Returns SHA-256 of the canonical JSON.
     *
     * @param manifest the manifest
     * @return the digest
     */
    public static Digest digest(Manifest manifest) {
        return Digest.sha256(write(manifest));
    }

    static JsonObject toJson(Manifest m) {
        List<JsonValue> preconditions = new ArrayList<>();
        for (Precondition p : m.preconditions()) {
            preconditions.add(JsonObject.builder().put("kind", p.kind()).put("value", p.value()).build());
        }
        ArtifactRef a = m.artifact();
        JsonObject artifact = JsonObject.builder()
                .put("digest", a.digest().toString())
                .put("size", a.size())
                .put("mediaType", a.mediaType())
                .put("location", a.location())
                .build();
        return JsonObject.builder()
                .put("schema", SCHEMA)
                .put("manifestId", m.manifestId())
                .put("type", m.type())
                .put("target", m.target())
                .put("version", m.version())
                .put("impact", m.impact().name())
                .put("rationale", m.rationale())
                .put("preconditions", new JsonArray(preconditions))
                .put("artifact", artifact)
                .put("timestamp", m.timestamp().toString())
                .put("proposedBy", m.proposedBy())
                .putIfNotNull("previousManifestDigest",
                        m.previousManifestDigest() == null ? null : m.previousManifestDigest().toString())
                .build();
    }

    /**
     * Parses a manifest document.
     *
     * @param json the document
     * @return the manifest
     * @throws FormatException when the JSON is malformed or a member is missing or invalid
     */
    public static Manifest read(Bytes json) {
        JsonObject o = Json.parseObject(json.toByteArray(), CodecSupport.LIMITS);
        String schema = o.requireString("schema");
        if (!SCHEMA.equals(schema)) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "manifest schema is \"" + schema
                    + "\"; this version of IDEA reads \"" + SCHEMA + "\"");
        }
        try {
            Manifest.Builder b = Manifest.builder()
                    .manifestId(o.requireString("manifestId"))
                    .type(o.requireString("type"))
                    .target(o.requireString("target"))
                    .version(o.requireString("version"))
                    .impact(impact(o.requireString("impact")))
                    .rationale(o.requireString("rationale"))
                    .artifact(artifact(o.requireObject("artifact")))
                    .timestamp(CodecSupport.instant(o.requireString("timestamp"), "timestamp"))
                    .proposedBy(o.requireString("proposedBy"));
            for (JsonValue v : o.requireArray("preconditions").values()) {
                if (!(v instanceof JsonObject p)) {
                    throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "preconditions must hold objects");
                }
                b.precondition(new Precondition(p.requireString("kind"), p.requireString("value")));
            }
            o.optString("previousManifestDigest")
                    .ifPresent(d -> b.previousManifestDigest(CodecSupport.digest(d, "previousManifestDigest")));
            return b.build();
        } catch (FormatException e) {
            throw e;
        } catch (IdeaException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "manifest is invalid: " + e.getMessage(), e);
        }
    }

    private static ArtifactRef artifact(JsonObject a) {
        return new ArtifactRef(CodecSupport.digest(a.requireString("digest"), "artifact.digest"), a.requireLong("size"),
                a.requireString("mediaType"), a.requireString("location"));
    }

    private static Impact impact(String text) {
        for (Impact i : Impact.values()) {
            if (i.name().equals(text)) {
                return i;
            }
        }
        throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "impact \"" + text
                + "\" is not one of LOW, MEDIUM, HIGH, CRITICAL");
    }
}
