package dev.idea.core.rules;

import dev.idea.api.ErrorCode;
import dev.idea.api.rules.RuleException;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonBoolean;
import dev.idea.core.internal.json.JsonNull;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the predicate expression language of {@code docs/rules.md} into {@link Condition} trees.
 *
 * <p>Grammar (keywords are lowercase; whitespace separates tokens):
 *
 * <pre>
 * expr     = and { "or" and }
 * and      = unary { "and" unary }
 * unary    = "not" unary | relation
 * relation = operand [ ("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") operand
 *                    | ["not"] "in" operand ]
 *          | "exists" "(" path ")" | "(" expr ")"
 * operand  = path | number | string | "true" | "false" | "null" | "[" [ literal { "," literal } ] "]"
 * path     = name { "." name | "[" index "]" | "[" string "]" }
 * </pre>
 *
 * <p>Not thread-safe: one instance parses one expression. Security guarantees: the parser builds
 * data, never code; input length, nesting depth, list length and path length are bounded, so a
 * hostile policy cannot exhaust the stack or the heap.
 */
final class ExpressionParser {
    /** Longest expression accepted, in characters. */
    static final int MAX_LENGTH = 4096;
    /** Deepest nesting of parentheses, {@code not} and lists. */
    static final int MAX_DEPTH = 32;
    /** Most elements of one list literal. */
    static final int MAX_LIST = 1024;
    /** Most segments of one path. */
    static final int MAX_PATH = 32;

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "exists", "true", "false", "null");

    private final String source;
    private final String where;
    private int pos;
    private int depth;

    private ExpressionParser(String source, String where) {
        this.source = source;
        this.where = where;
    }

    /**
     * Compiles one expression.
     *
     * @param source the expression text
     * @param where what it belongs to, for messages (e.g. {@code predicate low_confidence})
     * @return the compiled condition
     * @throws RuleException with {@code RULE_EXPRESSION_INVALID} naming the column and what was expected
     */
    static Condition parse(String source, String where) {
        if (source.length() > MAX_LENGTH) {
            throw new RuleException(ErrorCode.RULE_EXPRESSION_INVALID, where + ": expression is " + source.length()
                    + " characters long; the limit is " + MAX_LENGTH + ", split it into several predicates");
        }
        ExpressionParser parser = new ExpressionParser(source, where);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error("expression is empty; write a condition such as exists(a.b)");
        }
        Condition condition = parser.expr();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected \"" + parser.peekToken() + "\" after a complete expression; join conditions with and / or");
        }
        return condition;
    }

    private Condition expr() {
        List<Condition> parts = new ArrayList<>();
        parts.add(and());
        while (acceptWord("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new ExpressionNodes.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>();
        parts.add(unary());
        while (acceptWord("and")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new ExpressionNodes.And(parts);
    }

    private Condition unary() {
        if (acceptWord("not")) {
            enter();
            Condition inner = unary();
            depth--;
            return new ExpressionNodes.Not(inner);
        }
        return relation();
    }

    private Condition relation() {
        skipSpace();
        if (acceptSymbol("(")) {
            enter();
            Condition inner = expr();
            expectSymbol(")");
            depth--;
            return inner;
        }
        if (acceptWord("exists")) {
            expectSymbol("(");
            skipSpace();
            if (!isNameStart(peek())) {
                throw error("exists(...) takes a path such as supplier.country");
            }
            ExpressionNodes.Path path = path();
            expectSymbol(")");
            return new ExpressionNodes.Exists(path);
        }
        Operand left = operand();
        skipSpace();
        int save = pos;
        if (acceptWord("not")) {
            if (acceptWord("in")) {
                return new ExpressionNodes.Not(new ExpressionNodes.In(left, operand()));
            }
            pos = save;
            throw error("\"not\" after a value must be followed by \"in\"");
        }
        if (acceptWord("in")) {
            return new ExpressionNodes.In(left, operand());
        }
        ExpressionNodes.Op op = comparison();
        if (op == null) {
            if (left instanceof ExpressionNodes.Literal literal && !(literal.resolve(null) instanceof JsonBoolean)) {
                throw error("a literal alone is not a condition; compare it with ==, !=, <, <=, >, >= or use in");
            }
            return new ExpressionNodes.IsTrue(left);
        }
        return new ExpressionNodes.Compare(op, left, operand());
    }

    private ExpressionNodes.Op comparison() {
        skipSpace();
        for (String symbol : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (source.startsWith(symbol, pos)) {
                pos += symbol.length();
                for (ExpressionNodes.Op op : ExpressionNodes.Op.values()) {
                    if (op.symbol.equals(symbol)) {
                        return op;
                    }
                }
            }
        }
        if (peek() == '=') {
            throw error("\"=\" is not an operator; write == to compare");
        }
        return null;
    }

    private Operand operand() {
        skipSpace();
        char c = peek();
        if (isNameStart(c)) {
            int start = pos;
            String word = name();
            switch (word) {
                case "true":
                    return new ExpressionNodes.Literal(JsonBoolean.TRUE);
                case "false":
                    return new ExpressionNodes.Literal(JsonBoolean.FALSE);
                case "null":
                    return new ExpressionNodes.Literal(JsonNull.INSTANCE);
                default:
                    if (KEYWORDS.contains(word)) {
                        pos = start;
                        throw error("keyword \"" + word + "\" cannot be used as a value; quote it as a path segment: ['" + word + "']");
                    }
                    pos = start;
                    return path();
            }
        }
        return new ExpressionNodes.Literal(literal());
    }

    private JsonValue literal() {
        skipSpace();
        char c = peek();
        if (c == '\'' || c == '"') {
            return new JsonString(string());
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return new JsonNumber(number());
        }
        if (c == '[') {
            pos++;
            enter();
            List<JsonValue> values = new ArrayList<>();
            skipSpace();
            if (!acceptSymbol("]")) {
                do {
                    if (values.size() == MAX_LIST) {
                        throw error("list has more than " + MAX_LIST + " elements; move the list into the context");
                    }
                    values.add(literal());
                } while (acceptSymbol(","));
                expectSymbol("]");
            }
            depth--;
            return new JsonArray(values);
        }
        if (isNameStart(c)) {
            int start = pos;
            String word = name();
            switch (word) {
                case "true":
                    return JsonBoolean.TRUE;
                case "false":
                    return JsonBoolean.FALSE;
                case "null":
                    return JsonNull.INSTANCE;
                default:
                    pos = start;
                    throw error("list elements must be literals (strings, numbers, true, false, null), not the path \"" + word + "\"");
            }
        }
        throw error(atEnd() ? "expression ends where a value was expected" : "expected a value but found \"" + peekToken() + "\"");
    }

    private ExpressionNodes.Path path() {
        List<Object> segments = new ArrayList<>();
        segments.add(name());
        while (true) {
            if (source.startsWith(".", pos)) {
                pos++;
                if (!isNameStart(peek())) {
                    throw error("expected a member name after \".\"");
                }
                segments.add(name());
            } else if (source.startsWith("[", pos)) {
                pos++;
                skipSpace();
                char c = peek();
                if (c == '\'' || c == '"') {
                    segments.add(string());
                } else if (c >= '0' && c <= '9') {
                    double index = number();
                    if (index != Math.rint(index) || index > Integer.MAX_VALUE) {
                        throw error("array index must be a non-negative integer, got " + index);
                    }
                    segments.add((int) index);
                } else {
                    throw error("expected an array index or a quoted member name inside [ ]");
                }
                expectSymbol("]");
            } else {
                break;
            }
            if (segments.size() > MAX_PATH) {
                throw error("path has more than " + MAX_PATH + " segments");
            }
        }
        return new ExpressionNodes.Path(segments);
    }

    private String name() {
        int start = pos;
        while (pos < source.length() && isNamePart(source.charAt(pos))) {
            pos++;
        }
        return source.substring(start, pos);
    }

    private String string() {
        char quote = source.charAt(pos++);
        StringBuilder text = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("string is not closed; end it with " + quote);
            }
            char c = source.charAt(pos++);
            if (c == quote) {
                return text.toString();
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw error("string ends with a lone backslash");
                }
                char e = source.charAt(pos++);
                if (e != '\\' && e != '\'' && e != '"') {
                    pos--;
                    throw error("unknown escape \\" + e + "; only \\\\, \\' and \\\" are allowed");
                }
                text.append(e);
            } else if (Character.isISOControl(c)) {
                pos--;
                throw error("control character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " in a string");
            } else {
                text.append(c);
            }
        }
    }

    private double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < source.length() && (Character.isDigit(source.charAt(pos)) && source.charAt(pos) < 128
                || source.charAt(pos) == '.' || source.charAt(pos) == 'e' || source.charAt(pos) == 'E'
                || (source.charAt(pos) == '+' || source.charAt(pos) == '-') && (source.charAt(pos - 1) == 'e' || source.charAt(pos - 1) == 'E'))) {
            pos++;
        }
        String text = source.substring(start, pos);
        if (pos == digits || !text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            pos = start;
            throw error("malformed number \"" + text + "\"; write numbers as in JSON, e.g. 0.85 or -3 or 1e6");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            pos = start;
            throw error("number " + text + " is outside the double range");
        }
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("expression nests deeper than " + MAX_DEPTH + " levels; simplify it");
        }
    }

    private boolean acceptWord(String word) {
        skipSpace();
        if (source.startsWith(word, pos) && (pos + word.length() == source.length() || !isNamePart(source.charAt(pos + word.length())))) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        skipSpace();
        if (source.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error(atEnd() ? "expression ends where \"" + symbol + "\" was expected"
                    : "expected \"" + symbol + "\" but found \"" + peekToken() + "\"");
        }
    }

    private void skipSpace() {
        while (pos < source.length() && (source.charAt(pos) == ' ' || source.charAt(pos) == '\t'
                || source.charAt(pos) == '\n' || source.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= source.length();
    }

    private char peek() {
        return atEnd() ? '\0' : source.charAt(pos);
    }

    private String peekToken() {
        int end = pos;
        while (end < source.length() && end < pos + 20 && source.charAt(end) != ' ') {
            end++;
        }
        return source.substring(pos, Math.max(end, Math.min(pos + 1, source.length())));
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private RuleException error(String message) {
        return new RuleException(ErrorCode.RULE_EXPRESSION_INVALID, where + ": column " + (pos + 1) + " of \""
                + abbreviate(source) + "\": " + message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
