package dev.idea.core.internal.json;

/**
 * A JSON number, held as an IEEE 754 double as RFC 8785 requires.
 *
 * <p>Immutable and thread-safe. Only finite values exist; {@code -0.0} is stored as {@code 0.0}
 * because RFC 8785 serialises both as {@code 0}, so that equality follows the canonical form.
 *
 * @param value the finite number
 * @since 0.1
 */
public record JsonNumber(double value) implements JsonValue {
    /**
     * Creates a number value.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public JsonNumber {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON number must be finite but was " + value
                    + "; JSON has no NaN or Infinity, encode such values as a string instead");
        }
        if (value == 0.0) {
            value = 0.0; // folds -0.0 into 0.0
        }
    }

    /**
     * Returns the canonical RFC 8785 text of this number, e.g. {@code 1e+21} or {@code 0.5}.
     *
     * @return the ECMAScript Number::toString form
     */
    @Override
    public String toString() {
        return EcmaNumberFormat.format(value);
    }
}
