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

    /** Returns the indices {@code from..to-1} ordered by {@code keys[index]}; stable, O(n log n). */
    static int[] order(String[] keys, int from, int to) {
        int n = to - from;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = from + i;
        }
        mergeSort(keys, order, n <= INSERTION_SORT_MAX ? order : order.clone(), 0, n);
        return order;
    }

    /** Sorts [lo, hi) of {@code order} by key; {@code scratch} holds the same content on entry. */
    private static void mergeSort(String[] keys, int[] order, int[] scratch, int lo, int hi) {
        if (hi - lo <= INSERTION_SORT_MAX) {
            for (int i = lo + 1; i < hi; i++) {
                int v = order[i];
                int j = i - 1;
                while (j >= lo && keys[order[j]].compareTo(keys[v]) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(keys, scratch, order, lo, mid);
        mergeSort(keys, scratch, order, mid, hi);
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
            if (j >= hi || (i < mid && keys[scratch[i]].compareTo(keys[scratch[j]]) <= 0)) {
                order[o] = scratch[i++];
            } else {
                order[o] = scratch[j++];
            }
        }
    }

    /**
     * Sorts the members [from, to) of three parallel arrays by name, in place; stable. Small ranges
     * (the usual case) need no allocation.
     */
    static void sortMembers(String[] keys, int[] starts, int[] ends, int from, int to) {
        if (to - from > INSERTION_SORT_MAX) {
            int[] order = order(keys, from, to);
            String[] k = new String[order.length];
            int[] s = new int[order.length];
            int[] e = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                k[i] = keys[order[i]];
                s[i] = starts[order[i]];
                e[i] = ends[order[i]];
            }
            System.arraycopy(k, 0, keys, from, k.length);
            System.arraycopy(s, 0, starts, from, s.length);
            System.arraycopy(e, 0, ends, from, e.length);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            String k = keys[i];
            int s = starts[i];
            int e = ends[i];
            int j = i - 1;
            while (j >= from && keys[j].compareTo(k) > 0) {
                keys[j + 1] = keys[j];
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }
            keys[j + 1] = k;
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
    }
}
