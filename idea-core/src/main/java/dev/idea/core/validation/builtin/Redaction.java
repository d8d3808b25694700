package dev.idea.core.validation.builtin;

import dev.idea.api.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * How findings refer to sensitive values without showing them: a short fingerprint, and for
 * messages about ordinary text an abbreviation with control characters escaped.
 */
final class Redaction {
    /** Hex digits of SHA-256 kept in a fingerprint (48 bits). */
    static final int FINGERPRINT_HEX_DIGITS = 12;
    private static final int ABBREVIATE = 80;

    private Redaction() {
    }

    /**
     * Returns {@code fp:} and the first 12 hex digits of SHA-256 over the value's ISO-8859-1 bytes
     * (the raw bytes as found in the file, since scanners read files as ISO-8859-1).
     */
    static String fingerprint(String value) {
        var md = HashAlgorithm.SHA_256.newMessageDigest();
        byte[] hash = md.digest(value.getBytes(StandardCharsets.ISO_8859_1));
        return "fp:" + HexFormat.of().formatHex(hash).substring(0, FINGERPRINT_HEX_DIGITS);
    }

    /**
     * Keeps the first and last characters that are safe to show: {@code AKIA…(20 chars)}.
     *
     * @param value the sensitive value
     * @param keep leading characters to keep (a well-known prefix such as {@code ghp_})
     */
    static String masked(String value, int keep) {
        int shown = Math.min(keep, value.length() / 4);
        return printable(value.substring(0, shown)) + "…(" + value.length() + " chars)";
    }

    /** Abbreviates untrusted text for a message: at most 80 characters, control characters escaped. */
    static String abbreviate(String text) {
        String cut = text.length() > ABBREVIATE ? text.substring(0, ABBREVIATE) + "…" : text;
        return printable(cut);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
