package dev.idea.core.validation.builtin;

import java.util.List;

/**
 * Cheap character scans that the text scanners run before (or instead of) a regular expression.
 *
 * <p>Each {@code has…} method is a <em>necessary condition</em> for a match of the pattern it names:
 * when it returns false the pattern cannot match the segment, so skipping the regular expression loses
 * no finding; when it returns true the pattern itself decides. The {@code …Runs} methods find exactly
 * the matches of the regular expressions they document ({@code CharScanTest} checks both against the
 * expressions on random text). Character classes are ASCII, like the expressions'. Stateless and
 * thread-safe.
 */
final class CharScan {
    /** Receives one match {@code [start, end)}. */
    interface RunSink {
        /**
         * Receives one match.
         *
         * @param start index of the first char
         * @param end index after the last char
         */
        void run(int start, int end);
    }

    /** Shortest hex or base64 run that the entropy rules look at. */
    static final int MIN_RUN = 16;

    private CharScan() {
    }

    /** Returns whether {@code text} contains any of {@code needles}. */
    static boolean containsAny(String text, List<String> needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Returns {@code s} with ASCII letters folded to lower case and every other char unchanged. */
    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean alnum(char c) {
        return digit(c) || upper(c) || c >= 'a' && c <= 'z';
    }

    static boolean hex(char c) {
        return digit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static boolean base64(char c) {
        return alnum(c) || c == '+' || c == '/' || c == '_' || c == '-';
    }

    /**
     * Necessary for {@code [0-9](?:[ -]?[0-9]){12,18}}: a chain of at least 13 digits in which
     * neighbouring digits are adjacent or separated by one space or dash.
     */
    static boolean hasCardChain(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (digit(c)) {
                if (++digits >= 13) {
                    return true;
                }
            } else if (!((c == ' ' || c == '-') && i > 0 && digit(text.charAt(i - 1)))) {
                digits = 0;
            }
        }
        return false;
    }

    /** Necessary for {@code [A-Z]{2}[0-9]{2}}: two capitals then two digits. */
    static boolean hasIbanStart(String text) {
        for (int i = 0; i + 3 < text.length(); i++) {
            if (digit(text.charAt(i + 2)) && digit(text.charAt(i + 3)) && upper(text.charAt(i)) && upper(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Necessary for {@code \+[1-9]}: a plus sign followed by a non-zero digit. */
    static boolean hasE164Start(String text) {
        for (int i = text.indexOf('+'); i >= 0 && i + 1 < text.length(); i = text.indexOf('+', i + 1)) {
            char c = text.charAt(i + 1);
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Necessary for {@code [0-9]{3}[-.][0-9]{4}}, the tail of a North American number. */
    static boolean hasNanpTail(String text) {
        for (int i = 3; i + 4 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '.') && digit(text.charAt(i - 1)) && digit(text.charAt(i - 2)) && digit(text.charAt(i - 3))
                    && digit(text.charAt(i + 1)) && digit(text.charAt(i + 2)) && digit(text.charAt(i + 3))
                    && digit(text.charAt(i + 4))) {
                return true;
            }
        }
        return false;
    }

    /** Necessary for a run of {@value #MIN_RUN} base64 chars, which both entropy rules need. */
    static boolean hasBase64Run(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (base64(text.charAt(i))) {
                if (++run >= MIN_RUN) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /**
     * Finds, left to right, the matches of
     * {@code (?<![0-9A-Za-z])[0-9a-fA-F]{16,}(?![0-9A-Za-z])}: whole hex runs of at least 16 chars
     * with no letter or digit on either side.
     */
    static void hexRuns(String text, RunSink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (hex(text.charAt(i)) && (i == 0 || !alnum(text.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && hex(text.charAt(j))) {
                    j++;
                }
                if (j - i >= MIN_RUN && (j == n || !alnum(text.charAt(j)))) {
                    sink.run(i, j);
                }
                i = j; // no position inside the run can start a match: a hex char precedes it
            } else {
                i++;
            }
        }
    }

    /**
     * Finds, left to right, the matches of {@code [A-Za-z0-9+/_-]{16,}={0,2}}: whole runs of at least
     * 16 base64 or base64url chars, with up to two {@code =} of padding.
     */
    static void base64Runs(String text, RunSink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (base64(text.charAt(i))) {
                int j = i + 1;
                while (j < n && base64(text.charAt(j))) {
                    j++;
                }
                if (j - i >= MIN_RUN) {
                    int end = j;
                    while (end < n && end - j < 2 && text.charAt(end) == '=') {
                        end++;
                    }
                    sink.run(i, end);
                    i = end;
                } else {
                    i = j;
                }
            } else {
                i++;
            }
        }
    }
}
