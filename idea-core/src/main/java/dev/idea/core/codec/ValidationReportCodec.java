package dev.idea.core.codec;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ValidationCheck;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes validation reports ({@code docs/formats/validation-report.md}) and computes their digest.
 *
 * <p>The document holds no time and no host data, so the same package under the same limits gives
 * the same bytes. Stateless and thread-safe.
 */
public final class ValidationReportCodec {
    /** Value of the {@code schema} member. */
    public static final String SCHEMA = "idea.validation-report.v1";

    private ValidationReportCodec() {
    }

    /**
     * Builds a report and its digest from the checks' results.
     *
     * @param packageDigest SHA-256 of the package
     * @param size package length
     * @param format detected format
     * @param entries archive entries
     * @param checks results in order
     * @param limits the limits applied
     * @return the report with its digest
     */
    public static ValidationReport seal(Digest packageDigest, long size, String format, long entries,
                                        List<ValidationCheck> checks, ValidationLimits limits) {
        Bytes json = write(packageDigest, size, format, entries, checks, limits);
        return new ValidationReport(packageDigest, size, format, entries, checks, Digest.sha256(json));
    }

    /**
     * Returns the canonical JSON of a report (without its own digest, which is computed over it).
     *
     * @param report the report
     * @param limits the limits it was produced under
     * @return the bytes
     */
    public static Bytes write(ValidationReport report, ValidationLimits limits) {
        return write(report.packageDigest(), report.size(), report.format(), report.entries(), report.checks(), limits);
    }

    private static Bytes write(Digest packageDigest, long size, String format, long entries,
                               List<ValidationCheck> checks, ValidationLimits limits) {
        List<JsonValue> checkJson = new ArrayList<>();
        for (ValidationCheck c : checks) {
            checkJson.add(JsonObject.builder().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail()).build());
        }
        return Bytes.of(Json.write(JsonObject.builder()
                .put("schema", SCHEMA)
                .put("packageDigest", packageDigest.toString())
                .put("size", size)
                .put("format", format)
                .put("entries", entries)
                .put("checks", new JsonArray(checkJson))
                .put("limits", JsonObject.builder()
                        .put("maxPackageBytes", limits.maxPackageBytes())
                        .put("maxEntries", limits.maxEntries())
                        .put("maxUncompressedBytes", limits.maxUncompressedBytes())
                        .build())
                .put("passed", checks.stream().allMatch(ValidationCheck::passed))
                .build()));
    }
}
