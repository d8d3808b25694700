package dev.idea.api.guard;

import dev.idea.api.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the guard enforces: who may do what, when changes may be applied, and which changes are too
 * risky.
 *
 * <ul>
 *   <li>{@code permissions}: role to the actions it allows; an actor may act when one of its roles
 *       allows the action (RBAC). Applies to every action.</li>
 *   <li>{@code windows}, {@code oneTimeWindows}, {@code freezes}: apply to {@link GuardAction#APPLY}
 *       only. An instant in a freeze period is denied, whatever window it is in. When the policy has
 *       at least one recurring or one-time window, an instant outside all of them is denied; with
 *       none, applying is allowed at any time outside freezes.</li>
 *   <li>{@code maxRiskScore} ({@code max_score}) and {@code denyOn}: apply to the actions that
 *       concern a change (SUBMIT, APPROVE, APPLY). With a threshold, a request without a score is
 *       denied.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param permissions role to allowed actions, sorted by role
 * @param windows recurring maintenance windows
 * @param oneTimeWindows dated maintenance windows
 * @param freezes dated freeze periods
 * @param maxRiskScore highest acceptable risk score, or null for no threshold
 * @param denyOn conditions that deny a change
 * @since 0.2
 */
public record GuardPolicy(Map<String, Set<GuardAction>> permissions, List<MaintenanceWindow> windows,
                          List<CalendarPeriod> oneTimeWindows, List<CalendarPeriod> freezes, Double maxRiskScore,
                          Set<DenyCondition> denyOn) {

    /**
     * Property naming a guard policy file (YAML or JSON, format in {@code docs/governance-upgrade.md},
     * "Guard policy file") that {@link dev.idea.api.Idea#guard()} applies.
     *
     * @since 0.2
     */
    public static final String PROPERTY = "idea.guard.policy";

    /** Validates the threshold and copies every collection. */
    public GuardPolicy {
        Map<String, Set<GuardAction>> sorted = new TreeMap<>();
        permissions.forEach((role, actions) -> {
            if (role == null || role.isBlank()) {
                throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "a permission names a blank role; name every role");
            }
            sorted.put(role, actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions)));
        });
        permissions = Collections.unmodifiableMap(sorted);
        windows = List.copyOf(windows);
        oneTimeWindows = List.copyOf(oneTimeWindows);
        freezes = List.copyOf(freezes);
        if (maxRiskScore != null && (maxRiskScore.isNaN() || maxRiskScore.isInfinite() || maxRiskScore < 0)) {
            throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "max_score " + maxRiskScore
                    + " must be a finite number >= 0; leave it unset for no risk threshold");
        }
        denyOn = denyOn.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(denyOn));
    }

    /**
     * Starts building a policy.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the roles that allow an action, sorted.
     *
     * @param action the action
     * @return the roles
     */
    public List<String> rolesAllowing(GuardAction action) {
        List<String> roles = new ArrayList<>();
        permissions.forEach((role, actions) -> {
            if (actions.contains(action)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /**
     * Builds a {@link GuardPolicy}; each setter checks its argument at once. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final Map<String, Set<GuardAction>> permissions = new TreeMap<>();
        private final List<MaintenanceWindow> windows = new ArrayList<>();
        private final List<CalendarPeriod> oneTimeWindows = new ArrayList<>();
        private final List<CalendarPeriod> freezes = new ArrayList<>();
        private final Set<DenyCondition> denyOn = EnumSet.noneOf(DenyCondition.class);
        private Double maxRiskScore;

        private Builder() {
        }

        /**
         * Allows a role some actions (adds to what it already allows).
         *
         * @param role the role, e.g. {@code release-manager}
         * @param actions the actions
         * @return this builder
         */
        public Builder allow(String role, GuardAction... actions) {
            Objects.requireNonNull(role, "role");
            if (role.isBlank()) {
                throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "role must not be blank");
            }
            Set<GuardAction> set = permissions.computeIfAbsent(role, r -> EnumSet.noneOf(GuardAction.class));
            for (GuardAction a : actions) {
                set.add(Objects.requireNonNull(a, "action"));
            }
            return this;
        }

        /**
         * Adds a recurring maintenance window.
         *
         * @param window the window
         * @return this builder
         */
        public Builder window(MaintenanceWindow window) {
            windows.add(Objects.requireNonNull(window, "window"));
            return this;
        }

        /**
         * Adds a one-time maintenance window.
         *
         * @param period the window
         * @return this builder
         */
        public Builder oneTimeWindow(CalendarPeriod period) {
            oneTimeWindows.add(Objects.requireNonNull(period, "period"));
            return this;
        }

        /**
         * Adds a freeze period.
         *
         * @param period the freeze
         * @return this builder
         */
        public Builder freeze(CalendarPeriod period) {
            freezes.add(Objects.requireNonNull(period, "period"));
            return this;
        }

        /**
         * Sets the risk threshold ({@code max_score}).
         *
         * @param value a finite score &gt;= 0
         * @return this builder
         */
        public Builder maxRiskScore(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
                throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "max_score " + value + " must be a finite number >= 0");
            }
            maxRiskScore = value;
            return this;
        }

        /**
         * Adds deny-on conditions.
         *
         * @param conditions the conditions
         * @return this builder
         */
        public Builder denyOn(DenyCondition... conditions) {
            for (DenyCondition c : conditions) {
                denyOn.add(Objects.requireNonNull(c, "condition"));
            }
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public GuardPolicy build() {
            return new GuardPolicy(permissions, windows, oneTimeWindows, freezes, maxRiskScore, denyOn);
        }
    }
}
