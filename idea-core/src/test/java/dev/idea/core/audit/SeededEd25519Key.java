package dev.idea.core.audit;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

/** A fixed Ed25519 key (RFC 8032 section 7.1 test 1) so that a child JVM and the test sign alike. Tests only. */
final class SeededEd25519Key implements SigningKey {
    private static final byte[] SEED = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    private final PrivateKey privateKey;

    SeededEd25519Key() {
        try {
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, SEED));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public VerificationKey publicKey() {
        return new VerificationKey(SignatureAlgorithm.ED25519,
                Bytes.fromHex("302a300506032b6570032100" + HexFormat.of().formatHex(PUBLIC)));
    }

    @Override
    public Bytes sign(Bytes data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data.toByteArray());
            return Bytes.of(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
