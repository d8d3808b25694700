package dev.idea.api;

/**
 * A fact that had to hold before the manifest was created, e.g. the digest of the validation report.
 *
 * @param kind what kind of fact, e.g. {@code validation-report}
 * @param value the evidence, e.g. {@code sha256:…}
 * @since 0.1
 */
public record Precondition(String kind, String value) {

    /** Well-known kind: the digest of the package's validation report. */
    public static final String VALIDATION_REPORT = "validation-report";

    /** Well-known kind: the digest of a rule plan ({@code RulePlan.planDigest()}) the release was checked with. */
    public static final String RULE_PLAN = "rule-plan";

    /** Well-known kind: the result digest of a readiness simulation record that supports the release. */
    public static final String SIMULATION_RECORD = "simulation-record";

    /** Validates both fields. */
    public Precondition {
        Texts.requireText(kind, "precondition kind");
        Texts.requireText(value, "precondition value");
    }
}
