package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.util.List;
import java.util.Set;

/**
 * The {@code size} validator: the package, each entry, the unpacked total and the entry count stay
 * within the limits of the settings, and an INFO summary gives the figures.
 *
 * <p>Reads only the entry list. Stateless and thread-safe; deterministic.
 */
public final class SizeValidator implements PackageValidator {
    static final String ID = "size";
    private static final Set<String> KEYS = Set.of("max-package-bytes", "max-entry-bytes", "max-total-bytes",
            "max-entries", "max-findings");

    /** Creates the validator; it has no state. */
    public SizeValidator() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        long maxPackage = s.longValue("max-package-bytes", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        long maxEntry = s.longValue("max-entry-bytes", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        long maxTotal = s.longValue("max-total-bytes", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        long maxEntries = s.longValue("max-entries", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        FindingList out = new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000));

        long total = 0;
        long files = 0;
        PackageEntry largest = null;
        for (PackageEntry e : pkg.entries()) {
            total += e.size();
            if (e.type() == PackageEntry.Type.FILE) {
                files++;
                if (largest == null || e.size() > largest.size()) {
                    largest = e;
                }
            }
            if (e.size() > maxEntry) {
                out.add(Severity.ERROR, "size.entry-too-large", "entry is " + e.size() + " bytes; the limit is " + maxEntry
                        + " (max-entry-bytes); split or shrink it", e.path(), 0, -1);
            }
        }
        if (pkg.size() > maxPackage) {
            out.add(Severity.ERROR, "size.package-too-large", "package is " + pkg.size() + " bytes; the limit is " + maxPackage
                    + " (max-package-bytes)", "", 0, -1);
        }
        if (total > maxTotal) {
            out.add(Severity.ERROR, "size.total-too-large", "entries hold " + total + " bytes unpacked; the limit is " + maxTotal
                    + " (max-total-bytes)", "", 0, -1);
        }
        if (pkg.entries().size() > maxEntries) {
            out.add(Severity.ERROR, "size.too-many-entries", "package has " + pkg.entries().size() + " entries; the limit is "
                    + maxEntries + " (max-entries)", "", 0, -1);
        }
        out.add(Severity.INFO, "size.summary", "package " + pkg.size() + " bytes, " + pkg.entries().size() + " entries ("
                + files + " files), " + total + " bytes unpacked"
                + (largest == null ? "" : ", largest file " + largest.path() + " (" + largest.size() + " bytes)"), "", 0, -1);
        return new ValidatorOutcome(out.sorted(), List.of());
    }
}
