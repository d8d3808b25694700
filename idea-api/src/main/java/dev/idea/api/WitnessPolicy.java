package dev.idea.api;

import java.util.List;
import java.util.Objects;

/**
 * A k-of-n witness policy: a checkpoint is accepted only with valid cosignatures (cosignature/v1)
 * from at least {@code threshold} distinct witnesses of the list.
 *
 * @param threshold k, from 0 to the number of witnesses; 0 requires no cosignature
 * @param witnesses the n trusted witness keys, of type {@link NoteKey.Type#COSIGNATURE_V1}
 * @since 0.2
 */
public record WitnessPolicy(int threshold, List<NoteKey> witnesses) {

    /** Validates the threshold and the key types and copies the list. */
    public WitnessPolicy {
        witnesses = List.copyOf(witnesses);
        if (threshold < 0 || threshold > witnesses.size()) {
            throw new IllegalArgumentException("witness threshold must be 0.." + witnesses.size() + ", got " + threshold);
        }
        for (NoteKey k : witnesses) {
            if (k.type() != NoteKey.Type.COSIGNATURE_V1) {
                throw new IllegalArgumentException("witness key \"" + k.name() + "\" must be of type COSIGNATURE_V1, got " + k.type());
            }
        }
        Objects.requireNonNull(witnesses, "witnesses");
    }

    /**
     * Returns the policy that needs no witness.
     *
     * @return 0-of-0
     */
    public static WitnessPolicy none() {
        return new WitnessPolicy(0, List.of());
    }
}
