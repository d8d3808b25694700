package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code format} validator: the package format is an allowed one, entry names are portable,
 * not too long or deep, use no denied extension, and required paths are present.
 *
 * <p>Reads only the entry list. Stateless and thread-safe; deterministic.
 */
public final class FormatValidator implements PackageValidator {
    static final String ID = "format";
    static final List<String> ALL_FORMATS = List.of("file", "gzip", "tar", "tar+gzip", "zip");
    private static final Set<String> KEYS = Set.of("allowed-formats", "denied-extensions", "required-paths",
            "max-path-length", "max-depth", "max-findings");
    private static final Pattern PORTABLE = Pattern.compile("[A-Za-z0-9._+@=,~/ -]+");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");

    /** Creates the validator; it has no state. */
    public FormatValidator() {
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
        List<String> formats = s.list("allowed-formats", ALL_FORMATS);
        for (String f : formats) {
            if (!ALL_FORMATS.contains(f)) {
                throw s.invalid("allowed-formats", String.join(",", formats), "a list of " + ALL_FORMATS);
            }
        }
        List<String> denied = s.list("denied-extensions", List.of()).stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        long maxLength = s.longValue("max-path-length", 255, 1, 65_535);
        long maxDepth = s.longValue("max-depth", 32, 1, 10_000);
        FindingList out = new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000));

        if (!formats.contains(pkg.format())) {
            out.add(Severity.ERROR, "format.not-allowed", "package format " + pkg.format() + " is not allowed here; submit one of "
                    + formats, "", 0, -1);
        }
        TreeMap<String, String> folded = new TreeMap<>();
        for (PackageEntry e : pkg.entries()) {
            checkName(e, denied, maxLength, maxDepth, out);
            String key = e.path().toLowerCase(Locale.ROOT);
            String other = folded.putIfAbsent(key, e.path());
            if (other != null) {
                out.add(Severity.WARNING, "format.case-collision", e.path() + " and " + other
                        + " differ only in letter case and overwrite each other on case-insensitive file systems; rename one",
                        e.path(), 0, -1);
            }
        }
        for (String required : s.list("required-paths", List.of())) {
            if (pkg.entries().stream().noneMatch(e -> e.path().equals(required))) {
                out.add(Severity.ERROR, "format.required-missing", "the package has no " + required
                        + "; packages of this type must contain it", "", 0, -1);
            }
        }
        return new ValidatorOutcome(out.sorted(), List.of());
    }

    private static void checkName(PackageEntry e, List<String> denied, long maxLength, long maxDepth, FindingList out) {
        String path = e.path();
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxLength) {
            out.add(Severity.ERROR, "format.path-too-long", "path is " + bytes + " bytes long; the limit is " + maxLength
                    + "; shorten it", path, 0, -1);
        }
        long depth = path.chars().filter(c -> c == '/').count() + 1;
        if (depth > maxDepth) {
            out.add(Severity.ERROR, "format.too-deep", "path is " + depth + " levels deep; the limit is " + maxDepth
                    + "; flatten the directory tree", path, 0, -1);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (e.type() == PackageEntry.Type.FILE) {
            for (String ext : denied) {
                if (lower.endsWith(ext)) {
                    out.add(Severity.ERROR, "format.denied-extension", "files ending in " + ext
                            + " are not allowed in this package type; remove it", path, 0, -1);
                    break;
                }
            }
        }
        String name = EntryFiles.name(path);
        if (!PORTABLE.matcher(path).matches() || RESERVED.matcher(name).matches() || name.endsWith(".") || name.endsWith(" ")) {
            out.add(Severity.WARNING, "format.non-portable-name", "name \"" + Redaction.abbreviate(path)
                    + "\" uses characters or a reserved name that some platforms refuse; use letters, digits and ._-+@=,~",
                    path, 0, -1);
        }
    }
}
