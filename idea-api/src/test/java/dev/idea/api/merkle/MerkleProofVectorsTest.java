package dev.idea.api.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IDEA's verifiers against the RFC 6962 test data of an independent implementation
 * (github.com/transparency-dev/merkle): every valid case accepted, every corrupted probe refused.
 */
class MerkleProofVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SOME_HASH = HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");
    private static final byte[] EMPTY_TREE_HASH = HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private record Vector(long a, long b, List<byte[]> proof) {
    }

    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static final List<byte[]> ROOTS = new ArrayList<>();
    private static final List<Vector> INCLUSION = new ArrayList<>();
    private static final List<Vector> CONSISTENCY = new ArrayList<>();

    static {
        try (InputStream in = MerkleProofVectorsTest.class.getResourceAsStream("/merkle/rfc6962-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ", -1);
                switch (f[0]) {
                    case "leaf" -> LEAVES.add(HEX.parseHex(f[1]));
                    case "root" -> ROOTS.add(HEX.parseHex(f[1]));
                    default -> {
                        List<byte[]> proof = new ArrayList<>();
                        for (int i = 3; i < f.length; i++) {
                            proof.add(HEX.parseHex(f[i]));
                        }
                        (f[0].equals("inclusion") ? INCLUSION : CONSISTENCY)
                                .add(new Vector(Long.parseLong(f[1]), Long.parseLong(f[2]), proof));
                    }
                }
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void roots_ofTheLeafPrefixes_matchThePublishedRoots() {
        for (int n = 1; n <= LEAVES.size(); n++) {
            assertArrayEquals(ROOTS.get(n - 1), ReferenceTree.root(LEAVES.subList(0, n)), "root of " + n + " leaves");
        }
    }

    @Test
    void verifyInclusion_publishedProofs_acceptedAndEveryCorruptionRefused() {
        for (Vector v : INCLUSION) {
            long index = v.a() - 1;
            byte[] leafHash = MerkleHash.leaf(LEAVES.get((int) index));
            byte[] root = ROOTS.get((int) v.b() - 1);
            assertArrayEquals(root, InclusionProof.rootFromPath(index, v.b(), leafHash, v.proof()));
            assertDoesNotThrow(() -> InclusionProof.verify(index, v.b(), leafHash, v.proof(), root));
            for (Map.Entry<String, Runnable> probe : inclusionProbes(index, v.b(), v.proof(), root, leafHash).entrySet()) {
                VerificationException e = assertThrows(VerificationException.class, probe.getValue()::run,
                        "accepted corrupted inclusion proof: " + probe.getKey() + " of " + v);
                assertEquals(ErrorCode.MERKLE_PROOF_INVALID, e.errorCode());
            }
        }
    }

    @Test
    void verifyInclusion_degenerateInputs_refused() {
        for (long[] p : new long[][] {{0, 0}, {0, 1}, {1, 0}, {2, 1}}) {
            assertRefused(() -> InclusionProof.verify(p[0], p[1], SOME_HASH, List.of(), new byte[0]));
            assertRefused(() -> InclusionProof.verify(p[0], p[1], new byte[0], List.of(), EMPTY_TREE_HASH));
            assertRefused(() -> InclusionProof.verify(p[0], p[1], SOME_HASH, List.of(), EMPTY_TREE_HASH));
        }
        byte[] hash = MerkleHash.leaf("data".getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> InclusionProof.verify(0, 1, hash, List.of(), hash));
        assertRefused(() -> InclusionProof.verify(0, 1, new byte[0], List.of(), hash));
        assertRefused(() -> InclusionProof.verify(0, 1, hash, List.of(), new byte[0]));
        assertRefused(() -> InclusionProof.verify(0, 1, new byte[0], List.of(), new byte[0]));
    }

    @Test
    void verifyConsistency_publishedProofs_acceptedAndEveryCorruptionRefused() {
        for (Vector v : CONSISTENCY) {
            byte[] root1 = ROOTS.get((int) v.a() - 1);
            byte[] root2 = ROOTS.get((int) v.b() - 1);
            assertDoesNotThrow(() -> ConsistencyProof.verify(v.a(), v.b(), v.proof(), root1, root2));
            if (v.proof().isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Runnable> probe : consistencyProbes(v.a(), v.b(), root1, root2, v.proof()).entrySet()) {
                VerificationException e = assertThrows(VerificationException.class, probe.getValue()::run,
                        "accepted corrupted consistency proof: " + probe.getKey() + " of " + v);
                assertEquals(ErrorCode.MERKLE_PROOF_INVALID, e.errorCode());
            }
        }
    }

    @Test
    void verifyConsistency_trivialCases_likeTheReferenceImplementation() {
        byte[] root1 = "don't care 1".getBytes(StandardCharsets.UTF_8);
        byte[] root2 = "don't care 2".getBytes(StandardCharsets.UTF_8);
        List<byte[]> empty = List.of();
        List<byte[]> one = List.of(EMPTY_TREE_HASH);
        assertRefused(() -> ConsistencyProof.verify(0, 0, empty, root1, root2));
        assertRefused(() -> ConsistencyProof.verify(1, 1, empty, root1, root2));
        assertDoesNotThrow(() -> ConsistencyProof.verify(0, 0, empty, root1, root1));
        assertDoesNotThrow(() -> ConsistencyProof.verify(0, 1, empty, root1, root2));
        assertDoesNotThrow(() -> ConsistencyProof.verify(1, 1, empty, root2, root2));
        assertRefused(() -> ConsistencyProof.verify(1, 0, empty, root1, root2));
        assertRefused(() -> ConsistencyProof.verify(2, 1, empty, root1, root2));
        assertRefused(() -> ConsistencyProof.verify(1, 2, empty, root1, root2));
        assertRefused(() -> ConsistencyProof.verify(0, 0, empty, EMPTY_TREE_HASH, root2));
        assertRefused(() -> ConsistencyProof.verify(1, 1, empty, EMPTY_TREE_HASH, root2));
        assertRefused(() -> ConsistencyProof.verify(0, 0, one, EMPTY_TREE_HASH, EMPTY_TREE_HASH));
        assertRefused(() -> ConsistencyProof.verify(0, 1, one, EMPTY_TREE_HASH, EMPTY_TREE_HASH));
        assertRefused(() -> ConsistencyProof.verify(1, 1, one, EMPTY_TREE_HASH, EMPTY_TREE_HASH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inclusion-1-happy-path", "inclusion-1-wrong-leaf", "consistency-1-happy-path",
        "consistency-1-truncated-proof", "consistency-4-happy-path"})
    void verify_publishedTestdataFiles_giveTheExpectedOutcome(String name) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/merkle/transparency-dev/" + name + ".json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean wantErr = Boolean.parseBoolean(field(json, "wantErr"));
        List<byte[]> proof = new ArrayList<>();
        Matcher m = Pattern.compile("\"([A-Za-z0-9+/=]+)\"").matcher(json.substring(json.indexOf("\"proof\"") + 8,
                json.indexOf(']', json.indexOf("\"proof\""))));
        while (m.find()) {
            proof.add(Base64.getDecoder().decode(m.group(1)));
        }
        Runnable check = name.startsWith("inclusion")
                ? () -> InclusionProof.verify(Long.parseLong(field(json, "leafIdx")), Long.parseLong(field(json, "treeSize")),
                        b64(field(json, "leafHash")), proof, b64(field(json, "root")))
                : () -> ConsistencyProof.verify(Long.parseLong(field(json, "size1")), Long.parseLong(field(json, "size2")),
                        proof, b64(field(json, "root1")), b64(field(json, "root2")));
        if (wantErr) {
            assertRefused(check);
        } else {
            assertDoesNotThrow(check::run);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1).trim();
    }

    private static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    private static void assertRefused(Runnable r) {
        assertEquals(ErrorCode.MERKLE_PROOF_INVALID, assertThrows(VerificationException.class, r::run).errorCode());
    }

    /** The probes of verify_test.go corruptInclusionProof. */
    private static Map<String, Runnable> inclusionProbes(long idx, long size, List<byte[]> proof, byte[] root, byte[] leaf) {
        Map<String, Runnable> p = new LinkedHashMap<>();
        p.put("leafIndex - 1", () -> InclusionProof.verify(idx - 1, size, leaf, proof, root));
        p.put("leafIndex + 1", () -> InclusionProof.verify(idx + 1, size, leaf, proof, root));
        p.put("leafIndex ^ 2", () -> InclusionProof.verify(idx ^ 2, size, leaf, proof, root));
        p.put("treeSize * 2", () -> InclusionProof.verify(idx, size * 2, leaf, proof, root));
        p.put("treeSize / 2", () -> InclusionProof.verify(idx, size / 2, leaf, proof, root));
        p.put("wrong leaf", () -> InclusionProof.verify(idx, size, "WrongLeaf".getBytes(StandardCharsets.UTF_8), proof, root));
        p.put("empty root", () -> InclusionProof.verify(idx, size, leaf, proof, EMPTY_TREE_HASH));
        p.put("random root", () -> InclusionProof.verify(idx, size, leaf, proof, SOME_HASH));
        p.put("trailing garbage", () -> InclusionProof.verify(idx, size, leaf, with(proof, new byte[0], false), root));
        p.put("trailing root", () -> InclusionProof.verify(idx, size, leaf, with(proof, root, false), root));
        p.put("preceding garbage", () -> InclusionProof.verify(idx, size, leaf, with(proof, new byte[0], true), root));
        p.put("preceding root", () -> InclusionProof.verify(idx, size, leaf, with(proof, root, true), root));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> wrong = flip(proof, i, 8);
            p.put("modified proof[" + i + "] bit 3", () -> InclusionProof.verify(idx, size, leaf, wrong, root));
        }
        if (!proof.isEmpty()) {
            p.put("removed component", () -> InclusionProof.verify(idx, size, leaf, proof.subList(0, proof.size() - 1), root));
        }
        if (proof.size() > 1) {
            List<byte[]> inserted = new ArrayList<>();
            inserted.add(proof.get(0));
            inserted.add(SOME_HASH);
            inserted.addAll(proof.subList(1, proof.size()));
            p.put("inserted component", () -> InclusionProof.verify(idx, size, leaf, inserted, root));
        }
        return p;
    }

    /** The probes of verify_test.go corruptConsistencyProof. */
    private static Map<String, Runnable> consistencyProbes(long s1, long s2, byte[] r1, byte[] r2, List<byte[]> proof) {
        byte[] wrongRoot = "WrongRoot".getBytes(StandardCharsets.UTF_8);
        Map<String, Runnable> p = new LinkedHashMap<>();
        p.put("size1 - 1", () -> ConsistencyProof.verify(s1 - 1, s2, proof, r1, r2));
        p.put("size1 + 1", () -> ConsistencyProof.verify(s1 + 1, s2, proof, r1, r2));
        p.put("size1 ^ 2", () -> ConsistencyProof.verify(s1 ^ 2, s2, proof, r1, r2));
        p.put("size2 * 2", () -> ConsistencyProof.verify(s1, s2 * 2, proof, r1, r2));
        p.put("size2 / 2", () -> ConsistencyProof.verify(s1, s2 / 2, proof, r1, r2));
        p.put("wrong root1", () -> ConsistencyProof.verify(s1, s2, proof, wrongRoot, r2));
        p.put("wrong root2", () -> ConsistencyProof.verify(s1, s2, proof, r1, wrongRoot));
        p.put("swapped roots", () -> ConsistencyProof.verify(s1, s2, proof, r2, r1));
        p.put("empty proof", () -> ConsistencyProof.verify(s1, s2, List.of(), r1, r2));
        p.put("trailing garbage", () -> ConsistencyProof.verify(s1, s2, with(proof, new byte[0], false), r1, r2));
        p.put("trailing root1", () -> ConsistencyProof.verify(s1, s2, with(proof, r1, false), r1, r2));
        p.put("trailing root2", () -> ConsistencyProof.verify(s1, s2, with(proof, r2, false), r1, r2));
        p.put("preceding garbage", () -> ConsistencyProof.verify(s1, s2, with(proof, new byte[0], true), r1, r2));
        p.put("preceding root1", () -> ConsistencyProof.verify(s1, s2, with(proof, r1, true), r1, r2));
        p.put("preceding root2", () -> ConsistencyProof.verify(s1, s2, with(proof, r2, true), r1, r2));
        p.put("preceding proof[0]", () -> ConsistencyProof.verify(s1, s2, with(proof, proof.get(0), true), r1, r2));
        p.put("truncated proof", () -> ConsistencyProof.verify(s1, s2, proof.subList(0, proof.size() - 1), r1, r2));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> wrong = flip(proof, i, 16);
            p.put("modified proof[" + i + "] bit 4", () -> ConsistencyProof.verify(s1, s2, wrong, r1, r2));
        }
        return p;
    }

    private static List<byte[]> with(List<byte[]> proof, byte[] extra, boolean front) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(front ? 0 : out.size(), extra);
        return out;
    }

    private static List<byte[]> flip(List<byte[]> proof, int i, int mask) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] copy = out.get(i).clone();
        copy[0] ^= (byte) mask;
        out.set(i, copy);
        return out;
    }
}
