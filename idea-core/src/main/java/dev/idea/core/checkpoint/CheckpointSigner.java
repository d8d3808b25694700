package dev.idea.core.checkpoint;

import dev.idea.api.Bytes;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.NoteKey;
import dev.idea.api.ProviderException;
import dev.idea.spi.kernel.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Signs checkpoints as C2SP signed notes with a KMS-backed key. The key name is the origin.
 *
 * <p>Ed25519 keys make signed-note type 0x01 signatures; ECDSA P-256 keys make type 0x02 signatures
 * (DER, as the KMS returns them, key ID from the SPKI) as transparency-dev/witness does.
 *
 * <p>Thread-safe when the signing key is.
 *
 * <p>Security guarantees: never holds the private key; every note it returns carries exactly one
 * signature, over exactly the checkpoint body it formats.
 */
public final class CheckpointSigner {
    private final String origin;
    private final SigningKey key;
    private final NoteKey noteKey;

    /**
     * Creates a signer.
     *
     * @param origin the log origin, also the key name
     * @param key the KMS-backed key
     */
    public CheckpointSigner(String origin, SigningKey key) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.key = Objects.requireNonNull(key, "key");
        this.noteKey = NoteKey.of(origin, key.publicKey());
    }

    /**
     * Returns the public key verifiers must trust.
     *
     * @return the note key
     */
    public NoteKey noteKey() {
        return noteKey;
    }

    /**
     * Returns the origin line.
     *
     * @return the origin
     */
    public String origin() {
        return origin;
    }

    /**
     * Signs a checkpoint.
     *
     * @param size the tree size
     * @param root the root of that tree
     * @return the signed checkpoint
     * @throws ProviderException with {@link ErrorCode#PROVIDER_FAILURE} when the KMS fails
     */
    public Checkpoint sign(long size, Digest root) {
        String text = CheckpointBody.format(origin, size, root);
        return new Checkpoint(origin, size, root, new SignedNote(text, List.of(signText(text))).format());
    }

    /**
     * Signs a note text with this signer's key, named after the origin.
     *
     * @param text the note text, ending in a newline
     * @return the signature line's content
     * @throws ProviderException with {@link ErrorCode#PROVIDER_FAILURE} when the KMS fails
     */
    public SignedNote.Signature signText(String text) {
        Bytes sig;
        try {
            sig = key.sign(Bytes.of(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IdeaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the KMS failed to sign a checkpoint of " + origin
                    + " (" + e + "); check the KMS and idea.kernel.key-ref", e);
        }
        if (sig == null || sig.isEmpty()) {
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the KMS returned an empty checkpoint signature for "
                    + origin + "; check the KMS and idea.kernel.key-ref");
        }
        return new SignedNote.Signature(origin, Bytes.of(noteKey.keyId()), sig);
    }
}
