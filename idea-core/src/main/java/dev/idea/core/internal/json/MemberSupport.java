package dev.idea.core.internal.json;

import java.util.Arrays;

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

    /** An order of members given by index, e.g. by their names. */
    interface MemberOrder {
        /** Returns negative, zero or positive as member {@code p} sorts before, with or after member {@code q}. */
        int compare(int p, int q);
    }

    /**
     * Compares two names given as UTF-8 byte ranges [aFrom, aTo) of {@code a} and [bFrom, bTo) of
     * {@code b} in UTF-16 code unit order, as {@link String#compareTo} compares the decoded names.
     *
     * @return negative, zero or positive as the first name sorts before, equal to or after the second
     */
    static int compareUtf8(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int n = Math.min(aTo - aFrom, bTo - bFrom);
        for (int k = 0; k < n; k++) { // names are short and mostly differ early: a plain loop beats Arrays.mismatch
            byte x = a[aFrom + k];
            byte y = b[bFrom + k];
            if (x != y) {
                return (x | y) >= 0 ? x - y : compareCodePoints(a, aFrom + k, b, bFrom + k);
            }
        }
        return (aTo - aFrom) - (bTo - bFrom); // one is a prefix of the other
    }

    /**
     * Compares the code points around the first differing bytes {@code a[i]} and {@code b[j]}, which
     * follow a common prefix. UTF-8 byte order is code point order; UTF-16 order differs only where a
     * supplementary character (a surrogate pair, 0xD800..) meets one of U+E000..U+FFFF.
     */
    private static int compareCodePoints(byte[] a, int i, byte[] b, int j) {
        while ((a[i] & 0xC0) == 0x80) { // back to the lead byte, the same distance for both
            i--;
            j--;
        }
        int x = codePointAt(a, i);
        int y = codePointAt(b, j);
        boolean xPair = x >= Character.MIN_SUPPLEMENTARY_CODE_POINT;
        if (xPair == y >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            return x - y;
        }
        return (xPair ? Character.MIN_HIGH_SURROGATE : x) - (xPair ? y : Character.MIN_HIGH_SURROGATE);
    }

    /** Decodes the well-formed UTF-8 sequence whose lead byte is at {@code i}. */
    private static int codePointAt(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return lead;
        } else if (lead < 0xE0) {
            return (lead & 0x1F) << 6 | (b[i + 1] & 0x3F);
        } else if (lead < 0xF0) {
            return (lead & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
        }
        return (lead & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
    }

    /**
     * Returns the first eight bytes of the name [from, to) of {@code b} as a big-endian number,
     * padded with zero bytes: when two such prefixes of ASCII names differ, they compare as the
     * names do (a zero pad sorts a shorter name first), so a sort needs to look further only on a tie.
     */
    static long prefix(byte[] b, int from, int to) {
        int n = Math.min(8, to - from);
        long key = 0;
        for (int i = 0; i < n; i++) {
            key = key << 8 | (b[from + i] & 0xFF);
        }
        return n == 0 ? 0 : key << (8 * (8 - n));
    }

    /** Sorts the member indices {@code order[lo, hi)} by {@code by}; stable, O(n log n). */
    static void sort(int[] order, int lo, int hi, MemberOrder by) {
        if (hi - lo > INSERTION_SORT_MAX) {
            int mid = (lo + hi) >>> 1;
            sort(order, lo, mid, by);
            sort(order, mid, hi, by);
            int[] left = Arrays.copyOfRange(order, lo, mid);
            int i = 0;
            int j = mid;
            for (int o = lo; i < left.length; o++) {
                order[o] = j < hi && by.compare(order[j], left[i]) < 0 ? order[j++] : left[i++];
            }
            return;
        }
        for (int i = lo + 1; i < hi; i++) {
            int m = order[i];
            int j = i - 1;
            while (j >= lo && by.compare(order[j], m) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = m;
        }
    }
}
