package dev.idea.core.audit;

import dev.idea.api.AuditEventType;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Brings an audit log's per-event signing in line with {@link AuditSettings#EVENT_SIGNATURES} on open:
 * a switch is recorded in the chain itself by a signed {@code audit.signing} event, so that replay
 * knows which events must be signed and a removed signature cannot pass for signing having been off.
 */
final class EventSigningSwitch {
    private EventSigningSwitch() {
    }

    /**
     * Reads the stored state and records a switch when the setting differs. Without a key and with the
     * setting off, nothing is read or recorded: appends are unsigned (a reader, or an engine without
     * KMS; should the chain be signing, its replay with the key then fails at the first unsigned event).
     *
     * @return the signer appends must use, or null when events are not signed
     */
    static EventSigner apply(AuditLog audit, EventSignatures signatures, AuditSettings settings, EventSigner key,
                             Clock clock) {
        boolean wanted = settings.eventSignatures();
        if (key == null) {
            if (wanted) {
                throw keyMissing("sign audit events", "or set " + AuditSettings.EVENT_SIGNATURES + "=false");
            }
            return null;
        }
        boolean on = signatures.signingNow(audit.size(), i -> audit.read(i, 1).get(0));
        if (wanted == on) {
            return on ? key : null;
        }
        audit.signEventsWith(key);
        audit.append(List.of(new EventDraft(clock.instant(), AuditEventType.AUDIT_SIGNING, "idea", settings.origin(), null,
                null, Map.of(SignedRange.STATE, wanted ? SignedRange.ON : SignedRange.OFF, "keyid", key.publicKey().keyId(),
                "payloadType", EventSigner.PAYLOAD_TYPE))), c -> { });
        return wanted ? key : null;
    }

    private static ConfigurationException keyMissing(String what, String alternative) {
        return new ConfigurationException(ErrorCode.CONFIG_INVALID, "cannot " + what + ": no KMS signing key is "
                + "configured; set Idea.builder().kms(...) and idea.kernel.key-ref " + alternative);
    }
}
