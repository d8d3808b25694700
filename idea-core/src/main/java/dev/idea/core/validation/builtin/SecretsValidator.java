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
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code secrets} validator: private-key PEM blocks, cloud access-key formats and high-entropy
 * tokens in any file of the package.
 *
 * <p>Text files are scanned line by line; binary files by their printable runs (see
 * {@link TextScanner}). A finding shows the rule, the location, a masked prefix and a
 * {@linkplain Redaction#fingerprint fingerprint}, never the value. An allowlist of path globs and
 * fingerprints silences known false positives. Stateless and thread-safe; deterministic.
 */
public final class SecretsValidator implements PackageValidator {
    static final String ID = "secrets";
    private static final Set<String> KEYS = Set.of("allow.paths", "allow.fingerprints", "entropy.enabled",
            "entropy.min-length", "entropy.base64-threshold", "entropy.hex-threshold", "entropy.severity", "max-findings");

    /**
     * A detector: rule, pattern, how many leading characters may be shown, and literals of which every
     * match contains one (the pattern runs only on a segment that holds one of them).
     */
    private record Rule(String id, Pattern pattern, int keep, String what, List<String> needles) {
    }

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----");
    private static final Pattern PEM_END = Pattern.compile("-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----");
    private static final List<Rule> RULES = List.of(
            new Rule("secrets.aws-access-key-id", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"), 4,
                    "AWS access key id", List.of("AKIA", "ASIA")),
            new Rule("secrets.github-token", Pattern.compile("(?<![A-Za-z0-9_])gh[opsur]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])"), 4,
                    "GitHub token", List.of("gho_", "ghp_", "ghs_", "ghu_", "ghr_")),
            new Rule("secrets.github-token", Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}"), 11,
                    "GitHub fine-grained token", List.of("github_pat_")),
            new Rule("secrets.slack-token", Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,250}"), 5,
                    "Slack token", List.of("xox")),
            new Rule("secrets.google-api-key", Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"), 4,
                    "Google API key", List.of("AIza")));
    /** Every PEM match starts with this. */
    private static final String PEM_PREFIX = "-----BEGIN ";

    /** Creates the validator; it has no state. */
    public SecretsValidator() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** One validation run's settings and findings. */
    private record Run(Allowlist allow, boolean entropy, long minLength, double base64Threshold, double hexThreshold,
            Severity entropySeverity, FindingList out) {
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        Run run = new Run(Allowlist.from(s), s.bool("entropy.enabled", true), s.longValue("entropy.min-length", 20, 8, 1024),
                s.doubleValue("entropy.base64-threshold", 4.5, 0, 6), s.doubleValue("entropy.hex-threshold", 3.0, 0, 4),
                s.severity("entropy.severity", Severity.WARNING),
                new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000)));
        for (PackageEntry e : pkg.entries()) {
            if (e.type() == PackageEntry.Type.FILE && !run.allow().pathAllowed(e.path())) {
                scan(pkg, e, run);
            }
        }
        List<String> reasons = run.out().any("secrets.") ? List.of("secrets_found") : List.of();
        return new ValidatorOutcome(run.out().sorted(), reasons);
    }

    /** A PEM private-key block whose BEGIN line was seen and whose first body line is awaited. */
    private static final class PemState {
        boolean inside;
        String kind;
        long line;
        long offset;
        String begin;

        void report(String path, String body, Run run) {
            if (kind != null) {
                // the fingerprint covers the first body line, so that it differs from key to key
                SecretsValidator.report(path, "secrets.private-key", kind + " block", begin + "\n" + body, 0, line, offset,
                        Severity.ERROR, run);
                kind = null;
            }
        }
    }

    private static void scan(PackageView pkg, PackageEntry e, Run run) {
        PemState pem = new PemState();
        try (InputStream in = pkg.open(e)) {
            TextScanner.scan(in, (text, line, offset) -> {
                if (pem.inside) {
                    if (PEM_END.matcher(text).find()) {
                        pem.inside = false;
                        pem.report(e.path(), "", run);
                    } else if (!text.isBlank() && text.indexOf(':') < 0) {
                        pem.report(e.path(), text.strip(), run);
                    }
                    return;
                }
                segment(e.path(), text, line, offset, pem, run);
            });
            pem.report(e.path(), "", run);
        } catch (IOException ex) {
            run.out().add(Severity.ERROR, "secrets.unreadable", "cannot read the file: " + ex.getMessage(), e.path(), 0, -1);
        }
    }

    /** Scans one segment; opens {@code pem} when a private key block starts and does not end in it. */
    private static void segment(String path, String text, long line, long offset, PemState pemState, Run run) {
        boolean pemCandidate = text.contains(PEM_PREFIX);
        boolean ruleCandidate = false;
        for (Rule r : RULES) {
            ruleCandidate |= CharScan.containsAny(text, r.needles());
        }
        boolean entropyCandidate = run.entropy() && CharScan.hasBase64Run(text);
        if (!pemCandidate && !ruleCandidate && !entropyCandidate) {
            return; // no detector can match this segment
        }
        BitSet claimed = new BitSet(text.length());
        Matcher pem = PEM.matcher(text);
        if (pemCandidate && pem.find()) {
            int end = text.length();
            Matcher close = PEM_END.matcher(text);
            boolean open = !close.find(pem.end());
            if (!open) {
                end = close.end();
                report(path, "secrets.private-key", pem.group(1) + " block", text.substring(pem.start(), end), 0, line,
                        offset + pem.start(), Severity.ERROR, run);
            } else {
                pemState.inside = true;
                pemState.kind = pem.group(1);
                pemState.line = line;
                pemState.offset = offset + pem.start();
                pemState.begin = pem.group();
            }
            claimed.set(pem.start(), end);
        }
        for (Rule r : RULES) {
            if (!ruleCandidate || !CharScan.containsAny(text, r.needles())) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (!claimed.get(m.start())) {
                    report(path, r.id(), r.what(), m.group(), r.keep(), line, offset + m.start(), Severity.ERROR, run);
                    claimed.set(m.start(), m.end());
                }
            }
        }
        if (entropyCandidate) {
            entropy(path, text, line, offset, claimed, run);
        }
    }

    private static void entropy(String path, String text, long line, long offset, BitSet claimed, Run run) {
        List<int[]> hexRuns = new ArrayList<>();
        CharScan.hexRuns(text, (start, end) -> {
            if (end - start >= run.minLength() && unclaimed(claimed, start, end)) {
                String token = text.substring(start, end);
                if (Entropy.bitsPerChar(token) >= run.hexThreshold()) {
                    report(path, "secrets.high-entropy", "high-entropy hex string", token, 0, line, offset + start,
                            run.entropySeverity(), run);
                    hexRuns.add(new int[] {start, end});
                }
            }
        });
        hexRuns.forEach(r -> claimed.set(r[0], r[1]));
        CharScan.base64Runs(text, (start, end) -> {
            if (end - start >= run.minLength() && unclaimed(claimed, start, end)) {
                String token = text.substring(start, end);
                if (mixed(token) && Entropy.bitsPerChar(token) >= run.base64Threshold()) {
                    report(path, "secrets.high-entropy", "high-entropy base64 string", token, 0, line, offset + start,
                            run.entropySeverity(), run);
                }
            }
        });
    }

    /** Returns whether no index in {@code [start, end)} is set. */
    private static boolean unclaimed(BitSet claimed, int start, int end) {
        int next = claimed.nextSetBit(start);
        return next < 0 || next >= end;
    }

    /** A credential-like token mixes letters and digits; identifiers and words alone do not count. */
    private static boolean mixed(String token) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            digit |= c >= '0' && c <= '9';
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return digit && upper && lower;
    }

    private static void report(String path, String rule, String what, String value, int keep, long line, long offset,
            Severity severity, Run run) {
        String fingerprint = Redaction.fingerprint(value);
        if (run.allow().valueAllowed(fingerprint)) {
            return;
        }
        run.out().add(severity, rule, what + " " + Redaction.masked(value, keep) + " " + fingerprint
                + "; remove it, rotate it, and load it at run time (allowlist " + fingerprint + " if it is a test value)",
                path, line, offset);
    }
}
