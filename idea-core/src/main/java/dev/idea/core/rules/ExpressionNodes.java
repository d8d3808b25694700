package dev.idea.core.rules;

import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonBoolean;
import dev.idea.core.internal.json.JsonNull;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.List;

/**
 * The nodes of compiled predicate expressions. Each is immutable; evaluation allocates nothing and
 * never throws. The semantics are specified in {@code docs/rules.md}.
 */
final class ExpressionNodes {
    private ExpressionNodes() {
    }

    /** Comparison operators. */
    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code a and b and …}: true when every part is true; stops at the first false. */
    static final class And implements Condition {
        private final Condition[] parts;

        And(List<Condition> parts) {
            this.parts = parts.toArray(new Condition[0]);
        }

        @Override
        public boolean test(JsonObject context) {
            for (Condition part : parts) {
                if (!part.test(context)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code a or b or …}: true when some part is true; stops at the first true. */
    static final class Or implements Condition {
        private final Condition[] parts;

        Or(List<Condition> parts) {
            this.parts = parts.toArray(new Condition[0]);
        }

        @Override
        public boolean test(JsonObject context) {
            for (Condition part : parts) {
                if (part.test(context)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code not a}. */
    static final class Not implements Condition {
        private final Condition inner;

        Not(Condition inner) {
            this.inner = inner;
        }

        @Override
        public boolean test(JsonObject context) {
            return !inner.test(context);
        }
    }

    /** {@code a OP b}: false when either side is absent or the types cannot be ordered. */
    static final class Compare implements Condition {
        private final Op op;
        private final Operand left;
        private final Operand right;

        Compare(Op op, Operand left, Operand right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(JsonObject context) {
            JsonValue a = left.resolve(context);
            JsonValue b = right.resolve(context);
            if (a == null || b == null) {
                return false;
            }
            switch (op) {
                case EQ:
                    return a.equals(b);
                case NE:
                    return !a.equals(b);
                default:
                    break;
            }
            int order;
            if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
                order = Double.compare(x.value(), y.value());
            } else if (a instanceof JsonString x && b instanceof JsonString y) {
                order = x.value().compareTo(y.value());
            } else {
                return false;
            }
            switch (op) {
                case LT:
                    return order < 0;
                case LE:
                    return order <= 0;
                case GT:
                    return order > 0;
                default:
                    return order >= 0;
            }
        }
    }

    /** {@code a in b}: true when {@code b} is an array holding a value equal to {@code a}. */
    static final class In implements Condition {
        private final Operand element;
        private final Operand collection;

        In(Operand element, Operand collection) {
            this.element = element;
            this.collection = collection;
        }

        @Override
        public boolean test(JsonObject context) {
            JsonValue a = element.resolve(context);
            if (a == null || !(collection.resolve(context) instanceof JsonArray array)) {
                return false;
            }
            for (JsonValue v : array.values()) {
                if (a.equals(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code exists(path)}: true when the path resolves to a value other than null. */
    static final class Exists implements Condition {
        private final Path path;

        Exists(Path path) {
            this.path = path;
        }

        @Override
        public boolean test(JsonObject context) {
            JsonValue v = path.resolve(context);
            return v != null && v != JsonNull.INSTANCE;
        }
    }

    /** A bare operand used as a condition: true only for the JSON value {@code true}. */
    static final class IsTrue implements Condition {
        private final Operand operand;

        IsTrue(Operand operand) {
            this.operand = operand;
        }

        @Override
        public boolean test(JsonObject context) {
            return operand.resolve(context) instanceof JsonBoolean b && b.value();
        }
    }

    /** A literal value. */
    static final class Literal implements Operand {
        private final JsonValue value;

        Literal(JsonValue value) {
            this.value = value;
        }

        @Override
        public JsonValue resolve(JsonObject context) {
            return value;
        }
    }

    /** A dotted path: member names, and array indexes written {@code [n]}. */
    static final class Path implements Operand {
        private final String[] names; // null entry: use the index at the same position
        private final int[] indexes;

        Path(List<Object> segments) {
            names = new String[segments.size()];
            indexes = new int[segments.size()];
            for (int i = 0; i < names.length; i++) {
                if (segments.get(i) instanceof String name) {
                    names[i] = name;
                } else {
                    indexes[i] = (Integer) segments.get(i);
                }
            }
        }

        @Override
        public JsonValue resolve(JsonObject context) {
            JsonValue current = context;
            for (int i = 0; i < names.length; i++) {
                if (names[i] != null) {
                    if (!(current instanceof JsonObject object)) {
                        return null;
                    }
                    current = object.get(names[i]).orElse(null);
                } else {
                    if (!(current instanceof JsonArray array) || indexes[i] >= array.values().size()) {
                        return null;
                    }
                    current = array.values().get(indexes[i]);
                }
                if (current == null) {
                    return null;
                }
            }
            return current;
        }
    }
}
