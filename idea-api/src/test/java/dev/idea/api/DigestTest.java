package dev.idea.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void sha256_ofAbc_isTheFips180Vector() {
        assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Digest.sha256(Bytes.utf8("abc")).toString());
    }

    @Test
    void parse_roundTripsBothAlgorithms() {
        Digest d = Digest.sha256(Bytes.utf8("x"));
        assertEquals(d, Digest.parse(d.toString()));
        Digest d512 = Digest.parse("sha512:" + "ab".repeat(64));
        assertEquals(HashAlgorithm.SHA_512, d512.algorithm());
    }

    @Test
    void parse_malformedText_namesTheProblem() {
        for (String bad : new String[] {"abc", "md5:00", "sha256:ABC", "sha256:" + "0".repeat(63), "sha256:" + "A".repeat(64)}) {
            FormatException e = assertThrows(FormatException.class, () -> Digest.parse(bad), bad);
            assertEquals(ErrorCode.DIGEST_INVALID, e.errorCode(), bad);
        }
    }

    @Test
    void constructor_wrongLength_isRefused() {
        assertThrows(FormatException.class, () -> new Digest(HashAlgorithm.SHA_256, Bytes.of(new byte[31])));
    }
}
