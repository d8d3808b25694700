package dev.idea.api.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Proofs built by the RFC 9162 recursive definitions verify; proofs for another leaf or size do not. */
class MerkleProofPropertiesTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    @Property(tries = 200)
    void inclusion_rfcPaths_verifyAndFailForAnotherLeaf(@ForAll @IntRange(min = 1, max = 300) int n,
                                                        @ForAll @IntRange(min = 0, max = 299) int rawIndex) {
        List<byte[]> leaves = leaves(n);
        int m = rawIndex % n;
        byte[] root = ReferenceTree.root(leaves);
        List<byte[]> path = ReferenceTree.path(m, leaves);
        InclusionProof.verify(m, n, MerkleHash.leaf(leaves.get(m)), path, root);
        if (n > 1) {
            int other = (m + 1) % n;
            assertThrows(VerificationException.class,
                    () -> InclusionProof.verify(m, n, MerkleHash.leaf(leaves.get(other)), path, root));
        }
    }

    @Property(tries = 200)
    void consistency_rfcProofs_verifyAndFailAgainstAnotherRoot(@ForAll @IntRange(min = 1, max = 300) int n,
                                                               @ForAll @IntRange(min = 1, max = 300) int rawOld) {
        List<byte[]> leaves = leaves(n);
        int m = 1 + (rawOld - 1) % n;
        byte[] oldRoot = ReferenceTree.root(leaves.subList(0, m));
        byte[] newRoot = ReferenceTree.root(leaves);
        List<byte[]> proof = ReferenceTree.proof(m, leaves);
        ConsistencyProof.verify(m, n, proof, oldRoot, newRoot);
        if (m < n) {
            byte[] forked = ReferenceTree.root(leaves.subList(1, m + 1));
            assertThrows(VerificationException.class, () -> ConsistencyProof.verify(m, n, proof, forked, newRoot));
        }
    }

    @Test
    void records_verifyThroughDigests() {
        List<byte[]> leaves = leaves(5);
        Digest root = Digest.ofSha256(ReferenceTree.root(leaves));
        List<Digest> path = ReferenceTree.path(2, leaves).stream().map(Digest::ofSha256).toList();
        new InclusionProof(2, 5, path).verify(Digest.ofSha256(MerkleHash.leaf(leaves.get(2))), root);
        VerificationException e = assertThrows(VerificationException.class,
                () -> new InclusionProof(3, 5, path).verify(Digest.ofSha256(MerkleHash.leaf(leaves.get(2))), root));
        assertEquals(ErrorCode.MERKLE_PROOF_INVALID, e.errorCode());
        List<Digest> cons = ReferenceTree.proof(3, leaves).stream().map(Digest::ofSha256).toList();
        new ConsistencyProof(3, 5, cons).verify(Digest.ofSha256(ReferenceTree.root(leaves.subList(0, 3))), root);
    }

    @Test
    void emptyRoot_isSha256OfNothing() {
        assertArrayEquals(java.util.HexFormat.of().parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                MerkleHash.EMPTY_ROOT.value().toByteArray());
    }
}
