package dev.idea.api.governance;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationKey;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * One entry of a {@link TrustStore}: an identity, the one public key it signs with, its roles and the
 * window in which it is trusted.
 *
 * <p>Immutable and thread-safe. {@link #validFrom()} is inclusive and {@link #validUntil()} exclusive;
 * {@link Instant#MIN} and {@link Instant#MAX} mean "no bound". Roles are kept sorted.
 *
 * <p>Security guarantees: the key is pinned to its algorithm ({@link VerificationKey#algorithm()}); a
 * revoked signer, or one outside its window, is never trusted, whatever it signed.
 *
 * @param id the identity, 1-128 of letters, digits and {@code . _ : @ -}; unique in a trust store
 * @param key the public key, unique in a trust store
 * @param roles the roles this signer holds, e.g. {@code approver}, {@code security_officer}
 * @param validFrom first instant at which the signer is trusted
 * @param validUntil first instant at which the signer is no longer trusted; after {@code validFrom}
 * @param revoked whether the signer is revoked
 * @since 0.2
 */
public record TrustedSigner(String id, VerificationKey key, Set<String> roles, Instant validFrom, Instant validUntil,
                            boolean revoked) {

    /**
     * Validates the fields and sorts the roles.
     *
     * @throws ConfigurationException with {@link ErrorCode#TRUST_STORE_INVALID} for a bad id, role
     *     name or an empty validity window
     */
    public TrustedSigner {
        GovernanceChecks.id(id, "signer id", ErrorCode.TRUST_STORE_INVALID);
        Objects.requireNonNull(key, "key");
        SortedSet<String> sorted = GovernanceChecks.roles(roles, "roles of signer \"" + id + "\"", ErrorCode.TRUST_STORE_INVALID);
        roles = Collections.unmodifiableSortedSet(sorted);
        Objects.requireNonNull(validFrom, "validFrom (use Instant.MIN for no lower bound)");
        Objects.requireNonNull(validUntil, "validUntil (use Instant.MAX for no upper bound)");
        if (!validFrom.isBefore(validUntil)) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "signer \"" + id + "\" has valid_from "
                    + validFrom + " not before valid_until " + validUntil + "; the window is empty, fix the dates");
        }
    }

    /**
     * Creates an active signer without time bounds.
     *
     * @param id the identity
     * @param key the key
     * @param roles its roles
     * @return the signer
     */
    public static TrustedSigner of(String id, VerificationKey key, Set<String> roles) {
        return new TrustedSigner(id, key, roles, Instant.MIN, Instant.MAX, false);
    }

    /**
     * Tells whether the instant lies in the validity window.
     *
     * @param instant the instant
     * @return {@code validFrom <= instant < validUntil}
     */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }

    /**
     * Tells whether the signer may be trusted at an instant: not revoked and inside its window.
     *
     * @param instant the instant
     * @return whether it is trusted then
     */
    public boolean trustedAt(Instant instant) {
        return !revoked && validAt(instant);
    }
}
