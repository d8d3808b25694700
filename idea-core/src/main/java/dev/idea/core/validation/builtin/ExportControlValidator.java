package dev.idea.core.validation.builtin;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code export-control} validator: flags content that needs an export-control review, such as
 * cryptography markers ({@code javax.crypto}, {@code AES}, {@code RSA}, …) and ECCN declarations
 * ({@code ECCN: 5D002}, {@code EAR99}).
 *
 * <p>Keywords match whole words (an identifier character on either side prevents a match), case
 * sensitively unless {@code case-insensitive} is set. Each keyword is reported once per file, at its
 * first occurrence, with the number of occurrences; ECCN declarations are reported each time. All
 * findings are WARNINGs and add the reason {@code export_review}. Stateless and thread-safe;
 * deterministic.
 */
public final class ExportControlValidator implements PackageValidator {
    static final String ID = "export-control";
    static final List<String> DEFAULT_KEYWORDS = List.of("javax.crypto", "java.security.KeyPairGenerator", "Cipher.getInstance",
            "org.bouncycastle", "AES", "RSA", "ECDSA", "ChaCha20", "OpenSSL", "libsodium");
    private static final Set<String> KEYS = Set.of("keywords", "extra-keywords", "case-insensitive", "allow.paths",
            "max-findings");
    /** Every ECCN match starts with this. */
    private static final String ECCN_WORD = "ECCN";
    private static final Pattern ECCN = Pattern.compile("\\bECCN\\s*[:=]?\\s*\"?([0-9][A-E][0-9]{3}(?:\\.[a-z](?:\\.[0-9]+)?)?|EAR99)\\b");

    /** Creates the validator; it has no state. */
    public ExportControlValidator() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** First occurrence and count of one keyword in one file. */
    private static final class Hit {
        long line;
        long offset;
        long count;
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        List<String> keywords = new ArrayList<>(s.list("keywords", DEFAULT_KEYWORDS));
        keywords.addAll(s.list("extra-keywords", List.of()));
        boolean ignoreCase = s.bool("case-insensitive", false);
        Allowlist allow = new Allowlist(s.list("allow.paths", List.of()), List.of());
        Map<String, Pattern> patterns = new TreeMap<>();
        for (String k : keywords) {
            patterns.put(k, Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(k) + "(?![A-Za-z0-9_])",
                    ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        }
        FindingList out = new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000));
        for (PackageEntry e : pkg.entries()) {
            if (e.type() == PackageEntry.Type.FILE && !allow.pathAllowed(e.path())) {
                scan(pkg, e, patterns, ignoreCase, out);
            }
        }
        return new ValidatorOutcome(out.sorted(), out.isEmpty() ? List.of() : List.of("export_review"));
    }

    private static void scan(PackageView pkg, PackageEntry e, Map<String, Pattern> patterns, boolean ignoreCase,
            FindingList out) {
        // a keyword's pattern runs only on a segment that contains the keyword (ASCII case folded when
        // matching ignores case, which is how Pattern.CASE_INSENSITIVE compares without UNICODE_CASE)
        Map<String, String> needles = new TreeMap<>();
        patterns.keySet().forEach(k -> needles.put(k, ignoreCase ? CharScan.asciiLower(k) : k));
        Map<String, Hit> hits = new TreeMap<>();
        try (InputStream in = pkg.open(e)) {
            TextScanner.scan(in, (text, line, offset) -> {
                Matcher eccn = text.contains(ECCN_WORD) ? ECCN.matcher(text) : null;
                while (eccn != null && eccn.find()) {
                    out.add(Severity.WARNING, "export-control.eccn", "export classification ECCN " + eccn.group(1)
                            + " declared; have the release reviewed for export control", e.path(), line, offset + eccn.start());
                }
                String haystack = ignoreCase ? CharScan.asciiLower(text) : text;
                for (Map.Entry<String, Pattern> k : patterns.entrySet()) {
                    if (!haystack.contains(needles.get(k.getKey()))) {
                        continue;
                    }
                    Matcher m = k.getValue().matcher(text);
                    while (m.find()) {
                        Hit h = hits.computeIfAbsent(k.getKey(), x -> new Hit());
                        if (h.count++ == 0) {
                            h.line = line;
                            h.offset = offset + m.start();
                        }
                    }
                }
            });
        } catch (IOException ex) {
            out.add(Severity.ERROR, "export-control.unreadable", "cannot read the file: " + ex.getMessage(), e.path(), 0, -1);
            return;
        }
        hits.forEach((keyword, h) -> out.add(Severity.WARNING, "export-control.keyword", "\"" + keyword + "\" appears " + h.count
                + (h.count == 1 ? " time" : " times") + " (first here); cryptography or controlled technology needs an"
                + " export-control review", e.path(), h.line, h.offset));
    }
}
