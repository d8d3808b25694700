package dev.idea.api.guard;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gate is asked: may this actor, holding these roles, perform this action on this subject
 * now, given the change's risk score and the conditions observed on it?
 *
 * <p>Immutable and thread-safe.
 *
 * @param actor who asks
 * @param roles the actor's roles (e.g. from the identity provider), sorted
 * @param action what the actor wants to do
 * @param subject what it is about, e.g. a manifest or upgrade id
 * @param riskScore the change's risk score, or null when none was computed
 * @param conditions the deny-on conditions that hold for the change
 * @since 0.2
 */
public record GateRequest(String actor, Set<String> roles, GuardAction action, String subject, Double riskScore,
                          Set<DenyCondition> conditions) {

    /** Validates the fields and copies the sets. */
    public GateRequest {
        GuardException.requireText(actor, "actor");
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        Objects.requireNonNull(action, "action");
        GuardException.requireText(subject, "subject");
        if (riskScore != null && (riskScore.isNaN() || riskScore.isInfinite())) {
            throw new IllegalArgumentException("riskScore must be a finite number, got " + riskScore);
        }
        conditions = conditions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(conditions));
    }

    /**
     * Returns a request without risk score or conditions (enough for RBAC and windows).
     *
     * @param actor who asks
     * @param roles the actor's roles
     * @param action the action
     * @param subject what it is about
     * @return the request
     */
    public static GateRequest of(String actor, Set<String> roles, GuardAction action, String subject) {
        return new GateRequest(actor, roles, action, subject, null, Set.of());
    }
}
