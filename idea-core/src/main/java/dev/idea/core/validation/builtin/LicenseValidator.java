package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code license} validator: the package declares its license, and every SPDX expression found is
 * well formed and acceptable under the allow / deny lists.
 *
 * <p>Sources: the {@code license} member of {@code idea-package.json}; {@code SPDX-License-Identifier:}
 * headers in the first lines of text files; license files ({@code LICENSE}, {@code COPYING}, …),
 * whose first lines are matched against a few well-known titles. A package with none of these gets a
 * {@code license.missing} finding and the {@code missing_license} reason. Streams each file up to the
 * header-line limit. Stateless and thread-safe; deterministic.
 */
public final class LicenseValidator implements PackageValidator {
    static final String ID = "license";
    private static final Set<String> KEYS = Set.of("allow", "deny", "not-allowed-severity", "missing-severity",
            "license-files", "header-lines", "max-findings");
    private static final List<String> DEFAULT_LICENSE_FILES = List.of("LICENSE", "LICENSE.*", "LICENSE-*", "LICENCE",
            "LICENCE.*", "COPYING", "COPYING.*", "UNLICENSE");
    private static final Pattern HEADER = Pattern.compile("SPDX-License-Identifier:\\s*(.*?)\\s*(?:\\*/|-->|#\\}|\\*\\)|$)");
    private static final int TITLE_LINES = 40;

    /** Well-known first-line phrases of license texts, checked in order; a heuristic only. */
    private static final List<String[]> TITLES = List.of(
            new String[] {"GNU AFFERO GENERAL PUBLIC LICENSE", "AGPL-3.0"},
            new String[] {"GNU LESSER GENERAL PUBLIC LICENSE", "LGPL"},
            new String[] {"GNU GENERAL PUBLIC LICENSE", "GPL"},
            new String[] {"Apache License", "Apache-2.0"},
            new String[] {"Mozilla Public License", "MPL-2.0"},
            new String[] {"Eclipse Public License", "EPL-2.0"},
            new String[] {"MIT License", "MIT"},
            new String[] {"Permission is hereby granted, free of charge", "MIT"},
            new String[] {"ISC License", "ISC"},
            new String[] {"This is free and unencumbered software released into the public domain", "Unlicense"},
            new String[] {"Redistribution and use in source and binary forms", "BSD-3-Clause"});

    /** Creates the validator; it has no state. */
    public LicenseValidator() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** One validation run: the settings and what was found so far. */
    private static final class Run {
        final LicensePolicy policy;
        final Severity notAllowed;
        final FindingList out;
        final Set<String> reasons = new TreeSet<>();
        boolean licensed;

        Run(LicensePolicy policy, Severity notAllowed, FindingList out) {
            this.policy = policy;
            this.notAllowed = notAllowed;
            this.out = out;
        }
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        Run run = new Run(new LicensePolicy(s.list("allow", List.of()), s.list("deny", List.of())),
                s.severity("not-allowed-severity", Severity.ERROR),
                new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000)));
        Severity missing = s.severity("missing-severity", Severity.ERROR);
        long headerLines = s.longValue("header-lines", 30, 0, 100_000);
        List<Glob> licenseFiles = s.list("license-files", DEFAULT_LICENSE_FILES).stream().map(Glob::compile).toList();

        declared(pkg, run);
        for (PackageEntry e : pkg.entries()) {
            if (e.type() != PackageEntry.Type.FILE) {
                continue;
            }
            boolean licenseFile = licenseFiles.stream().anyMatch(g -> g.matches(e.path()));
            long lines = Math.max(headerLines, licenseFile ? TITLE_LINES : 0);
            if (lines > 0) {
                scanFile(pkg, e, lines, headerLines, licenseFile, run);
            }
            if (licenseFile) {
                run.licensed = true;
            }
        }
        if (!run.licensed) {
            run.out.add(missing, "license.missing", "the package declares no license: add a LICENSE file, a \"license\" member"
                    + " in idea-package.json or SPDX-License-Identifier headers", "", 0, -1);
            run.reasons.add("missing_license");
        }
        return new ValidatorOutcome(run.out.sorted(), new ArrayList<>(run.reasons));
    }

    private static void declared(PackageView pkg, Run run) {
        PackageDescriptor.Result d = PackageDescriptor.read(pkg);
        d.problem().ifPresent(p -> run.out.add(Severity.ERROR, "license.descriptor-invalid", p, PackageDescriptor.PATH, d.line(""),
                d.offset("")));
        Optional<JsonObject> descriptor = d.descriptor();
        if (descriptor.isEmpty()) {
            return;
        }
        Optional<String> license;
        try {
            license = descriptor.get().optString("license");
        } catch (FormatException e) {
            run.out.add(Severity.ERROR, "license.descriptor-invalid", e.getMessage(), PackageDescriptor.PATH, d.line("$.license"),
                    d.offset("$.license"));
            return;
        }
        license.ifPresent(text -> {
            run.licensed = true;
            long line = d.line("$.license");
            long offset = d.offset("$.license");
            SpdxExpression e = check(text, PackageDescriptor.PATH, line, offset, run);
            if (e != null) {
                run.out.add(Severity.INFO, "license.declared", "package license: " + e, PackageDescriptor.PATH, line, offset);
            }
        });
    }

    private static void scanFile(PackageView pkg, PackageEntry e, long lines, long headerLines, boolean licenseFile, Run run) {
        String[] detected = {null};
        long[] titleAt = {0, -1};
        try (InputStream in = pkg.open(e)) {
            boolean binary = TextScanner.scan(in, (text, line, offset) -> {
                if (line <= headerLines) {
                    int at = text.indexOf("SPDX-License-Identifier:");
                    if (at >= 0) {
                        Matcher m = HEADER.matcher(text);
                        if (m.find(at)) {
                            run.licensed = true;
                            check(m.group(1), e.path(), line, offset + m.start(1), run);
                        }
                    }
                }
                if (licenseFile && detected[0] == null) {
                    detected[0] = title(text);
                    titleAt[0] = line;
                    titleAt[1] = offset;
                }
            }, lines);
            if (binary) {
                return;
            }
        } catch (IOException ex) {
            run.out.add(Severity.ERROR, "license.unreadable", "cannot read the file: " + ex.getMessage(), e.path(), 0, -1);
            return;
        }
        if (licenseFile) {
            reportLicenseFile(e, detected[0], titleAt, run);
        }
    }

    /** Reports a license file, at the line whose title identified it ({@code at} = line, offset). */
    private static void reportLicenseFile(PackageEntry e, String detected, long[] at, Run run) {
        if (detected == null) {
            run.out.add(Severity.INFO, "license.file", "license file found; its text is not one IDEA recognises", e.path(), 0, -1);
            return;
        }
        LicensePolicy.Verdict v = run.policy.evaluate(new SpdxExpression.License(detected, false));
        if (v == LicensePolicy.Verdict.DENIED) {
            run.out.add(Severity.WARNING, "license.file-denied", "license file looks like " + detected
                    + ", which is denied; if it is not, declare the license with an SPDX expression", e.path(), at[0], at[1]);
        } else {
            run.out.add(Severity.INFO, "license.file", "license file found; its text looks like " + detected, e.path(), at[0], at[1]);
        }
    }

    private static String title(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        for (String[] t : TITLES) {
            if (upper.contains(t[0].toUpperCase(Locale.ROOT))) {
                return t[1];
            }
        }
        return null;
    }

    /** Parses and evaluates one expression; returns it, or null when it was malformed. */
    private static SpdxExpression check(String text, String path, long line, long offset, Run run) {
        SpdxExpression e;
        try {
            e = SpdxExpression.parse(text);
        } catch (FormatException ex) {
            run.out.add(Severity.ERROR, "license.invalid-expression", ex.getMessage(), path, line, offset);
            run.reasons.add("license_invalid");
            return null;
        }
        switch (run.policy.evaluate(e)) {
            case DENIED -> {
                run.out.add(Severity.ERROR, "license.denied", "license " + e + " is denied by policy; relicense or remove"
                        + " this content", path, line, offset);
                run.reasons.add("license_denied");
            }
            case NOT_LISTED -> {
                run.out.add(run.notAllowed, "license.not-allowed", "license " + e + " is not on the allow list; ask for it"
                        + " to be reviewed and added", path, line, offset);
                run.reasons.add("license_not_allowed");
            }
            case ALLOWED -> {
                // nothing to report
            }
        }
        return e;
    }
}
