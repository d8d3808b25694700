package dev.idea.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kms.KeyRef;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class LocalKmsPropertiesTest {
    private static final LocalKms KMS = LocalKms.inMemory();
    private static final VerificationKey ED = KMS.createKey(KeyRef.of("ed"), SignatureAlgorithm.ED25519);
    private static final VerificationKey EC = KMS.createKey(KeyRef.of("ec"), SignatureAlgorithm.ECDSA_P256_SHA256);

    @Property(tries = 100)
    void sign_anyData_verifiesWithJdkAndNotForOtherData(@ForAll @Size(max = 512) byte[] data, @ForAll boolean ed) throws Exception {
        VerificationKey key = ed ? ED : EC;
        KeyRef ref = KeyRef.of(ed ? "ed" : "ec");
        Bytes sig = KMS.sign(ref, Bytes.of(data));
        assertTrue(LocalKmsTest.jdkVerify(key, Bytes.of(data), sig));
        byte[] other = java.util.Arrays.copyOf(data, data.length + 1);
        assertFalse(LocalKmsTest.jdkVerify(key, Bytes.of(other), sig));
        assertEquals(sig, KMS.sign(ref, Bytes.of(data)), "both algorithms are deterministic");
    }
}
