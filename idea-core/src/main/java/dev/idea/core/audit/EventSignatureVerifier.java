package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationKey;
import dev.idea.core.internal.crypto.SignatureVerifier;
import java.util.List;
import java.util.Objects;

/**
 * Checks the per-event signatures of a chain during a replay ({@link ChainReplay}): an event inside a
 * signed range ({@link SignedRange}) must have a signature entry, and every signature found, required
 * or not, must verify under a trusted key.
 *
 * <p>Not thread-safe; one instance per replay.
 *
 * <p>Security guarantees: trusts only the keys it is given; an entry's {@code keyid} decides which
 * trusted key to try first, never whether to accept; the signature is checked over the DSSE PAE of
 * {@value EventSigner#PAYLOAD_TYPE} and the exact stored bytes of the event.
 */
public final class EventSignatureVerifier {
    /** Where the signature of each event comes from. */
    @FunctionalInterface
    public interface Source {
        /**
         * Returns the signature entry of an event.
         *
         * @param event the event being replayed
         * @param required whether the chain requires it to be signed (a source may skip the look-up otherwise)
         * @return the entry, or null when there is none
         */
        EventSignature find(AuditEvent event, boolean required);
    }

    private final List<VerificationKey> trusted;
    private final Source source;
    private final SignedRange range = new SignedRange();

    /**
     * Creates a verifier.
     *
     * @param trusted the keys to accept; may be empty when the chain is not expected to be signed
     *     (a signature found is then reported as unverifiable)
     * @param source the signature of each event
     */
    public EventSignatureVerifier(List<VerificationKey> trusted, Source source) {
        this.trusted = List.copyOf(trusted);
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Returns a source that reads the entries of stored events, only where the chain requires them.
     *
     * @param reader a reader of the {@value EventSignatures#LOG_NAME} log
     * @return the source
     */
    public static Source stored(EventSignatures.Reader reader) {
        return (e, required) -> required ? reader.find(e.seq(), e.hash()) : null;
    }

    /**
     * Checks the next event of the replay.
     *
     * @param index the event's index
     * @param stored its stored bytes
     * @param event the decoded event, already checked by the chain rules
     * @throws AuditChainException with {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} naming the index
     *     and the key id when the signature is missing, belongs to another event or does not verify
     */
    public void check(long index, Bytes stored, AuditEvent event) {
        boolean required = range.covers(event);
        EventSignature s = source.find(event, required);
        if (s == null) {
            if (required) {
                throw new AuditChainException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "entry " + index + ": the event "
                        + "must be signed (signing is on since the last audit.signing event) but has no signature: its entry"
                        + " in the " + EventSignatures.LOG_NAME + " log (or its export line's sig) was removed or altered;"
                        + " restore it from a backup");
            }
            return;
        }
        String problem = s.isFor(index, event.hash()) ? problem(stored, s, trusted)
                : "its signature entry is for event " + s.index() + " with hash " + ChainRules.abbreviate(s.eventHash());
        if (problem != null) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "entry " + index + ": " + problem);
        }
    }

    /**
     * Verifies one signature entry over an event's stored bytes.
     *
     * @param stored the event's stored bytes
     * @param s the entry
     * @param trusted the keys to accept
     * @return null when a trusted key verifies it, else what is wrong and how to fix it
     */
    public static String problem(Bytes stored, EventSignature s, List<VerificationKey> trusted) {
        if (trusted.isEmpty()) {
            return "the event is signed (key id " + s.keyid() + ") but no key was given to verify event signatures;"
                    + " pass the audit log's public key";
        }
        Bytes pae = DsseEnvelope.pae(EventSigner.PAYLOAD_TYPE, stored);
        VerificationKey hinted = null;
        for (VerificationKey k : trusted) {
            if (k.keyId().equals(s.keyid())) {
                hinted = k;
                if (SignatureVerifier.isValid(k, pae, s.sig())) {
                    return null;
                }
            }
        }
        for (VerificationKey k : trusted) {
            if (k != hinted && SignatureVerifier.isValid(k, pae, s.sig())) {
                return null;
            }
        }
        if (hinted == null) {
            return "its signature names key id " + s.keyid() + ", which is not trusted, and no trusted key ("
                    + trusted.stream().map(VerificationKey::keyId).toList() + ") verifies it; verify with the key that"
                    + " signed the log (e.g. the previous key after a rotation), or treat the event as forged";
        }
        return "the signature by key id " + s.keyid() + " does not verify over the event's stored bytes: the event or its"
                + " signature was altered; restore the audit and " + EventSignatures.LOG_NAME + " logs from a trusted copy";
    }
}
