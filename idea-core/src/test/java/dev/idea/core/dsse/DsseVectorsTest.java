package dev.idea.core.dsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.VerifiedEnvelope;
import dev.idea.core.internal.crypto.PublicKeys;
import dev.idea.core.internal.crypto.SignatureVerifier;
import dev.idea.core.internal.crypto.TestKeys;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DSSE project's published vectors (resources dsse/vectors.json and
 * dsse/protocol-ecdsa-example.txt; sources in dsse/SOURCES.md).
 */
class DsseVectorsTest {

    @SuppressWarnings("unchecked")
    static Stream<Named<Map<String, Object>>> vectors() throws IOException {
        Map<String, Object> root = (Map<String, Object>) readJson("/dsse/vectors.json");
        List<Named<Map<String, Object>>> out = new ArrayList<>();
        for (Object v : (List<Object>) root.get("vectors")) {
            Map<String, Object> vector = (Map<String, Object>) v;
            vector.put("keys", root.get("keys"));
            out.add(Named.of((String) vector.get("id"), vector));
        }
        assertEquals(9, out.size());
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    @SuppressWarnings("unchecked")
    void pae_publishedVector_matchesPublishedBytes(Map<String, Object> vector) {
        DsseEnvelope envelope = envelope((Map<String, Object>) vector.get("envelope"));
        if ("payload-type-swapped".equals(vector.get("id"))) {
            // "pae" is what the signature covers: the original type, not the one the envelope now claims.
            String signedType = (String) ((List<Object>) vector.get("supportedPayloadTypes")).get(0);
            assertEquals((String) vector.get("pae"), DsseEnvelope.pae(signedType, envelope.payload()).hex());
            assertNotEquals((String) vector.get("pae"), envelope.pae().hex());
        } else {
            assertEquals((String) vector.get("pae"), envelope.pae().hex());
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    @SuppressWarnings("unchecked")
    void verify_publishedVector_givesPublishedOutcome(Map<String, Object> vector) {
        DsseEnvelope envelope = envelope((Map<String, Object>) vector.get("envelope"));
        Map<String, Object> keys = (Map<String, Object>) vector.get("keys");
        List<VerificationKey> trusted = new ArrayList<>();
        for (Object name : (List<Object>) vector.get("trustedKeys")) {
            String publicHex = (String) ((Map<String, Object>) keys.get(name)).get("public");
            trusted.add(PublicKeys.fromSpki(TestKeys.ed25519Spki(publicHex)));
        }
        int threshold = ((Number) vector.get("threshold")).intValue();
        List<Object> supported = (List<Object>) vector.get("supportedPayloadTypes");
        // This API checks one expected type: use the envelope's type when the verifier supports it.
        String expected = supported.contains(envelope.payloadType()) ? envelope.payloadType() : (String) supported.get(0);
        if ("accept".equals(vector.get("expect"))) {
            VerifiedEnvelope verified = Dsse.verify(envelope, expected, trusted, threshold);
            assertEquals(envelope.payload(), verified.payload());
            assertTrue(verified.verifiedBy().size() >= threshold);
        } else {
            var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, expected, trusted, threshold));
            assertTrue(e.errorCode() == ErrorCode.PAYLOAD_TYPE_MISMATCH || e.errorCode() == ErrorCode.SIGNATURE_THRESHOLD_NOT_MET,
                    e.getMessage());
        }
    }

    @Test
    void pae_protocolExample_matchesPublishedText() throws IOException {
        Map<String, String> example = readExample();
        Bytes pae = DsseEnvelope.pae(example.get("payloadType"), Bytes.utf8(example.get("payload")));
        assertEquals(Bytes.utf8(example.get("pae")), pae);
        assertEquals(example.get("envelopePayload"), Bytes.utf8(example.get("payload")).base64());
    }

    @Test
    void verify_protocolEcdsaExample_acceptsPublishedSignatureWithPublishedKey() throws IOException {
        Map<String, String> example = readExample();
        VerificationKey key = PublicKeys.fromSpki(TestKeys.p256Spki(new BigInteger(example.get("x")), new BigInteger(example.get("y"))));
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, key.algorithm());
        Bytes sig = Bytes.fromBase64(example.get("sig"));
        assertEquals(64, sig.size(), "the example signature is IEEE P1363 r || s");
        DsseEnvelope envelope = new DsseEnvelope(example.get("payloadType"), Bytes.utf8(example.get("payload")),
                List.of(new DsseSignature("", sig)));

        VerifiedEnvelope verified = Dsse.verify(envelope, "http://example.com/HelloWorld", List.of(key), 1);

        assertEquals(List.of(key), verified.verifiedBy());
        assertTrue(SignatureVerifier.isValid(key, envelope.pae(), sig));
    }

    @Test
    void sign_protocolEcdsaExampleKey_reproducesPublishedDeterministicSignature() throws IOException {
        Map<String, String> example = readExample();
        LocalKms kms = LocalKms.inMemory();
        VerificationKey key = kms.importPem(KeyRef.of("example"), TestKeys.p256Pkcs8Pem(new BigInteger(example.get("d"))));
        assertEquals(TestKeys.p256Spki(new BigInteger(example.get("x")), new BigInteger(example.get("y"))), key.spki());

        DsseEnvelope envelope = Dsse.sign(example.get("payloadType"), Bytes.utf8(example.get("payload")),
                List.of(dev.idea.api.EnvelopeSigner.of("", pae -> kms.sign(KeyRef.of("example"), pae))));

        // RFC 6979 nonces make the signature reproducible; the local KMS returns DER, the example r || s.
        assertEquals(example.get("sig"), TestKeys.derToP1363(envelope.signatures().get(0).sig()).base64());
    }

    private static Map<String, String> readExample() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(resource("/dsse/protocol-ecdsa-example.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.split(" ", 2);
                    out.put(kv[0], kv[1]);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static DsseEnvelope envelope(Map<String, Object> json) {
        List<DsseSignature> signatures = new ArrayList<>();
        for (Object s : (List<Object>) json.get("signatures")) {
            Map<String, Object> sig = (Map<String, Object>) s;
            signatures.add(new DsseSignature((String) sig.getOrDefault("keyid", ""), base64Either((String) sig.get("sig"))));
        }
        return new DsseEnvelope((String) json.get("payloadType"), base64Either((String) json.get("payload")), signatures);
    }

    /** DSSE readers must accept standard and URL-safe base64 (protocol.md). */
    private static Bytes base64Either(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        return Bytes.of((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(DsseVectorsTest.class.getResourceAsStream(name), name);
    }

    private static Object readJson(String name) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(resource(name))) {
            parser.nextToken();
            return readValue(parser);
        }
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, readValue(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(parser));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }
}
