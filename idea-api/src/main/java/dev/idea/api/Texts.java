package dev.idea.api;

/** Static helpers for building error messages and checking identifiers. */
final class Texts {
    /** Longest identifier (ids, names, targets) IDEA accepts. */
    static final int MAX_ID_LENGTH = 256;

    private Texts() {
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }

    /** Checks a non-blank single-line identifier-like field and returns it. */
    static String requireText(String value, String field) {
        if (value == null) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID, field + " is missing; set it to a non-empty value");
        }
        if (value.isBlank()) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID, field + " is blank; set it to a non-empty value");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new ValidationException(ErrorCode.MANIFEST_INVALID, field + " is " + value.length()
                    + " characters long; the limit is " + MAX_ID_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ValidationException(ErrorCode.MANIFEST_INVALID, field + " \"" + abbreviate(value)
                        + "\" contains a control character at index " + i + "; remove it");
            }
        }
        return value;
    }
}
