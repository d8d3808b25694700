package dev.idea.core.checkpoint;

import dev.idea.api.Bytes;
import dev.idea.api.Checkpoint;
import dev.idea.api.ErrorCode;
import dev.idea.api.NoteKey;
import dev.idea.api.VerificationException;
import dev.idea.api.WitnessPolicy;
import dev.idea.core.internal.crypto.SignatureVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies signed notes and checkpoints against trusted keys.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: follows c2sp.org/signed-note: a signature line matches a trusted key only
 * when both its name and key ID match; every matching line must verify (one bad signature by a known
 * key rejects the note); at least one trusted log key must have signed; lines of unknown keys are
 * ignored. Witness cosignatures count once per distinct trusted witness key.
 */
public final class CheckpointVerifier {
    private CheckpointVerifier() {
    }

    /**
     * Verifies a signed note against trusted keys and returns the verified text.
     *
     * @param note the signed note
     * @param trusted the trusted keys of type ED25519 or ECDSA
     * @return the parsed, verified note
     * @throws VerificationException with {@link ErrorCode#CHECKPOINT_MALFORMED},
     *     {@link ErrorCode#CHECKPOINT_SIGNATURE_INVALID} or {@link ErrorCode#CHECKPOINT_UNTRUSTED}
     */
    public static SignedNote verifyNote(String note, List<NoteKey> trusted) {
        SignedNote parsed = SignedNote.parse(note);
        Bytes text = Bytes.of(parsed.text().getBytes(StandardCharsets.UTF_8));
        int verified = 0;
        for (SignedNote.Signature s : parsed.signatures()) {
            for (NoteKey k : trusted) {
                if (k.type() != NoteKey.Type.COSIGNATURE_V1 && matches(s, k)) {
                    if (!SignatureVerifier.isValid(k.key(), text, s.signature())) {
                        throw new VerificationException(ErrorCode.CHECKPOINT_SIGNATURE_INVALID, "the signature of key \""
                                + k.name() + "+" + s.keyId().hex() + "\" does not verify over the note text; the note was "
                                + "altered or signed by another key with the same name and key ID");
                    }
                    verified++;
                }
            }
        }
        if (verified == 0) {
            throw new VerificationException(ErrorCode.CHECKPOINT_UNTRUSTED, "none of the " + parsed.signatures().size()
                    + " signatures " + names(parsed) + " comes from a trusted key " + trustedNames(trusted)
                    + "; trust the log's key (name and key ID) or use a checkpoint it signed");
        }
        return parsed;
    }

    /**
     * Verifies a checkpoint: the log's signature, its body, and the witness policy.
     *
     * @param note the signed checkpoint
     * @param logKeys the trusted log keys
     * @param policy the witness policy
     * @return the checkpoint
     * @throws VerificationException as {@link #verifyNote}, or with
     *     {@link ErrorCode#WITNESS_QUORUM_NOT_MET}
     */
    public static Checkpoint verify(String note, List<NoteKey> logKeys, WitnessPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        SignedNote parsed = verifyNote(note, logKeys);
        CheckpointBody.Parsed body = CheckpointBody.parse(parsed.text());
        int cosigned = countCosignatures(parsed, policy.witnesses());
        if (cosigned < policy.threshold()) {
            throw new VerificationException(ErrorCode.WITNESS_QUORUM_NOT_MET, "checkpoint " + body.origin() + " at size "
                    + body.size() + " has valid cosignatures from " + cosigned + " of the " + policy.witnesses().size()
                    + " trusted witnesses; the policy needs " + policy.threshold());
        }
        return new Checkpoint(body.origin(), body.size(), body.root(), note);
    }

    private static int countCosignatures(SignedNote note, List<NoteKey> witnesses) {
        Set<String> counted = new HashSet<>();
        for (SignedNote.Signature s : note.signatures()) {
            for (NoteKey w : witnesses) {
                if (!matches(s, w)) {
                    continue;
                }
                if (s.signature().size() != 8 + 64) {
                    throw new VerificationException(ErrorCode.CHECKPOINT_SIGNATURE_INVALID, "cosignature of witness \""
                            + w.name() + "\" is " + s.signature().size() + " bytes; cosignature/v1 is 8 + 64 bytes");
                }
                long timestamp = ByteBuffer.wrap(s.signature().toByteArray(), 0, 8).getLong();
                if (timestamp < 0) {
                    throw new VerificationException(ErrorCode.CHECKPOINT_SIGNATURE_INVALID, "cosignature of witness \""
                            + w.name() + "\" has a timestamp above 2^63 - 1");
                }
                Bytes sig = Bytes.of(s.signature().toByteArray(), 8, 64);
                if (!SignatureVerifier.isValid(w.key(), Cosignatures.message(timestamp, note.text()), sig)) {
                    throw new VerificationException(ErrorCode.CHECKPOINT_SIGNATURE_INVALID, "cosignature of witness \""
                            + w.name() + "\" does not verify over the checkpoint; it was altered or made for another checkpoint");
                }
                counted.add(w.verifierKey());
            }
        }
        return counted.size();
    }

    private static boolean matches(SignedNote.Signature s, NoteKey k) {
        return s.name().equals(k.name()) && Arrays.equals(s.keyId().toByteArray(), k.keyId());
    }

    private static String names(SignedNote note) {
        return note.signatures().stream().map(SignedNote.Signature::name).toList().toString();
    }

    private static String trustedNames(List<NoteKey> keys) {
        return keys.stream().filter(k -> k.type() != NoteKey.Type.COSIGNATURE_V1).map(k -> k.name() + "+"
                + Bytes.of(k.keyId()).hex()).toList().toString();
    }
}
