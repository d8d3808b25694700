package dev.idea.api.merkle;

import java.util.ArrayList;
import java.util.List;

/** The recursive definitions of RFC 9162 section 2.1 (MTH, PATH, PROOF), written naively as a test oracle. */
final class ReferenceTree {
    private ReferenceTree() {
    }

    static byte[] root(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return MerkleHash.EMPTY_ROOT.value().toByteArray();
        }
        if (n == 1) {
            return MerkleHash.leaf(leaves.get(0));
        }
        int k = split(n);
        return MerkleHash.node(root(leaves.subList(0, k)), root(leaves.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = split(n);
        if (m < k) {
            out.addAll(path(m, leaves.subList(0, k)));
            out.add(root(leaves.subList(k, n)));
        } else {
            out.addAll(path(m - k, leaves.subList(k, n)));
            out.add(root(leaves.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(root(leaves));
            }
            return out;
        }
        int k = split(n);
        if (m <= k) {
            out.addAll(subproof(m, leaves.subList(0, k), b));
            out.add(root(leaves.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, leaves.subList(k, n), false));
            out.add(root(leaves.subList(0, k)));
        }
        return out;
    }

    /** Largest power of two smaller than n (n >= 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
