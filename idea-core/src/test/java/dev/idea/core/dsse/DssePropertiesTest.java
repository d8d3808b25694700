package dev.idea.core.dsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.ErrorCode;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.core.internal.crypto.TestKeys;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tampering with a signed envelope is always detected. */
class DssePropertiesTest {
    private static final String TYPE = "application/vnd.idea.manifest.v1+json";
    private static final LocalKms KMS = LocalKms.inMemory();
    private static final VerificationKey ED = KMS.createKey(KeyRef.of("ed"), SignatureAlgorithm.ED25519);
    private static final VerificationKey EC = KMS.createKey(KeyRef.of("ec"), SignatureAlgorithm.ECDSA_P256_SHA256);

    record Case(SignatureAlgorithm algorithm, byte[] payload, boolean flipPayload, int bitSeed) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(
                Arbitraries.of(SignatureAlgorithm.values()),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(Case::new);
    }

    @Property(tries = 300)
    void verify_anySingleBitFlipOfPayloadOrSignature_refuses(@ForAll("cases") Case c) {
        String ref = c.algorithm() == SignatureAlgorithm.ED25519 ? "ed" : "ec";
        VerificationKey key = c.algorithm() == SignatureAlgorithm.ED25519 ? ED : EC;
        Bytes payload = Bytes.of(c.payload());
        DsseEnvelope signed = Dsse.sign(TYPE, payload, List.of(EnvelopeSigner.of(key.keyId(), pae -> KMS.sign(KeyRef.of(ref), pae))));
        assertEquals(List.of(key), Dsse.verify(signed, TYPE, List.of(ED, EC), 1).verifiedBy());

        DsseEnvelope tampered;
        if (c.flipPayload()) {
            tampered = new DsseEnvelope(TYPE, TestKeys.flipBit(payload, c.bitSeed() % (payload.size() * 8)), signed.signatures());
        } else {
            Bytes sig = signed.signatures().get(0).sig();
            var flipped = new dev.idea.api.DsseSignature(key.keyId(), TestKeys.flipBit(sig, c.bitSeed() % (sig.size() * 8)));
            tampered = new DsseEnvelope(TYPE, payload, List.of(flipped));
        }
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(tampered, TYPE, List.of(ED, EC), 1));
        assertEquals(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, e.errorCode());
    }
}
