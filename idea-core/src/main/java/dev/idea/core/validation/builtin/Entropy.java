package dev.idea.core.validation.builtin;

/** Shannon entropy of short strings, in bits per character. */
final class Entropy {
    private Entropy() {
    }

    /**
     * Returns the Shannon entropy of the character distribution of {@code s}: between 0 (one repeated
     * character) and log2 of the alphabet size (4 for hex, 6 for base64).
     */
    static double bitsPerChar(CharSequence s) {
        int[] counts = new int[128];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
                n++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }
}
