package dev.idea.core.internal.jose;

/**
 * Renders values taken from an untrusted token for error messages: strings quoted, control
 * characters replaced by {@code ?} (no log injection), at most 200 characters.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClaimText {
    private static final int MAX_LENGTH = 200;

    private ClaimText() {
    }

    /**
     * Renders a value from a token.
     *
     * @param value a header or claim value, or null
     * @return {@code missing} for null, else the printable, bounded rendering
     */
    public static String printable(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        }
        return text.length() > MAX_LENGTH ? out.append('…').toString() : out.toString();
    }
}
