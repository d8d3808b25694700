package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pii} validator: e-mail addresses, phone numbers, payment-card numbers and IBANs.
 *
 * <p>Rules, each chosen to keep false positives low at the cost of missing some real data:
 * <ul>
 *   <li>{@code pii.card}: 13 to 19 digits, optionally separated by single spaces or dashes, with a
 *       known IIN prefix and length ({@link PaymentCards}) and a valid Luhn digit;</li>
 *   <li>{@code pii.iban}: two letters, two check digits and the country's length of letters and digits
 *       (single spaces allowed, as in the printed form), passing the ISO 13616 mod-97 check;</li>
 *   <li>{@code pii.phone}: E.164 ({@code +} then 8 to 15 digits, with spaces, dots, dashes or one
 *       parenthesised group) or the North American form {@code (212) 555-0123} / {@code 212-555-0123}
 *       with separators; bare digit runs are not flagged because ids, timestamps and version numbers
 *       look the same;</li>
 *   <li>{@code pii.email}: {@code local@domain.tld}, except the RFC 2606 example domains and those in
 *       {@code email.allow-domains}.</li>
 * </ul>
 * Text files are scanned by line, binary files by printable runs. Findings show a masked value and a
 * fingerprint, never the value. Stateless and thread-safe; deterministic.
 */
public final class PiiValidator implements PackageValidator {
    static final String ID = "pii";
    private static final List<String> ALL_RULES = List.of("card", "iban", "phone", "email");
    private static final Set<String> KEYS = Set.of("rules", "allow.paths", "allow.fingerprints", "email.allow-domains",
            "email.severity", "phone.severity", "card.severity", "iban.severity", "max-findings");
    private static final Pattern CARD = Pattern.compile("(?<![0-9-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9-])");
    private static final Pattern IBAN_START = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}");
    private static final Pattern E164 = Pattern.compile("(?<![A-Za-z0-9+])\\+[1-9](?:[ .-]?(?:\\([0-9]{1,4}\\)|[0-9])){7,18}(?![0-9])");
    private static final Pattern NANP = Pattern.compile("(?<![0-9+-])(?:\\([2-9][0-9]{2}\\) ?|[2-9][0-9]{2}[-.])[2-9][0-9]{2}[-.][0-9]{4}(?![0-9-])");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@((?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24})(?![A-Za-z0-9-])");

    /** Creates the validator; it has no state. */
    public PiiValidator() {
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
    private record Run(List<String> rules, Allowlist allow, List<String> emailDomains, Severity email, Severity phone,
            Severity card, Severity iban, FindingList out) {
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        List<String> rules = s.list("rules", ALL_RULES);
        if (!ALL_RULES.containsAll(rules)) {
            throw s.invalid("rules", String.join(",", rules), "a list of " + ALL_RULES);
        }
        Run run = new Run(rules, Allowlist.from(s),
                s.list("email.allow-domains", List.of("example.com", "example.org", "example.net")).stream()
                        .map(d -> d.toLowerCase(Locale.ROOT)).toList(),
                s.severity("email.severity", Severity.WARNING), s.severity("phone.severity", Severity.WARNING),
                s.severity("card.severity", Severity.ERROR), s.severity("iban.severity", Severity.ERROR),
                new FindingList(ID, (int) s.longValue("max-findings", FindingList.DEFAULT_MAX_FINDINGS, 1, 1_000_000)));
        for (PackageEntry e : pkg.entries()) {
            if (e.type() != PackageEntry.Type.FILE || run.allow().pathAllowed(e.path())) {
                continue;
            }
            try (InputStream in = pkg.open(e)) {
                TextScanner.scan(in, (text, line, offset) -> segment(e.path(), text, line, offset, run));
            } catch (IOException ex) {
                run.out().add(Severity.ERROR, "pii.unreadable", "cannot read the file: " + ex.getMessage(), e.path(), 0, -1);
            }
        }
        List<String> reasons = run.out().any("pii.") ? List.of("pii_found") : List.of();
        return new ValidatorOutcome(run.out().sorted(), reasons);
    }

    private static void segment(String path, String text, long line, long offset, Run run) {
        // cheap necessary conditions first: most lines hold nothing any rule could match
        boolean card = run.rules().contains("card") && CharScan.hasCardChain(text);
        boolean iban = run.rules().contains("iban") && CharScan.hasIbanStart(text);
        boolean e164 = run.rules().contains("phone") && CharScan.hasE164Start(text);
        boolean nanp = run.rules().contains("phone") && CharScan.hasNanpTail(text);
        boolean email = run.rules().contains("email") && text.indexOf('@') >= 0;
        if (!card && !iban && !e164 && !nanp && !email) {
            return;
        }
        BitSet claimed = new BitSet(text.length());
        if (card) {
            Matcher m = CARD.matcher(text);
            while (m.find()) {
                String digits = m.group().replace(" ", "").replace("-", "");
                if (PaymentCards.isCardNumber(digits)) {
                    report(path, "pii.card", "payment card number …" + digits.substring(digits.length() - 4), digits, line,
                            offset + m.start(), run.card(), run);
                    claimed.set(m.start(), m.end());
                }
            }
        }
        if (iban) {
            ibans(path, text, line, offset, claimed, run);
        }
        if (e164 || nanp) {
            for (Pattern p : e164 && nanp ? List.of(E164, NANP) : List.of(e164 ? E164 : NANP)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String digits = m.group().replaceAll("[^0-9]", "");
                    boolean plausible = p == NANP || digits.length() >= 8 && digits.length() <= 15;
                    if (plausible && claimed.get(m.start(), m.end()).isEmpty()) {
                        report(path, "pii.phone", "phone number " + Redaction.masked(m.group(), 3), digits, line,
                                offset + m.start(), run.phone(), run);
                        claimed.set(m.start(), m.end());
                    }
                }
            }
        }
        if (email) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                String domain = m.group(1).toLowerCase(Locale.ROOT);
                boolean allowed = run.emailDomains().stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
                if (!allowed && claimed.get(m.start(), m.end()).isEmpty()) {
                    report(path, "pii.email", "e-mail address " + Redaction.masked(m.group(), 1), m.group().toLowerCase(Locale.ROOT),
                            line, offset + m.start(), run.email(), run);
                }
            }
        }
    }

    private static void ibans(String path, String text, long line, long offset, BitSet claimed, Run run) {
        Matcher m = IBAN_START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start() + 1;
            int length = Iban.length(m.group().substring(0, 2));
            if (length == 0) {
                continue;
            }
            StringBuilder iban = new StringBuilder(m.group());
            int i = m.end();
            while (iban.length() < length && i < text.length()) {
                char c = text.charAt(i);
                if (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) != ' ') {
                    i++;
                    continue;
                }
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                    break;
                }
                iban.append(c);
                i++;
            }
            boolean boundary = i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
            if (iban.length() == length && boundary && Iban.valid(iban.toString())) {
                report(path, "pii.iban", "IBAN " + iban.substring(0, 2) + "…(" + length + " chars)", iban.toString(), line,
                        offset + m.start(), run.iban(), run);
                claimed.set(m.start(), i);
                from = i;
            }
        }
    }

    private static void report(String path, String rule, String what, String normalized, long line, long offset, Severity severity,
            Run run) {
        String fingerprint = Redaction.fingerprint(normalized);
        if (run.allow().valueAllowed(fingerprint)) {
            return;
        }
        run.out().add(severity, rule, what + " " + fingerprint + "; remove personal data from the package (allowlist "
                + fingerprint + " if it is synthetic test data)", path, line, offset);
    }
}
