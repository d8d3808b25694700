package dev.idea.core.validation.builtin;

import java.util.List;

/**
 * Payment card number checks: the Luhn (ISO/IEC 7812-1 annex B) check digit and the issuer
 * identification number (IIN) prefixes and lengths of the major networks.
 */
final class PaymentCards {
    /** An IIN range: prefixes of {@code digits} digits from {@code low} to {@code high}, card lengths. */
    private record Range(int digits, int low, int high, int minLength, int maxLength) {
    }

    private static final List<Range> RANGES = List.of(
            new Range(1, 4, 4, 13, 19),            // Visa (13, 16, 19 in use)
            new Range(2, 51, 55, 16, 16),          // Mastercard
            new Range(4, 2221, 2720, 16, 16),      // Mastercard 2-series
            new Range(2, 34, 34, 15, 15),          // American Express
            new Range(2, 37, 37, 15, 15),
            new Range(4, 6011, 6011, 16, 19),      // Discover
            new Range(3, 644, 649, 16, 19),
            new Range(2, 65, 65, 16, 19),
            new Range(2, 62, 62, 16, 19),          // UnionPay (and Discover co-brand)
            new Range(3, 300, 305, 14, 19),        // Diners Club
            new Range(2, 36, 36, 14, 19),
            new Range(2, 38, 39, 14, 19),
            new Range(4, 3528, 3589, 16, 19),      // JCB
            new Range(4, 5018, 5018, 13, 19),      // Maestro
            new Range(4, 5020, 5020, 13, 19),
            new Range(4, 5038, 5038, 13, 19),
            new Range(4, 5893, 5893, 13, 19),
            new Range(4, 6304, 6304, 13, 19),
            new Range(4, 6759, 6759, 13, 19),
            new Range(4, 6761, 6763, 13, 19));

    private PaymentCards() {
    }

    /** Returns whether the digits end in a valid Luhn check digit. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    /** Returns the check digit that makes {@code payload} followed by it Luhn-valid. */
    static int luhnCheckDigit(String payload) {
        for (int d = 0; d <= 9; d++) {
            if (luhnValid(payload + d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("payload must be decimal digits");
    }

    /** Returns whether the digits have a known IIN prefix, a length that network issues, and a valid Luhn digit. */
    static boolean isCardNumber(String digits) {
        int length = digits.length();
        if (length < 13 || length > 19 || !luhnValid(digits)) {
            return false;
        }
        for (Range r : RANGES) {
            int prefix = Integer.parseInt(digits.substring(0, r.digits()));
            if (prefix >= r.low() && prefix <= r.high() && length >= r.minLength() && length <= r.maxLength()) {
                return true;
            }
        }
        return false;
    }
}
