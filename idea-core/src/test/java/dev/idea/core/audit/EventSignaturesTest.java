package dev.idea.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.core.FailingStorage;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Per-event signatures: written before their events, required from the audit.signing switch on, checked by replay. */
class EventSignaturesTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final AuditSettings SIGNED = new AuditSettings("sig.test/audit", 5, null, false, true);
    static final AuditSettings UNSIGNED = new AuditSettings("sig.test/audit", 5, null, false, false);

    static Storage memory() {
        return new InMemoryStorageProvider().open(new StorageContext(Map.of(), null, CLOCK));
    }

    static AuditLog open(Storage s, AuditSettings settings, SigningKey key) {
        return AuditLog.open(s, settings, new CheckpointSigner(settings.origin(), key), new EventSigner(key), CLOCK);
    }

    static void append(AuditLog log, int events) {
        for (int i = 0; i < events; i++) {
            log.append(List.of(new EventDraft(T0.plusSeconds(i), AuditEventType.SUBMIT, "alice", "mf-" + i, null, null,
                    Map.of("i", Integer.toString(i)))), c -> { });
        }
    }

    /** A signed log of one switch event and {@code events} more. */
    static Storage signedLog(int events) {
        Storage s = memory();
        append(open(s, SIGNED, new SeededEd25519Key()), events);
        return s;
    }

    /** Copies the event, checkpoint and signature logs (the tree is rebuilt on open), rewriting the signature entries. */
    static Storage copy(Storage from, UnaryOperator<List<Bytes>> signatures) {
        Storage to = memory();
        for (String name : List.of(AuditLog.LOG_NAME, Checkpoints.LOG_NAME, EventSignatures.LOG_NAME)) {
            AppendLog source = from.log(name);
            List<Bytes> entries = source.size() == 0 ? List.of() : source.read(0, (int) source.size());
            if (name.equals(EventSignatures.LOG_NAME)) {
                entries = signatures.apply(new ArrayList<>(entries));
            }
            if (!entries.isEmpty()) {
                to.log(name).append(0, entries);
            }
        }
        return to;
    }

    static AuditChainException verifyFails(Storage s) {
        AuditLog log = open(s, SIGNED, new SeededEd25519Key());
        return org.junit.jupiter.api.Assertions.assertThrows(AuditChainException.class, log::verify);
    }

    @Test
    void open_signaturesOn_recordsTheSwitchAndSignsEveryEvent() {
        try (Storage s = signedLog(6)) {
            AuditLog log = open(s, SIGNED, new SeededEd25519Key());
            AuditEvent first = log.read(0, 1).get(0);
            assertThat(first.type()).isEqualTo(AuditEventType.AUDIT_SIGNING);
            assertThat(first.attributes()).containsEntry("state", "on").containsEntry("payloadType", EventSigner.PAYLOAD_TYPE);
            assertThat(s.log(EventSignatures.LOG_NAME).size()).isEqualTo(7);
            assertThat(log.verify().eventCount()).isEqualTo(7);
        }
    }

    @Test
    void open_signaturesOff_writesNoSignatureAndNoSwitch() {
        try (Storage s = memory()) {
            AuditLog log = open(s, UNSIGNED, new SeededEd25519Key());
            append(log, 3);
            assertThat(s.log(EventSignatures.LOG_NAME).size()).isZero();
            assertThat(log.read(0, 3)).extracting(AuditEvent::type).containsOnly(AuditEventType.SUBMIT);
            assertThat(log.verify().eventCount()).isEqualTo(3);
        }
    }

    @Test
    void open_onThenOffThenOn_requiresSignaturesOnlyInsideTheSignedRanges() {
        try (Storage s = memory()) {
            append(open(s, UNSIGNED, new SeededEd25519Key()), 2);
            append(open(s, SIGNED, new SeededEd25519Key()), 2);
            append(open(s, UNSIGNED, new SeededEd25519Key()), 2);
            AuditLog log = open(s, SIGNED, new SeededEd25519Key());
            append(log, 1);
            // 2 unsigned, on + 2, off, 2 unsigned, on + 1
            assertThat(log.size()).isEqualTo(10);
            assertThat(s.log(EventSignatures.LOG_NAME).size()).isEqualTo(6);
            assertThat(log.verify().eventCount()).isEqualTo(10);
        }
    }

    @Test
    void open_signaturesOnWithoutKey_failsNamingTheSetting() {
        try (Storage s = memory()) {
            assertThatThrownBy(() -> AuditLog.open(s, SIGNED, null, null, CLOCK)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("idea.kernel.key-ref").hasMessageContaining(AuditSettings.EVENT_SIGNATURES);
        }
    }

    @Test
    void verify_tamperedSignatureAtK_reportedAtK() {
        try (Storage s = signedLog(6); Storage bad = copy(s, e -> replaceSig(e, 4, sig -> flip(sig, 7)))) {
            AuditChainException e = verifyFails(bad);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains("entry 4:").contains("key id " + new SeededEd25519Key().publicKey().keyId())
                    .contains("restore");
        }
    }

    @Test
    void verify_signatureByAnotherKey_reportedWithItsKeyId() {
        SigningKey other = new OtherEd25519Key();
        try (Storage s = memory()) {
            append(open(s, SIGNED, other), 2);
            AuditChainException e = verifyFails(s);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains("entry 0:").contains(other.publicKey().keyId()).contains("not trusted");
        }
    }

    @Test
    void verify_missingSignature_reportedAtItsEvent() {
        try (Storage s = signedLog(6); Storage bad = copy(s, e -> {
            e.remove(3);
            return e;
        })) {
            AuditChainException e = verifyFails(bad);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID);
            assertThat(e.getMessage()).contains("entry 3:").contains("has no signature");
        }
    }

    @Test
    void verify_signatureMovedToAnotherEvent_reportedAtTheFirstEventWithoutItsOwn() {
        try (Storage s = signedLog(6); Storage bad = copy(s, e -> {
            e.set(2, e.get(3));
            return e;
        })) {
            AuditChainException e = verifyFails(bad);
            assertThat(e.getMessage()).startsWith(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID.code()).contains("entry 2:");
        }
    }

    @Test
    void open_signatureLogLostItsTail_failsNamingTheFirstUnsignedEvent() {
        try (Storage s = signedLog(6); Storage bad = copy(s, e -> e.subList(0, 5))) {
            assertThatThrownBy(() -> open(bad, SIGNED, new SeededEd25519Key())).isInstanceOf(AuditChainException.class)
                    .hasMessageStartingWith(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID.code()).hasMessageContaining("entry 5:")
                    .hasMessageContaining("restore the " + EventSignatures.LOG_NAME);
        }
    }

    @Test
    void append_crashBetweenSignatureAndEventAppend_reopensAndKeepsEveryAcknowledgedEvent() {
        try (Storage s = signedLog(3)) {
            AtomicBoolean failEvents = new AtomicBoolean();
            AuditLog log = open(new FailingStorage(s, name -> name.equals(AuditLog.LOG_NAME) && failEvents.get()), SIGNED,
                    new SeededEd25519Key());
            failEvents.set(true);
            assertThatThrownBy(() -> append(log, 1)).isInstanceOf(StorageException.class);
            assertThat(s.log(EventSignatures.LOG_NAME).size()).isEqualTo(5);
            assertThat(s.log(AuditLog.LOG_NAME).size()).isEqualTo(4);

            AuditLog reopened = open(s, SIGNED, new SeededEd25519Key());
            assertThat(reopened.size()).isEqualTo(4);
            assertThat(reopened.verify().eventCount()).isEqualTo(4);
            append(reopened, 2);
            assertThat(reopened.verify().eventCount()).isEqualTo(6);
            assertThat(open(s, SIGNED, new SeededEd25519Key()).verify().eventCount()).isEqualTo(6);
        }
    }

    static List<Bytes> replaceSig(List<Bytes> entries, int at, UnaryOperator<Bytes> change) {
        EventSignature s = EventSignature.parse(at, entries.get(at));
        entries.set(at, new EventSignature(s.index(), s.eventHash(), s.keyid(), change.apply(s.sig())).toJson());
        return entries;
    }

    static Bytes flip(Bytes b, int position) {
        byte[] raw = b.toByteArray();
        raw[position % raw.length] ^= 0x01;
        return Bytes.of(raw);
    }
}
