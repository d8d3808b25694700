package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the scanners' fast paths against the regular expressions and the per-byte line cutter they
 * replace, on seeded random text: the fast paths must neither lose nor add a match.
 */
class CharScanTest {
    // the expressions the secrets and pii validators used (and still use behind the prefilters)
    private static final Pattern HEX_RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{16,}(?![0-9A-Za-z])");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern CARD = Pattern.compile("(?<![0-9-])[0-9](?:[ -]?[0-9]){12,18}(?![0-9-])");
    private static final Pattern IBAN_START = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}");
    private static final Pattern E164 = Pattern.compile(
            "(?<![A-Za-z0-9+])\\+[1-9](?:[ .-]?(?:\\([0-9]{1,4}\\)|[0-9])){7,18}(?![0-9])");
    private static final Pattern NANP = Pattern.compile(
            "(?<![0-9+-])(?:\\([2-9][0-9]{2}\\) ?|[2-9][0-9]{2}[-.])[2-9][0-9]{2}[-.][0-9]{4}(?![0-9-])");
    private static final String ALPHABET = "0123456789abcdefgxzABCDEFXYZ +-./_=@()\t\u00e9\u00c9";
    private static final int ROUNDS = 10_000;

    private static String random(SplittableRandom random, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        // long same-class stretches make runs of every length likely
        String pool = random.nextBoolean() ? alphabet : alphabet.substring(0, Math.min(alphabet.length(), 1 + random.nextInt(20)));
        for (int i = 0; i < length; i++) {
            b.append(pool.charAt(random.nextInt(pool.length())));
        }
        return b.toString();
    }

    private static List<String> regexRuns(Pattern p, String text) {
        List<String> runs = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            runs.add(m.start() + "-" + m.end());
        }
        return runs;
    }

    private static List<String> scanRuns(String text, boolean hex) {
        List<String> runs = new ArrayList<>();
        CharScan.RunSink sink = (start, end) -> runs.add(start + "-" + end);
        if (hex) {
            CharScan.hexRuns(text, sink);
        } else {
            CharScan.base64Runs(text, sink);
        }
        return runs;
    }

    @Test
    void runs_randomText_equalTheRegularExpressionMatches() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ROUNDS; i++) {
            String text = random(random, ALPHABET, 80);
            assertThat(scanRuns(text, true)).as(text).isEqualTo(regexRuns(HEX_RUN, text));
            assertThat(scanRuns(text, false)).as(text).isEqualTo(regexRuns(BASE64_RUN, text));
        }
    }

    @Test
    void prefilters_randomText_neverRejectAMatch() {
        SplittableRandom random = new SplittableRandom(2);
        int[] matched = new int[5];
        for (int i = 0; i < ROUNDS * 2; i++) {
            String text = random(random, "0123456789 -.+()AZ", 60);
            if (CARD.matcher(text).find()) {
                matched[0]++;
                assertThat(CharScan.hasCardChain(text)).as(text).isTrue();
            }
            if (IBAN_START.matcher(text).find()) {
                matched[1]++;
                assertThat(CharScan.hasIbanStart(text)).as(text).isTrue();
            }
            if (E164.matcher(text).find()) {
                matched[2]++;
                assertThat(CharScan.hasE164Start(text)).as(text).isTrue();
            }
            if (NANP.matcher(text).find()) {
                matched[3]++;
                assertThat(CharScan.hasNanpTail(text)).as(text).isTrue();
            }
            if (BASE64_RUN.matcher(text).find()) {
                matched[4]++;
                assertThat(CharScan.hasBase64Run(text)).as(text).isTrue();
            }
        }
        assertThat(matched).as("every pattern matched some of the random texts").doesNotContain(0);
    }

    @Test
    void asciiLower_randomKeywords_agreesWithCaseInsensitivePatterns() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < ROUNDS; i++) {
            String text = random(random, "aAbBeE\u00e9\u00c9", 12);
            String keyword = random(random, "aAbBeE\u00e9\u00c9", 3);
            boolean regex = Pattern.compile(Pattern.quote(keyword), Pattern.CASE_INSENSITIVE).matcher(text).find();
            assertThat(CharScan.asciiLower(text).contains(CharScan.asciiLower(keyword))).as(text + " / " + keyword)
                    .isEqualTo(regex);
        }
    }

    @Test
    void textScanner_randomStreams_cutLikeTheBytewiseCutter() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(3 * TextScanner.MAX_SEGMENT)];
            int newlineEvery = 1 + random.nextInt(random.nextBoolean() ? 40 : 40_000);
            for (int j = 0; j < bytes.length; j++) {
                int r = random.nextInt(newlineEvery + 3);
                bytes[j] = r == 0 ? (byte) '\n' : r == 1 ? (byte) '\r' : r == 2 ? (byte) random.nextInt(256)
                        : (byte) ('a' + random.nextInt(26));
            }
            if (random.nextInt(4) == 0 && bytes.length > 0) {
                bytes[random.nextInt(Math.min(bytes.length, TextScanner.SNIFF_BYTES))] = 0;
            }
            long maxLines = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(50);
            List<String> actual = new ArrayList<>();
            boolean binary = TextScanner.scan(new ChoppyStream(bytes, random.split()),
                    (text, line, offset) -> actual.add(line + ":" + offset + ":" + text), maxLines);
            List<String> expected = new ArrayList<>();
            boolean expectedBinary = Reference.scan(bytes, (text, line, offset) -> expected.add(line + ":" + offset + ":" + text),
                    maxLines);
            assertThat(binary).isEqualTo(expectedBinary);
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** Returns short, random-sized reads, so segments straddle the scanner's buffer refills. */
    private static final class ChoppyStream extends InputStream {
        private final ByteArrayInputStream in;
        private final SplittableRandom random;

        ChoppyStream(byte[] bytes, SplittableRandom random) {
            this.in = new ByteArrayInputStream(bytes);
            this.random = random;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 7 : 70_000)));
        }
    }

    /** The byte-at-a-time cutter that TextScanner replaced, kept as the reference for its behaviour. */
    private static final class Reference {
        static boolean scan(byte[] bytes, TextScanner.Handler handler, long maxLines) {
            boolean binary = false;
            for (int i = 0; i < Math.min(bytes.length, TextScanner.SNIFF_BYTES); i++) {
                binary |= bytes[i] == 0;
            }
            StringBuilder current = new StringBuilder();
            long start = -1;
            long line = 1;
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                if (binary) {
                    if (b >= 0x20 && b < 0x7f || b == '\t') {
                        if (current.length() == 0) {
                            start = i;
                        }
                        current.append((char) b);
                        if (current.length() >= TextScanner.MAX_SEGMENT) {
                            handler.segment(current.toString(), 0, start);
                            current.setLength(0);
                        }
                    } else {
                        if (current.length() >= TextScanner.MIN_RUN) {
                            handler.segment(current.toString(), 0, start);
                        }
                        current.setLength(0);
                    }
                    continue;
                }
                if (line > maxLines) {
                    break;
                }
                if (b == '\n') {
                    if (current.length() > 0 && current.charAt(current.length() - 1) == '\r') {
                        current.setLength(current.length() - 1);
                    }
                    handler.segment(current.toString(), line, current.length() > 0 ? start : i);
                    current.setLength(0);
                    line++;
                    continue;
                }
                if (current.length() == 0) {
                    start = i;
                }
                current.append((char) b);
                if (current.length() >= TextScanner.MAX_SEGMENT) {
                    handler.segment(current.toString(), line, start);
                    current.setLength(0);
                }
            }
            if (binary ? current.length() >= TextScanner.MIN_RUN : current.length() > 0 && line <= maxLines) {
                handler.segment(current.toString(), binary ? 0 : line, start);
            }
            return binary;
        }
    }
}
