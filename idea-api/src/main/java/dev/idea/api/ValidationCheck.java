package dev.idea.api;

/**
 * The outcome of one validation check.
 *
 * @param name the check, e.g. {@code size}, {@code sha256}, {@code archive}
 * @param passed whether it passed
 * @param detail what was found, e.g. {@code 12 entries, tar+gzip}
 * @since 0.1
 */
public record ValidationCheck(String name, boolean passed, String detail) {

    /** Validates presence. */
    public ValidationCheck {
        Texts.requireText(name, "check name");
        java.util.Objects.requireNonNull(detail, "detail");
    }
}
