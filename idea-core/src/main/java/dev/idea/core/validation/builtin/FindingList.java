package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects a validator's findings up to a cap and returns them in the deterministic report order:
 * path, line, offset, rule, severity, message.
 *
 * <p>When more than the cap are found, the first ones in scan order are kept (validators scan entries
 * in path order, so the kept set is deterministic) and one more finding says how many were left
 * out. Not thread-safe: one per validation run.
 */
final class FindingList {
    /** Default cap on findings per validator run. */
    static final int DEFAULT_MAX_FINDINGS = 1000;

    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingLong(Finding::line)
            .thenComparingLong(Finding::offset)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::message);

    private final String validator;
    private final int max;
    private final List<Finding> findings = new ArrayList<>();
    private long omitted;
    private Finding.Severity omittedWorst = Finding.Severity.INFO;

    FindingList(String validator, int max) {
        this.validator = validator;
        this.max = max;
    }

    void add(Finding.Severity severity, String rule, String message, String path, long line, long offset) {
        add(new Finding(severity, rule, message, path, line, offset));
    }

    void add(Finding finding) {
        if (findings.size() < max) {
            findings.add(finding);
        } else {
            omitted++;
            if (finding.severity().compareTo(omittedWorst) > 0) {
                omittedWorst = finding.severity();
            }
        }
    }

    boolean isEmpty() {
        return findings.isEmpty();
    }

    boolean any(String rulePrefix) {
        return findings.stream().anyMatch(f -> f.rule().startsWith(rulePrefix));
    }

    /** Returns the sorted findings, with a summary of omitted ones carrying the worst omitted severity. */
    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(ORDER);
        if (omitted > 0) {
            out.add(new Finding(omittedWorst, validator + ".truncated", omitted + " more findings were left out after the first "
                    + max + "; fix these and validate again, or raise max-findings", "", 0, -1));
        }
        return out;
    }
}
