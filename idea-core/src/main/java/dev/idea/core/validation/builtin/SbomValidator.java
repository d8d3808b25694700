package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code sbom} validator: the package holds CycloneDX or SPDX JSON SBOMs that parse, and their
 * components are listed as INFO findings.
 *
 * <p>No SBOM gives the {@code missing_sbom} reason and a {@code sbom.missing} finding whose severity
 * is a setting (WARNING by default); an SBOM that does not parse gives an ERROR naming the file and
 * the parser's message, and the {@code sbom_invalid} reason. Stateless and thread-safe; deterministic.
 */
public final class SbomValidator implements PackageValidator {
    static final String ID = "sbom";
    private static final Set<String> KEYS = Set.of("files", "max-bytes", "missing-severity", "list-components", "max-findings");

    /** Creates the validator; it has no state. */
    public SbomValidator() {
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
        List<String> globs = s.list("files", SbomFiles.DEFAULT_GLOBS);
        long maxBytes = s.longValue("max-bytes", SbomFiles.DEFAULT_MAX_BYTES, 1, Integer.MAX_VALUE - 16);
        Severity missing = s.severity("missing-severity", Severity.WARNING);
        boolean list = s.bool("list-components", true);
        FindingList out = new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000));
        Set<String> reasons = new TreeSet<>();

        List<SbomFiles.Loaded> loaded = SbomFiles.load(pkg, globs, maxBytes);
        if (loaded.isEmpty()) {
            out.add(missing, "sbom.missing", "the package holds no SBOM (" + globs + "); add a CycloneDX bom.json or an SPDX"
                    + " *.spdx.json describing its components", "", 0, -1);
            reasons.add("missing_sbom");
        }
        for (SbomFiles.Loaded l : loaded) {
            if (l.problem().isPresent()) {
                out.add(Severity.ERROR, "sbom.malformed", l.problem().get(), l.path(), l.line(""), l.offset(""));
                reasons.add("sbom_invalid");
                continue;
            }
            SbomDocument d = l.document().orElseThrow();
            out.add(Severity.INFO, "sbom.document", d.format() + " " + d.specVersion() + " SBOM with " + d.components().size()
                    + " components", l.path(), 0, -1);
            if (list) {
                for (SbomComponent c : d.components()) {
                    out.add(Severity.INFO, "sbom.component", c.location() + ": " + c.describe(), l.path(), l.line(c.location()),
                            l.offset(c.location()));
                }
            }
        }
        return new ValidatorOutcome(out.sorted(), List.copyOf(reasons));
    }
}
