package dev.idea.core.validation.builtin;

import dev.idea.api.HashAlgorithm;
import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code checksum} validator: the package's SHA-256 / SHA-512 and listed entries' SHA-256 /
 * SHA-512 equal the expected values, given in the settings or in checksum files inside the package.
 * The package's SHA-512 is asked for ({@link #packageDigests}) only when {@code package.sha512} is set,
 * so that the pipeline's read pass computes it then and only then.
 *
 * <p>Checksum files ({@code SHA256SUMS}, {@code SHA512SUMS}, {@code *.sha256}, {@code *.sha512} by
 * default) are read line by line in GNU coreutils form ({@code <hex>  <path>} or {@code <hex> *<path>})
 * or BSD form ({@code SHA256 (<path>) = <hex>}); the algorithm follows from the digest length. Paths
 * are relative to the checksum file's directory. A sidecar file {@code x.sha256} holding only a
 * digest refers to {@code x}. Each listed file is hashed once, streaming, with every algorithm it
 * needs. Stateless and thread-safe; deterministic.
 */
public final class ChecksumValidator implements PackageValidator {
    static final String ID = "checksum";
    private static final Set<String> KEYS = Set.of("package.sha256", "package.sha512", "expected", "sums-files", "require-sums",
            "max-listed", "max-findings");
    private static final List<String> DEFAULT_SUMS = List.of("SHA256SUMS", "SHA512SUMS", "SHA256SUMS.txt", "SHA512SUMS.txt",
            "*.sha256", "*.sha512");
    private static final Pattern GNU = Pattern.compile("\\\\?([0-9a-fA-F]{64}|[0-9a-fA-F]{128})(?: [ *](.+))?");
    private static final Pattern BSD = Pattern.compile("(SHA256|SHA512) \\((.+)\\) = ([0-9a-fA-F]+)");

    /** Creates the validator; it has no state. */
    public ChecksumValidator() {
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
    public Set<HashAlgorithm> packageDigests(ValidatorSettings settings) {
        return settings.values().containsKey("package.sha512") ? Set.of(HashAlgorithm.SHA_512) : Set.of();
    }

    /** One expected digest of one entry, and where it was stated. */
    private record Expectation(HashAlgorithm algorithm, String hex, String source, long line) {
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        FindingList out = new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000));
        long maxListed = s.longValue("max-listed", 100_000, 1, 10_000_000);
        checkPackageDigest(pkg, s, out);

        Map<String, List<Expectation>> expected = new TreeMap<>();
        for (String item : s.list("expected", List.of())) {
            int eq = item.lastIndexOf('=');
            HashAlgorithm algorithm = eq < 0 ? null : algorithmOfPrefixed(item.substring(eq + 1));
            if (algorithm == null) {
                throw s.invalid("expected", item, "items path=sha256:<64 hex> or path=sha512:<128 hex>");
            }
            String hex = item.substring(item.indexOf(':', eq) + 1).toLowerCase(Locale.ROOT);
            expected.computeIfAbsent(item.substring(0, eq).trim(), k -> new ArrayList<>())
                    .add(new Expectation(algorithm, hex, "settings", 0));
        }
        List<Glob> sumsGlobs = s.list("sums-files", DEFAULT_SUMS).stream().map(Glob::compile).toList();
        int sumsFiles = 0;
        for (PackageEntry e : pkg.entries()) {
            if (e.type() == PackageEntry.Type.FILE && sumsGlobs.stream().anyMatch(g -> g.matches(e.path()))) {
                sumsFiles++;
                readSums(pkg, e, expected, maxListed, out);
            }
        }
        if (sumsFiles == 0 && s.bool("require-sums", false)) {
            out.add(Severity.ERROR, "checksum.sums-missing", "the package holds no checksum file (" + sumsGlobs
                    + "); add a SHA256SUMS file listing its files", "", 0, -1);
        }
        verifyEntries(pkg, expected, out);
        return new ValidatorOutcome(out.sorted(), List.of());
    }

    private static void checkPackageDigest(PackageView pkg, Settings s, FindingList out) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            String key = "package." + algorithm.prefix();
            if (!s.has(key)) {
                continue;
            }
            String value = s.string(key, "").toLowerCase(Locale.ROOT);
            String hex = value.startsWith(algorithm.prefix() + ":") ? value.substring(algorithm.prefix().length() + 1) : value;
            if (!hex.matches("[0-9a-f]{" + algorithm.length() * 2 + "}")) {
                throw s.invalid(key, value, algorithm.length() * 2 + " hex digits, optionally prefixed by " + algorithm.prefix() + ":");
            }
            String actual = pkg.packageDigest(algorithm).hex();
            if (!MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII))) {
                out.add(Severity.ERROR, "checksum.package-mismatch", "package " + name(algorithm) + " is " + actual + " but " + hex
                        + " was expected; re-upload the package or correct the expected checksum", "", 0, -1);
            } else {
                out.add(Severity.INFO, "checksum.package-verified", "package " + name(algorithm) + " matches " + key, "", 0, -1);
            }
        }
    }

    private static String name(HashAlgorithm algorithm) {
        return algorithm == HashAlgorithm.SHA_256 ? "SHA-256" : "SHA-512";
    }

    private static HashAlgorithm algorithmOfPrefixed(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("sha256:[0-9a-f]{64}")) {
            return HashAlgorithm.SHA_256;
        }
        if (v.matches("sha512:[0-9a-f]{128}")) {
            return HashAlgorithm.SHA_512;
        }
        return null;
    }

    private static void readSums(PackageView pkg, PackageEntry sums, Map<String, List<Expectation>> expected, long maxListed,
            FindingList out) {
        String dir = EntryFiles.directory(sums.path());
        String name = EntryFiles.name(sums.path());
        String sidecarTarget = name.contains(".") ? dir + name.substring(0, name.lastIndexOf('.')) : null;
        long[] listed = {0};
        try (InputStream in = pkg.open(sums)) {
            TextScanner.scan(in, (text, line, offset) -> {
                String t = text.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    return;
                }
                if (++listed[0] > maxListed) {
                    if (listed[0] == maxListed + 1) {
                        out.add(Severity.ERROR, "checksum.too-many-lines", "more than " + maxListed
                                + " checksum lines; the rest is not verified (raise max-listed)", sums.path(), line, offset);
                    }
                    return;
                }
                String[] parsed = parseLine(t);
                String target = parsed == null ? null : parsed[1] == null ? sidecarTarget : resolve(dir, parsed[1]);
                if (parsed == null || target == null) {
                    out.add(Severity.WARNING, "checksum.malformed-line", "line is neither <hex>  <path> nor SHA256 (<path>) = <hex>: \""
                            + Redaction.abbreviate(t) + "\"", sums.path(), line, offset);
                    return;
                }
                HashAlgorithm algorithm = parsed[0].length() == 64 ? HashAlgorithm.SHA_256 : HashAlgorithm.SHA_512;
                expected.computeIfAbsent(target, k -> new ArrayList<>())
                        .add(new Expectation(algorithm, parsed[0].toLowerCase(Locale.ROOT), sums.path(), line));
            });
        } catch (IOException e) {
            out.add(Severity.ERROR, "checksum.unreadable", "cannot read the checksum file: " + e.getMessage(), sums.path(), 0, -1);
        }
    }

    /** Returns {hex, path-or-null}, or null when the line has neither form. */
    private static String[] parseLine(String line) {
        Matcher gnu = GNU.matcher(line);
        if (gnu.matches()) {
            return new String[] {gnu.group(1), gnu.group(2)};
        }
        Matcher bsd = BSD.matcher(line);
        if (bsd.matches()) {
            int expectedLength = bsd.group(1).equals("SHA256") ? 64 : 128;
            return bsd.group(3).length() == expectedLength ? new String[] {bsd.group(3), bsd.group(2)} : null;
        }
        return null;
    }

    /** Resolves a listed path against the checksum file's directory; null when it leaves the package. */
    private static String resolve(String dir, String listed) {
        String p = listed.startsWith("./") ? listed.substring(2) : listed;
        if (p.startsWith("/") || p.contains("\\") || p.equals("..") || p.startsWith("../") || p.contains("/../")
                || p.endsWith("/..")) {
            return null;
        }
        return dir + p;
    }

    private static void verifyEntries(PackageView pkg, Map<String, List<Expectation>> expected, FindingList out) {
        Map<String, PackageEntry> files = new TreeMap<>();
        for (PackageEntry e : pkg.entries()) {
            if (e.type() == PackageEntry.Type.FILE) {
                files.put(e.path(), e);
            }
        }
        for (Map.Entry<String, List<Expectation>> item : expected.entrySet()) {
            PackageEntry entry = files.get(item.getKey());
            if (entry == null) {
                for (Expectation x : item.getValue()) {
                    out.add(Severity.ERROR, "checksum.missing-file", item.getKey() + " is listed with a checksum but is not in the package",
                            x.source().equals("settings") ? "" : x.source(), x.line(), -1);
                }
                continue;
            }
            Map<HashAlgorithm, String> actual;
            try {
                actual = hash(pkg, entry, item.getValue());
            } catch (IOException e) {
                out.add(Severity.ERROR, "checksum.unreadable", "cannot read the file: " + e.getMessage(), entry.path(), 0, -1);
                continue;
            }
            for (Expectation x : item.getValue()) {
                String got = actual.get(x.algorithm());
                String where = x.source().equals("settings") ? "the settings" : x.source() + " line " + x.line();
                if (!MessageDigest.isEqual(got.getBytes(StandardCharsets.US_ASCII),
                        x.hex().getBytes(StandardCharsets.US_ASCII))) {
                    out.add(Severity.ERROR, "checksum.mismatch", x.algorithm().prefix() + " of " + entry.path() + " is "
                            + got.substring(0, 16) + "… but " + where + " expects " + x.hex().substring(0, Math.min(16, x.hex().length()))
                            + "…; the file was changed or the list is stale", entry.path(), 0, -1);
                } else {
                    out.add(Severity.INFO, "checksum.verified", x.algorithm().prefix() + " matches " + where, entry.path(), 0, -1);
                }
            }
        }
    }

    private static Map<HashAlgorithm, String> hash(PackageView pkg, PackageEntry entry, List<Expectation> wanted)
            throws IOException {
        Map<HashAlgorithm, MessageDigest> digests = new TreeMap<>();
        for (Expectation x : wanted) {
            digests.computeIfAbsent(x.algorithm(), HashAlgorithm::newMessageDigest);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = pkg.open(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (MessageDigest md : digests.values()) {
                    md.update(buffer, 0, n);
                }
            }
        }
        Map<HashAlgorithm, String> hex = new TreeMap<>();
        digests.forEach((a, md) -> hex.put(a, HexFormat.of().formatHex(md.digest())));
        return hex;
    }
}
