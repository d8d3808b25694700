package dev.idea.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DsseEnvelopeTest {

    /** The PAE example of the DSSE protocol (secure-systems-lab/dsse, protocol.md). */
    @Test
    void pae_protocolExample_matchesByteForByte() {
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                DsseEnvelope.pae("http://example.com/HelloWorld", Bytes.utf8("hello world")).utf8String());
    }

    @Test
    void pae_countsBytesNotCharacters() {
        assertEquals(Bytes.utf8("DSSEv1 4 t\u20ac 2 \u00e9"), DsseEnvelope.pae("t\u20ac", Bytes.utf8("\u00e9")));
        assertEquals(Bytes.utf8("DSSEv1 0  0 "), DsseEnvelope.pae("", Bytes.empty()));
    }

    @Test
    void envelope_copiesItsSignatureList() {
        var signatures = new java.util.ArrayList<>(List.of(new DsseSignature("k", Bytes.of((byte) 1))));
        DsseEnvelope e = new DsseEnvelope("t", Bytes.empty(), signatures);
        signatures.clear();
        assertEquals(1, e.signatures().size());
    }
}
