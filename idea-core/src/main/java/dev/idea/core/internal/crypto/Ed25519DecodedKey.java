package dev.idea.core.internal.crypto;

import dev.idea.api.SignatureAlgorithm;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032, pure Ed25519) held as BouncyCastle lightweight parameters.
 *
 * <p>Immutable and thread-safe: the parameters hold the decoded point and verification keeps no
 * state. BouncyCastle rejects non-canonical encodings of R and S values not below the group
 * order, so signatures are not malleable.
 */
final class Ed25519DecodedKey implements DecodedKey {
    private final Ed25519PublicKeyParameters key;

    Ed25519DecodedKey(Ed25519PublicKeyParameters key) {
        this.key = key;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }
}
