package dev.idea.core.validation.builtin;

import java.util.Objects;

/**
 * A parsed SPDX license expression (SPDX 2.3 annex D): a license, a license with an exception, or a
 * conjunction / disjunction of expressions. Immutable; {@link #toString()} gives the canonical text
 * with the parentheses that precedence requires.
 */
sealed interface SpdxExpression {

    /** Parses an expression; see {@link SpdxExpressionParser#parse}. */
    static SpdxExpression parse(String text) {
        return SpdxExpressionParser.parse(text);
    }

    /**
     * A license identifier, {@code LicenseRef-…} or {@code DocumentRef-…:LicenseRef-…}.
     *
     * @param id the identifier as written
     * @param orLater whether it was followed by {@code +} ("this version or any later one")
     */
    record License(String id, boolean orLater) implements SpdxExpression {
        public License {
            Objects.requireNonNull(id, "id");
        }

        /** Returns whether this is a user-defined {@code LicenseRef}. */
        public boolean isReference() {
            return id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-");
        }

        @Override
        public String toString() {
            return orLater ? id + "+" : id;
        }
    }

    /**
     * A license with an exception (or an {@code AdditionRef-…}).
     *
     * @param license the license
     * @param exception the exception identifier
     */
    record With(License license, String exception) implements SpdxExpression {
        public With {
            Objects.requireNonNull(license, "license");
            Objects.requireNonNull(exception, "exception");
        }

        @Override
        public String toString() {
            return license + " WITH " + exception;
        }
    }

    /**
     * Both licenses apply.
     *
     * @param left the first operand
     * @param right the second operand
     */
    record And(SpdxExpression left, SpdxExpression right) implements SpdxExpression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return wrapOr(left) + " AND " + wrapOr(right);
        }

        private static String wrapOr(SpdxExpression e) {
            return e instanceof Or ? "(" + e + ")" : e.toString();
        }
    }

    /**
     * The licensee may choose either license.
     *
     * @param left the first operand
     * @param right the second operand
     */
    record Or(SpdxExpression left, SpdxExpression right) implements SpdxExpression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return left + " OR " + right;
        }
    }
}
