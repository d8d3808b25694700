package dev.idea.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationKey;
import dev.idea.core.evidence.AuditJsonl;
import dev.idea.spi.storage.Storage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A flipped bit in any per-event signature is detected at its event's index, from storage and from an export. */
class EventSignatureTamperTest {
    private static final int EVENTS = 10;
    private static final Storage SIGNED = EventSignaturesTest.signedLog(EVENTS - 1);
    private static final List<VerificationKey> KEY = List.of(new SeededEd25519Key().publicKey());

    @Property(tries = 150)
    void verify_flippedBitInAnyStoredSignature_reportedAtItsIndex(@ForAll @IntRange(min = 0, max = EVENTS - 1) int k,
                                                                  @ForAll @IntRange(min = 0, max = 511) int bit) {
        try (Storage bad = EventSignaturesTest.copy(SIGNED, e -> EventSignaturesTest.replaceSig(e, k, s -> flipBit(s, bit)))) {
            AuditChainException e = EventSignaturesTest.verifyFails(bad);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains("AUDIT_EVENT_SIGNATURE_INVALID: entry " + k + ":");
        }
    }

    @Property(tries = 100)
    void verifyExport_flippedBitInAnyLineSignature_reportedAtItsIndex(@ForAll @IntRange(min = 0, max = EVENTS - 1) int k,
                                                                      @ForAll @IntRange(min = 0, max = 511) int bit) {
        try (Storage bad = EventSignaturesTest.copy(SIGNED, e -> EventSignaturesTest.replaceSig(e, k, s -> flipBit(s, bit)))) {
            byte[] export = export(bad);
            AuditChainException e = org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class,
                    () -> AuditJsonl.verify(new ByteArrayInputStream(export), List.of(), KEY));
            assertThat(e.getMessage()).contains("AUDIT_EVENT_SIGNATURE_INVALID: entry " + k + ":");
        }
    }

    @Test
    void verifyExport_signedExport_verifiesWithTheKeyAndIsRefusedWithout() {
        byte[] export = export(SIGNED);
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text.split("\n")).hasSize(EVENTS).allSatisfy(line -> assertThat(line).contains("\"sig\":{\"hash\":"));
        assertThat(AuditJsonl.verify(new ByteArrayInputStream(export), List.of(), KEY).eventCount()).isEqualTo(EVENTS);
        AuditChainException e = org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class,
                () -> AuditJsonl.verify(new ByteArrayInputStream(export), List.of()));
        assertThat(e.getMessage()).contains("AUDIT_EVENT_SIGNATURE_INVALID: entry 0:")
                .contains("no key was given");
    }

    @Test
    void verifyExport_signatureRemovedFromALine_reportedAsMissing() {
        String[] lines = new String(export(SIGNED), StandardCharsets.UTF_8).split("\n");
        lines[6] = lines[6].replaceAll(",\"sig\":\\{[^}]*\\}", "");
        byte[] cut = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        AuditChainException e = org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class,
                () -> AuditJsonl.verify(new ByteArrayInputStream(cut), List.of(), KEY));
        assertThat(e.getMessage()).contains("AUDIT_EVENT_SIGNATURE_INVALID: entry 6:")
                .contains("has no signature");
    }

    private static byte[] export(Storage storage) {
        AuditLog log = AuditLog.open(storage, EventSignaturesTest.UNSIGNED, null, EventSignaturesTest.CLOCK);
        EventSignatures.Reader reader = log.signatureReader();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Bytes entry : log.readRaw(0, EVENTS)) {
            AuditEvent event = ChainReplay.decode(0, entry);
            AuditJsonl.writeLine(entry, reader.nextInChain(event), out);
        }
        return out.toByteArray();
    }

    private static Bytes flipBit(Bytes b, int bit) {
        byte[] raw = b.toByteArray();
        raw[(bit / 8) % raw.length] ^= (byte) (1 << (bit % 8));
        return Bytes.of(raw);
    }
}
