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
    /** A checkpoint of the audit log was anchored by the kernel; attributes hold the receipt. */
    ANCHOR("audit.anchor");

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
