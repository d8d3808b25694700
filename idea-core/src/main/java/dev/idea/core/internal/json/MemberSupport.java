package dev.idea.core.internal.json;

/**
 * Sorts object members into RFC 8785 order (UTF-16 code units, {@link String#compareTo}) and finds
 * repeated names.
 */
final class MemberSupport {
    private static final int INSERTION_SORT_MAX = 24;

    private MemberSupport() {
    }

    /**
     * Sorts {@code keys} and, in step, {@code values}; stable, O(n log n).
     *
     * @return the index of a name that occurs twice after sorting, or -1 when all are unique
     */
    static int sortAndFindDuplicate(String[] keys, JsonValue[] values) {
        int n = keys.length;
        if (n <= INSERTION_SORT_MAX) {
            insertionSort(keys, values, 0, n);
        } else {
            mergeSort(keys, values, keys.clone(), values.clone(), 0, n);
        }
        for (int i = 1; i < n; i++) {
            if (keys[i].equals(keys[i - 1])) {
                return i;
            }
        }
        return -1;
    }

    private static void insertionSort(String[] keys, JsonValue[] values, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            String k = keys[i];
            JsonValue v = values[i];
            int j = i - 1;
            while (j >= from && keys[j].compareTo(k) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = k;
            values[j + 1] = v;
        }
    }

    /** Sorts [from, to) of {@code keys}/{@code values}; {@code tk}/{@code tv} hold the same content on entry. */
    private static void mergeSort(String[] keys, JsonValue[] values, String[] tk, JsonValue[] tv, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
            insertionSort(keys, values, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        // Sort both halves into the scratch arrays, then merge them back.
        mergeSort(tk, tv, keys, values, from, mid);
        mergeSort(tk, tv, keys, values, mid, to);
        int i = from;
        int j = mid;
        for (int o = from; o < to; o++) {
            if (j >= to || (i < mid && tk[i].compareTo(tk[j]) <= 0)) {
                keys[o] = tk[i];
                values[o] = tv[i++];
            } else {
                keys[o] = tk[j];
                values[o] = tv[j++];
            }
        }
    }
}
