package dev.idea.core.codec;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ValidationCheck;
import dev.idea.api.ValidationFinding;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes validation reports ({@code docs/formats/validation-report.md}): an in-toto Statement v1 whose
 * subject is the package digest and whose predicate ({@value ValidationReport#PREDICATE_TYPE}) holds the
 * built-in checks, the limits and each validator's outcome, as RFC 8785 canonical JSON.
 *
 * <p>The statement holds no time and no host data, and callers pass validators sorted by id and
 * findings sorted, so the same package, validators, settings and limits give the same bytes.
 * Stateless and thread-safe.
 */
public final class ValidationReportCodec {
    /** Name of the statement's single subject. */
    public static final String SUBJECT_NAME = "package";

    private ValidationReportCodec() {
    }

    /**
     * Returns the canonical statement bytes, the DSSE payload of the report.
     *
     * @param packageType the package type the validators were chosen for
     * @param packageDigest SHA-256 of the package
     * @param size package length
     * @param format detected format
     * @param entries archive entries
     * @param checks built-in check results in order
     * @param validators validator results sorted by id
     * @param limits the limits applied
     * @return the bytes
     */
    public static Bytes statement(String packageType, Digest packageDigest, long size, String format, long entries,
                                  List<ValidationCheck> checks, List<ValidatorResult> validators, ValidationLimits limits) {
        List<JsonValue> checkJson = new ArrayList<>();
        for (ValidationCheck c : checks) {
            checkJson.add(JsonObject.builder().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail()).build());
        }
        List<JsonValue> validatorJson = new ArrayList<>();
        for (ValidatorResult v : validators) {
            validatorJson.add(validator(v));
        }
        boolean passed = checks.stream().allMatch(ValidationCheck::passed) && validators.stream().allMatch(ValidatorResult::passed);
        JsonObject predicate = JsonObject.builder()
                .put("packageType", packageType)
                .put("size", size)
                .put("format", format)
                .put("entries", entries)
                .put("checks", new JsonArray(checkJson))
                .put("limits", limits(limits))
                .put("validators", new JsonArray(validatorJson))
                .put("passed", passed)
                .build();
        JsonObject subject = JsonObject.builder()
                .put("name", SUBJECT_NAME)
                .put("digest", JsonObject.builder().put(packageDigest.algorithm().prefix(), packageDigest.hex()).build())
                .build();
        return Bytes.of(Json.write(JsonObject.builder()
                .put("_type", ValidationReport.STATEMENT_TYPE)
                .put("subject", new JsonArray(List.of(subject)))
                .put("predicateType", ValidationReport.PREDICATE_TYPE)
                .put("predicate", predicate)
                .build()));
    }

    private static JsonObject validator(ValidatorResult v) {
        List<JsonValue> findings = new ArrayList<>();
        for (ValidationFinding f : v.findings()) {
            findings.add(JsonObject.builder()
                    .put("severity", f.severity().name())
                    .put("rule", f.rule())
                    .put("message", f.message())
                    .put("path", f.path())
                    .put("line", f.line())
                    .put("offset", f.offset())
                    .build());
        }
        List<JsonValue> reasons = new ArrayList<>();
        v.reasons().forEach(r -> reasons.add(new JsonString(r)));
        return JsonObject.builder()
                .put("id", v.id())
                .put("version", v.version())
                .put("settingsDigest", v.settingsDigest().toString())
                .put("status", v.status().name())
                .put("findings", new JsonArray(findings))
                .put("reasons", new JsonArray(reasons))
                .put("detail", v.detail())
                .build();
    }

    private static JsonObject limits(ValidationLimits limits) {
        return JsonObject.builder()
                .put("maxPackageBytes", limits.maxPackageBytes())
                .put("maxEntries", limits.maxEntries())
                .put("maxUncompressedBytes", limits.maxUncompressedBytes())
                .put("maxCompressionRatio", limits.maxCompressionRatio())
                .put("maxPathDepth", limits.maxPathDepth())
                .put("maxPathBytes", limits.maxPathBytes())
                .put("validatorTimeout", limits.validatorTimeout().toString())
                .put("validationBudget", limits.validationBudget().toString())
                .build();
    }
}
