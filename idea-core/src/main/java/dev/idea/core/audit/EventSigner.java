package dev.idea.core.audit;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.ProviderException;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.SigningKey;
import java.util.Objects;

/**
 * Signs audit events one by one with the KMS-backed key that signs checkpoints: a DSSE signature
 * over the PAE of {@value #PAYLOAD_TYPE} and the event's stored canonical bytes.
 *
 * <p>Thread-safe when the signing key is.
 *
 * <p>Security guarantees: never holds the private key; the signature covers exactly the bytes stored
 * in the {@code audit} log, bound to the payload type, so it cannot be replayed as a signature of any
 * other IDEA document.
 */
public final class EventSigner {
    /** The DSSE payload type of a signed audit event. */
    public static final String PAYLOAD_TYPE = "application/vnd.idea.audit-event.v1+json";

    private final SigningKey key;
    private final VerificationKey publicKey;
    private final String keyid;

    /**
     * Creates a signer.
     *
     * @param key the KMS-backed key
     */
    public EventSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.publicKey = key.publicKey();
        this.keyid = publicKey.keyId();
    }

    /**
     * Returns the public key verifiers must trust.
     *
     * @return the key
     */
    public VerificationKey publicKey() {
        return publicKey;
    }

    /**
     * Signs one sealed event.
     *
     * @param event the event
     * @param stored its stored canonical bytes
     * @return the signature entry
     * @throws ProviderException with {@link ErrorCode#PROVIDER_FAILURE} when the KMS fails
     */
    public EventSignature sign(AuditEvent event, Bytes stored) {
        Bytes sig;
        try {
            sig = key.sign(DsseEnvelope.pae(PAYLOAD_TYPE, stored));
        } catch (IdeaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the KMS failed to sign audit event " + event.seq()
                    + " (" + e + "); check the KMS and idea.kernel.key-ref, or set idea.audit.event-signatures=false", e);
        }
        if (sig == null || sig.isEmpty()) {
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the KMS returned an empty signature for audit event "
                    + event.seq() + "; check the KMS and idea.kernel.key-ref");
        }
        return new EventSignature(event.seq(), event.hash(), keyid, sig);
    }
}
