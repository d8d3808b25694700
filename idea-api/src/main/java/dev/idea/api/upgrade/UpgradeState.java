package dev.idea.api.upgrade;

/**
 * Where an upgrade stands in its life cycle.
 *
 * <pre>
 * DRAFT --apply (threshold met)--&gt; APPLIED
 * DRAFT --emergencyApply--&gt; PENDING_RATIFICATION --threshold met in window--&gt; RATIFIED
 *                                               --window lapsed--&gt; LAPSED --kernel rollback--&gt; ROLLED_BACK
 * </pre>
 *
 * @since 0.2
 */
public enum UpgradeState {
    /** Drafted by the kernel; collecting approvals. */
    DRAFT,
    /** Applied after the threshold was met. Terminal. */
    APPLIED,
    /** Emergency-applied; the ratification window is open. */
    PENDING_RATIFICATION,
    /** Emergency-applied and ratified inside its window. Terminal. */
    RATIFIED,
    /** The ratification window lapsed unratified; the rollback has not succeeded yet (it is retried). */
    LAPSED,
    /** Rolled back by the kernel after the window lapsed. Terminal. */
    ROLLED_BACK;

    /**
     * Returns whether no further transition can happen.
     *
     * @return true for {@link #APPLIED}, {@link #RATIFIED} and {@link #ROLLED_BACK}
     */
    public boolean isTerminal() {
        return this == APPLIED || this == RATIFIED || this == ROLLED_BACK;
    }

    /**
     * Returns whether {@link Upgrades#reconcile()} still has work to do for this state.
     *
     * @return true for {@link #PENDING_RATIFICATION} and {@link #LAPSED}
     */
    public boolean awaitsReconcile() {
        return this == PENDING_RATIFICATION || this == LAPSED;
    }
}
