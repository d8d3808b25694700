package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code dependencies} validator: every SBOM component with a package URL is checked against the
 * deny list and the advisories of the settings.
 *
 * <p>A component matches an advisory or a denied package when type, namespace and name are equal
 * (after purl normalization) and, for an advisory, its version (the purl's, else the component's)
 * lies in the advisory's range. Components without a purl or version cannot be vetted and are
 * reported. Stateless and thread-safe; deterministic for the same settings and advisory file.
 */
public final class DependenciesValidator implements PackageValidator {
    static final String ID = "dependencies";
    private static final Set<String> KEYS = Set.of("advisories", "deny", "files", "max-bytes", "unvetted-severity",
            "max-findings");

    /** Creates the validator; it has no state. */
    public DependenciesValidator() {
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
        AdvisoryList list = s.has("advisories") ? AdvisoryList.read(Path.of(s.string("advisories", "")))
                : new AdvisoryList(List.of(), List.of());
        List<AdvisoryList.Denied> denied = new ArrayList<>(list.denied());
        for (String purl : s.list("deny", List.of())) {
            try {
                denied.add(new AdvisoryList.Denied(PackageUrl.parse(purl), "denied by the settings"));
            } catch (FormatException e) {
                throw s.invalid("deny", purl, "a list of package URLs such as pkg:npm/event-stream");
            }
        }
        Severity unvetted = s.severity("unvetted-severity", Severity.INFO);
        FindingList out = new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000));
        Set<String> reasons = new TreeSet<>();

        List<SbomFiles.Loaded> loaded = SbomFiles.load(pkg, s.list("files", SbomFiles.DEFAULT_GLOBS),
                s.longValue("max-bytes", SbomFiles.DEFAULT_MAX_BYTES, 1, Integer.MAX_VALUE - 16));
        if (loaded.isEmpty()) {
            out.add(Severity.INFO, "dependencies.no-sbom", "the package holds no SBOM, so no dependency was vetted", "", 0, -1);
        }
        for (SbomFiles.Loaded l : loaded) {
            if (l.document().isEmpty()) {
                out.add(Severity.WARNING, "dependencies.sbom-unreadable", "dependencies not vetted: " + l.problem().orElse(""),
                        l.path(), l.line(""), l.offset(""));
                continue;
            }
            for (SbomComponent c : l.document().get().components()) {
                vet(c, l, list.advisories(), denied, unvetted, out, reasons);
            }
        }
        return new ValidatorOutcome(out.sorted(), List.copyOf(reasons));
    }

    private static void vet(SbomComponent c, SbomFiles.Loaded l, List<AdvisoryList.Advisory> advisories, List<AdvisoryList.Denied> denied,
            Severity unvetted, FindingList out, Set<String> reasons) {
        if (c.purl().isEmpty()) {
            out.add(unvetted, "dependencies.no-purl", c.location() + ": component " + c.name()
                    + " has no package URL and cannot be vetted; add its purl to the SBOM", l.path(), l.line(c.location()), l.offset(c.location()));
            return;
        }
        PackageUrl purl;
        try {
            purl = PackageUrl.parse(c.purl());
        } catch (FormatException e) {
            out.add(Severity.WARNING, "dependencies.invalid-purl", c.location() + ": " + e.getMessage(), l.path(), l.line(c.location()), l.offset(c.location()));
            return;
        }
        for (AdvisoryList.Denied d : denied) {
            if (d.purl().samePackage(purl)) {
                out.add(Severity.ERROR, "dependencies.denied", c.location() + ": component " + purl.coordinates()
                        + " is denied" + (d.reason().isEmpty() ? "" : " (" + d.reason() + ")") + "; remove it", l.path(), l.line(c.location()), l.offset(c.location()));
                reasons.add("denied_dependency");
            }
        }
        String version = purl.version().isEmpty() ? c.version() : purl.version();
        if (version.isEmpty()) {
            out.add(unvetted, "dependencies.no-version", c.location() + ": component " + purl.coordinates()
                    + " has no version, so advisories cannot be checked; add it to the SBOM", l.path(), l.line(c.location()), l.offset(c.location()));
            return;
        }
        for (AdvisoryList.Advisory a : advisories) {
            if (a.purl().samePackage(purl) && a.versions().contains(version)) {
                out.add(a.severity(), "dependencies.advisory", c.location() + ": component " + purl.coordinates() + "@" + version
                        + " is affected by " + a.id() + " (versions " + a.versions() + ")"
                        + (a.summary().isEmpty() ? "" : ": " + Redaction.abbreviate(a.summary())) + "; upgrade it", l.path(), l.line(c.location()), l.offset(c.location()));
                reasons.add("vulnerable_dependency");
            }
        }
    }
}
