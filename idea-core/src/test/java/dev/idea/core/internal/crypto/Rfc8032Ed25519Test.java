package dev.idea.core.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-answer tests from RFC 8032 section 7.1 (resource rfc8032/ed25519-test-vectors.txt). */
class Rfc8032Ed25519Test {

    record Vector(String name, String secret, String publicKey, Bytes message, Bytes signature) {
    }

    static Stream<Named<Vector>> vectors() throws IOException {
        List<Named<Vector>> out = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                Rfc8032Ed25519Test.class.getResourceAsStream("/rfc8032/ed25519-test-vectors.txt")), StandardCharsets.US_ASCII))) {
            String name = null;
            String secret = null;
            String pub = null;
            StringBuilder message = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.split(" ", 2);
                switch (kv[0]) {
                    case "name" -> {
                        name = kv[1];
                        message.setLength(0);
                    }
                    case "secret" -> secret = kv[1];
                    case "public" -> pub = kv[1];
                    case "message" -> message.append(kv[1].equals("-") ? "" : kv[1]);
                    case "signature" -> out.add(Named.of(name, new Vector(name, secret, pub,
                            Bytes.fromHex(message.toString()), Bytes.fromHex(kv[1]))));
                    default -> throw new IllegalStateException("unexpected line " + line);
                }
            }
        }
        assertEquals(5, out.size(), "RFC 8032 vectors TEST 1, 2, 3, 1024, SHA(abc)");
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void secretKey_rfc8032Vector_derivesPublishedPublicKeyAndSignature(Vector v) {
        LocalKms kms = LocalKms.inMemory();
        VerificationKey key = kms.insecureCreateEd25519KeyFromSeed(KeyRef.of("k"), Bytes.fromHex(v.secret()));
        assertEquals(TestKeys.ed25519Spki(v.publicKey()), key.spki());
        assertEquals(v.signature().hex(), kms.sign(KeyRef.of("k"), v.message()).hex());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void isValid_rfc8032Vector_acceptsPublishedSignature(Vector v) {
        VerificationKey key = PublicKeys.fromSpki(TestKeys.ed25519Spki(v.publicKey()));
        assertEquals(SignatureAlgorithm.ED25519, key.algorithm());
        assertTrue(SignatureVerifier.isValid(key, v.message(), v.signature()));
        SignatureVerifier.verify(key, v.message(), v.signature());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void isValid_rfc8032VectorWithFlippedBit_refuses(Vector v) {
        VerificationKey key = PublicKeys.fromSpki(TestKeys.ed25519Spki(v.publicKey()));
        for (int bit : new int[] {0, 7, 255, 256, 300, 511}) {
            assertFalse(SignatureVerifier.isValid(key, v.message(), TestKeys.flipBit(v.signature(), bit)), "signature bit " + bit);
        }
        if (!v.message().isEmpty()) {
            assertFalse(SignatureVerifier.isValid(key, TestKeys.flipBit(v.message(), 0), v.signature()));
            assertFalse(SignatureVerifier.isValid(key, TestKeys.flipBit(v.message(), v.message().size() * 8 - 1), v.signature()));
        } else {
            assertFalse(SignatureVerifier.isValid(key, Bytes.of((byte) 0), v.signature()));
        }
    }
}
