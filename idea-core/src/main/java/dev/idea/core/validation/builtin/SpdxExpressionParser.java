package dev.idea.core.validation.builtin;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for SPDX license expressions as SPDX 2.3 annex D defines them.
 *
 * <p>Grammar, from loosest to tightest binding:
 * <pre>
 * or-expr   = and-expr *( "OR" and-expr )
 * and-expr  = with-expr *( "AND" with-expr )
 * with-expr = simple [ "WITH" exception-id ] / "(" or-expr ")"
 * simple    = license-id [ "+" ] / [ "DocumentRef-" idstring ":" ] "LicenseRef-" idstring
 * idstring  = 1*( ALPHA / DIGIT / "-" / "." )
 * </pre>
 * So {@code WITH} binds tighter than {@code AND}, which binds tighter than {@code OR}; operators of
 * equal precedence group from the left. Operators must be upper case (annex D.2 matches them
 * case-sensitively); identifiers are kept as written and compared case-insensitively by the policy.
 * {@code +} must follow a license id without space and is refused after a {@code LicenseRef}.
 * Stateless and thread-safe.
 *
 * <p>Input is bounded: at most {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} nested
 * parentheses, so the recursion depth is bounded whatever the input. Every refusal is a
 * {@link FormatException} with {@link ErrorCode#LICENSE_EXPRESSION_INVALID} naming the position.
 */
final class SpdxExpressionParser {
    /** Longest accepted expression. */
    static final int MAX_LENGTH = 4096;
    /** Deepest accepted nesting of parentheses. */
    static final int MAX_DEPTH = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
    private static final Pattern EXCEPTION = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+");

    private record Token(String text, int position) {
    }

    private final String input;
    private final List<Token> tokens;
    private int next;

    private SpdxExpressionParser(String input, List<Token> tokens) {
        this.input = input;
        this.tokens = tokens;
    }

    /**
     * Parses an expression.
     *
     * @param text the expression, e.g. {@code (MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0}
     * @return the expression tree
     * @throws FormatException with {@link ErrorCode#LICENSE_EXPRESSION_INVALID} when the text is not an expression
     */
    static SpdxExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormatException(ErrorCode.LICENSE_EXPRESSION_INVALID,
                    "license expression is empty; write an SPDX identifier such as MIT or Apache-2.0");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FormatException(ErrorCode.LICENSE_EXPRESSION_INVALID, "license expression is " + text.length()
                    + " characters long; the limit is " + MAX_LENGTH + "; use a LicenseRef for long license sets");
        }
        SpdxExpressionParser p = new SpdxExpressionParser(text, tokenize(text));
        SpdxExpression e = p.orExpression(0);
        if (p.next < p.tokens.size()) {
            Token t = p.tokens.get(p.next);
            boolean lower = t.text().equals("and") || t.text().equals("or") || t.text().equals("with");
            throw p.error(t, "expected AND, OR or end of expression"
                    + (lower ? "; operators are upper case: " + t.text().toUpperCase(java.util.Locale.ROOT) : ""));
        }
        return e;
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(String.valueOf(c), i));
                i++;
            } else {
                int start = i;
                while (i < text.length() && " \t\n\r()".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(text.substring(start, i), start));
            }
        }
        return out;
    }

    private SpdxExpression orExpression(int depth) {
        SpdxExpression left = andExpression(depth);
        while (peek("OR")) {
            next++;
            left = new SpdxExpression.Or(left, andExpression(depth));
        }
        return left;
    }

    private SpdxExpression andExpression(int depth) {
        SpdxExpression left = withExpression(depth);
        while (peek("AND")) {
            next++;
            left = new SpdxExpression.And(left, withExpression(depth));
        }
        return left;
    }

    private SpdxExpression withExpression(int depth) {
        Token t = take("a license identifier or (");
        if (t.text().equals("(")) {
            if (depth >= MAX_DEPTH) {
                throw error(t, "parentheses nest deeper than " + MAX_DEPTH);
            }
            SpdxExpression inner = orExpression(depth + 1);
            Token close = take(")");
            if (!close.text().equals(")")) {
                throw error(close, "expected )");
            }
            return inner;
        }
        SpdxExpression.License license = simple(t);
        if (peek("WITH")) {
            next++;
            Token exception = take("an exception identifier after WITH");
            if (!EXCEPTION.matcher(exception.text()).matches() || isOperator(exception.text())) {
                throw error(exception, "expected an exception identifier after WITH");
            }
            return new SpdxExpression.With(license, exception.text());
        }
        return license;
    }

    private SpdxExpression.License simple(Token t) {
        String text = t.text();
        if (isOperator(text) || text.equals(")")) {
            throw error(t, "expected a license identifier");
        }
        boolean plus = text.endsWith("+");
        String id = plus ? text.substring(0, text.length() - 1) : text;
        if (REF.matcher(id).matches()) {
            if (plus) {
                throw error(t, "+ may follow a license id but not a LicenseRef");
            }
            return new SpdxExpression.License(id, false);
        }
        if (!ID.matcher(id).matches() || id.contains(":")) {
            String hint = switch (text) {
                case "and", "or", "with" -> "; operators are upper case: " + text.toUpperCase(java.util.Locale.ROOT);
                default -> "; an identifier holds letters, digits, - and . only";
            };
            throw error(t, "\"" + Redaction.abbreviate(text) + "\" is not a license identifier" + hint);
        }
        return new SpdxExpression.License(id, plus);
    }

    private static boolean isOperator(String text) {
        return text.equals("AND") || text.equals("OR") || text.equals("WITH");
    }

    private boolean peek(String text) {
        return next < tokens.size() && tokens.get(next).text().equals(text);
    }

    private Token take(String expected) {
        if (next >= tokens.size()) {
            throw new FormatException(ErrorCode.LICENSE_EXPRESSION_INVALID, "license expression \"" + Redaction.abbreviate(input)
                    + "\" ends early: expected " + expected);
        }
        return tokens.get(next++);
    }

    private FormatException error(Token at, String problem) {
        return new FormatException(ErrorCode.LICENSE_EXPRESSION_INVALID, "license expression \"" + Redaction.abbreviate(input)
                + "\" at position " + at.position() + " (\"" + Redaction.abbreviate(at.text()) + "\"): " + problem);
    }
}
