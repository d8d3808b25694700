package dev.idea.core.internal.crypto;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import java.util.Objects;

/**
 * Verifies Ed25519 and ECDSA P-256/SHA-256 signatures with a {@link VerificationKey}.
 *
 * <p>Thread-safe. Decoded keys are cached by SPKI bytes (at most
 * {@value DecodedKeyCache#DEFAULT_MAX_ENTRIES} of them), so each distinct key is parsed once.
 *
 * <p>Security guarantees: the algorithm comes from the key only, never from the message or the
 * signature; a key whose SPKI does not hold a key of its declared algorithm is refused. Ed25519 is
 * pure RFC 8032 Ed25519 with canonical-encoding checks; ECDSA accepts strict DER and 64-byte IEEE
 * P1363 signatures over SHA-256 of the message.
 *
 * @since 0.1
 */
public final class SignatureVerifier {
    private static final DecodedKeyCache CACHE = new DecodedKeyCache(DecodedKeyCache.DEFAULT_MAX_ENTRIES, SpkiDecoder::decode);

    private SignatureVerifier() {
    }

    /**
     * Tells whether a signature is valid.
     *
     * @param key the key, whose algorithm decides how to verify
     * @param message the signed bytes
     * @param signature the signature
     * @return true when it verifies; false for any wrong or malformed signature
     * @throws VerificationException with {@code KEY_INVALID} or {@code ALGORITHM_UNSUPPORTED} when
     *     the key itself is unusable (a configuration error, not a bad signature)
     */
    public static boolean isValid(VerificationKey key, Bytes message, Bytes signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        DecodedKey decoded = decoded(key);
        return decoded.verify(message.toByteArray(), signature.toByteArray());
    }

    /**
     * Verifies a signature and throws when it is not valid.
     *
     * @param key the key, whose algorithm decides how to verify
     * @param message the signed bytes
     * @param signature the signature
     * @throws VerificationException with {@code SIGNATURE_INVALID} naming the key id when the
     *     signature does not verify, or as {@link #isValid}
     */
    public static void verify(VerificationKey key, Bytes message, Bytes signature) {
        if (!isValid(key, message, signature)) {
            throw new VerificationException(ErrorCode.SIGNATURE_INVALID, key.algorithm().id() + " signature " + signature
                    + " over " + message.size() + " bytes does not verify with key " + key.keyId()
                    + "; the data was changed, or it was signed with another key");
        }
    }

    /**
     * Checks that a key decodes and holds a key of its declared algorithm, without verifying
     * anything; use it to reject a bad trust store before any signature is looked at.
     *
     * @param key the key
     * @throws VerificationException with {@code KEY_INVALID} or {@code ALGORITHM_UNSUPPORTED}
     */
    public static void checkUsable(VerificationKey key) {
        decoded(Objects.requireNonNull(key, "key"));
    }

    static DecodedKey decode(Bytes spki) {
        return CACHE.get(spki);
    }

    private static DecodedKey decoded(VerificationKey key) {
        DecodedKey decoded = CACHE.get(key.spki());
        if (decoded.algorithm() != key.algorithm()) {
            throw new VerificationException(ErrorCode.ALGORITHM_UNSUPPORTED, "key " + key.keyId() + " is declared as "
                    + key.algorithm().id() + " but its SubjectPublicKeyInfo holds a " + decoded.algorithm().id()
                    + " key; build the key with PublicKeys.fromSpki so the algorithm matches");
        }
        return decoded;
    }
}
