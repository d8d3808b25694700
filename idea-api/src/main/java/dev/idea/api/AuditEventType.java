package dev.idea.api;

/**
 * The state changes that produce audit events.
 *
 * @since 0.1
 */
public enum AuditEventType {
    /** A package was submitted. */
    SUBMIT("submit"),
    /** A package was validated; the payload digest is the validation report's. */
    VALIDATE("validate"),
    /** A manifest was created; the payload digest is the manifest digest. */
    MANIFEST_CREATE("manifest.create"),
    /** The kernel signed a manifest; the event carries the manifestSignatureId. */
    SIGN("manifest.sign"),
    /** The kernel created an upgrade draft for a HIGH or CRITICAL manifest; the payload digest is the manifest digest. */
    UPGRADE_DRAFT("upgrade.draft"),
    /** An approval of an upgrade counted towards its threshold; the payload digest is the approval statement's. */
    APPROVAL_COUNTED("approval.counted"),
    /** An approval of an upgrade did not count; the {@code reason} attribute says why. */
    APPROVAL_REFUSED("approval.refused"),
    /** An upgrade was applied after its threshold was met and the kernel reported the applied record. */
    UPGRADE_APPLY("upgrade.apply"),
    /** An upgrade was applied without its threshold and a ratification window opened. */
    UPGRADE_EMERGENCY_APPLY("upgrade.emergency-apply"),
    /** An emergency-applied upgrade met its threshold inside the ratification window. */
    UPGRADE_RATIFIED("upgrade.ratify"),
    /** An emergency-applied upgrade's ratification window closed without the threshold. */
    UPGRADE_LAPSED("upgrade.lapse"),
    /** The kernel rolled back an upgrade whose ratification window lapsed. */
    UPGRADE_ROLLED_BACK("upgrade.rollback"),
    /** The guard decided whether an action may proceed; the attributes list every reason. */
    GATE_DECISION("gate.decision"),
    /** A checkpoint of the audit log was anchored by the kernel; attributes hold the receipt. */
    ANCHOR("audit.anchor"),
    /**
     * Per-event signatures of the audit log were switched on ({@code state=on}: this event and every
     * later one are signed) or off ({@code state=off}: this event is the last one signed).
     */
    AUDIT_SIGNING("audit.signing"),
    /**
     * A newer trust store version was accepted and persisted as the high-water mark; the payload digest is
     * the SHA-256 of its {@code trust_store.json}; attributes {@code version}, {@code digest}, {@code source}
     * and, for a rotation, {@code previousVersion} and {@code previousDigest}.
     */
    TRUST_STORE_ACCEPTED("trust-store.accept");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name written into events, e.g. {@code manifest.create}.
     *
     * @return the stable name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds a type by its stable name.
     *
     * @param wireName e.g. {@code submit}
     * @return the type
     * @throws FormatException with {@link ErrorCode#AUDIT_EVENT_MALFORMED} for an unknown name
     */
    public static AuditEventType ofWireName(String wireName) {
        for (AuditEventType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new FormatException(ErrorCode.AUDIT_EVENT_MALFORMED, "unknown audit event type \"" + wireName + "\"");
    }
}
