package dev.idea.core.dsse;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.VerifiedEnvelope;
import dev.idea.core.internal.crypto.SignatureVerifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs and verifies DSSE v1 envelopes (the DSSE protocol, with t-of-n multi-signature
 * verification).
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: every signature covers {@link DsseEnvelope#pae()}, which binds the
 * payload type to the payload. {@link #verify} trusts only the keys it is given: the {@code keyid}
 * hints merely decide which trusted key to try first, a key counts once however many signatures
 * it made, keys listed twice count once, and signatures by keys outside the trusted set are
 * ignored. The algorithm of each check is the trusted key's, never the envelope's.
 *
 * @see <a href="https://github.com/secure-systems-lab/dsse/blob/master/protocol.md">DSSE protocol</a>
 * @since 0.1
 */
public final class Dsse {

    private Dsse() {
    }

    /**
     * Signs a payload with one or more signers.
     *
     * @param payloadType the payload's media type
     * @param payload the payload bytes
     * @param signers at least one signer; each adds one signature, in this order
     * @return the envelope
     * @throws IllegalArgumentException when {@code signers} is empty
     */
    public static DsseEnvelope sign(String payloadType, Bytes payload, List<EnvelopeSigner> signers) {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signers, "signers");
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("signers is empty; a DSSE envelope needs at least one signature");
        }
        Bytes pae = DsseEnvelope.pae(payloadType, payload);
        List<DsseSignature> signatures = new ArrayList<>(signers.size());
        for (EnvelopeSigner signer : signers) {
            Objects.requireNonNull(signer, "signers contains null");
            Bytes sig = Objects.requireNonNull(signer.sign(pae), () -> "signer " + signer.keyId() + " returned no signature");
            signatures.add(new DsseSignature(signer.keyId(), sig));
        }
        return new DsseEnvelope(payloadType, payload, signatures);
    }

    /**
     * Verifies that at least {@code threshold} distinct trusted keys signed an envelope of the
     * expected type.
     *
     * @param envelope the envelope
     * @param expectedPayloadType the only payload type accepted
     * @param trusted the trusted keys; duplicates (same SPKI) count once
     * @param threshold how many distinct trusted keys must have signed, from 1 to the number of
     *     distinct trusted keys
     * @return the payload and the keys that signed it, in the order of {@code trusted}
     * @throws IllegalArgumentException when the threshold is out of range
     * @throws VerificationException with {@link ErrorCode#PAYLOAD_TYPE_MISMATCH},
     *     {@link ErrorCode#ENVELOPE_MALFORMED} (no signatures) or
     *     {@link ErrorCode#SIGNATURE_THRESHOLD_NOT_MET}; with {@code KEY_INVALID} or
     *     {@code ALGORITHM_UNSUPPORTED} when a trusted key cannot be used
     */
    public static VerifiedEnvelope verify(DsseEnvelope envelope, String expectedPayloadType,
                                          Collection<VerificationKey> trusted, int threshold) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(expectedPayloadType, "expectedPayloadType");
        List<TrustedKey> keys = distinct(trusted);
        if (threshold < 1 || threshold > keys.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " is out of range; it must be between 1 and "
                    + keys.size() + ", the number of distinct trusted keys");
        }
        if (!envelope.payloadType().equals(expectedPayloadType)) {
            throw new VerificationException(ErrorCode.PAYLOAD_TYPE_MISMATCH, "envelope payloadType \""
                    + envelope.payloadType() + "\" is not the expected \"" + expectedPayloadType
                    + "\"; this envelope holds another kind of document");
        }
        if (envelope.signatures().isEmpty()) {
            throw new VerificationException(ErrorCode.ENVELOPE_MALFORMED, "envelope of type \"" + expectedPayloadType
                    + "\" has no signatures; sign it before verifying");
        }
        boolean[] accepted = acceptedKeys(envelope, keys);
        List<VerificationKey> verifiedBy = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (accepted[i]) {
                verifiedBy.add(keys.get(i).key());
            }
        }
        if (verifiedBy.size() < threshold) {
            throw thresholdNotMet(envelope, keys.size(), threshold, verifiedBy);
        }
        return new VerifiedEnvelope(envelope.payloadType(), envelope.payload(), verifiedBy);
    }

    private static List<TrustedKey> distinct(Collection<VerificationKey> trusted) {
        Objects.requireNonNull(trusted, "trusted");
        Map<Bytes, TrustedKey> bySpki = new LinkedHashMap<>();
        for (VerificationKey key : trusted) {
            Objects.requireNonNull(key, "trusted contains null");
            SignatureVerifier.checkUsable(key);
            bySpki.putIfAbsent(key.spki(), new TrustedKey(key, key.keyId()));
        }
        return List.copyOf(bySpki.values());
    }

    /** Marks each trusted key that verifies at least one signature. */
    private static boolean[] acceptedKeys(DsseEnvelope envelope, List<TrustedKey> keys) {
        Bytes pae = envelope.pae();
        boolean[] accepted = new boolean[keys.size()];
        for (DsseSignature signature : envelope.signatures()) {
            int hinted = indexOfKeyId(keys, signature.keyid());
            if (hinted >= 0 && !accepted[hinted] && SignatureVerifier.isValid(keys.get(hinted).key(), pae, signature.sig())) {
                accepted[hinted] = true;
                continue;
            }
            // The hint is unauthenticated: fall back to every key not yet accepted.
            for (int i = 0; i < keys.size(); i++) {
                if (i != hinted && !accepted[i] && SignatureVerifier.isValid(keys.get(i).key(), pae, signature.sig())) {
                    accepted[i] = true;
                    break;
                }
            }
        }
        return accepted;
    }

    private static int indexOfKeyId(List<TrustedKey> keys, String keyid) {
        if (keyid.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).keyId().equals(keyid)) {
                return i;
            }
        }
        return -1;
    }

    private static VerificationException thresholdNotMet(DsseEnvelope envelope, int trustedCount, int threshold,
                                                         List<VerificationKey> verifiedBy) {
        List<String> ids = new ArrayList<>(verifiedBy.size());
        for (VerificationKey key : verifiedBy) {
            ids.add(key.keyId());
        }
        return new VerificationException(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "envelope of type \""
                + envelope.payloadType() + "\" has " + envelope.signatures().size() + " signature(s), of which "
                + verifiedBy.size() + " distinct trusted key(s) verified " + ids + ", but " + threshold + " of the "
                + trustedCount + " trusted keys are needed; collect signatures from more trusted keys or check that"
                + " the signers' keys are in the trust store");
    }

    /** A trusted key with its key id computed once per verification. */
    private record TrustedKey(VerificationKey key, String keyId) {
    }
}
