package dev.idea.api.governance;

/**
 * Why an approval was not counted.
 *
 * <p>Checks run in the order of the constants below; an approval is reported with the first that
 * applies. There is no reason for "one key under two ids": a {@link TrustStore} that registers a key
 * twice is refused when it is built ({@code TRUST_STORE_KEY_REUSED}), so every trusted key has
 * exactly one identity and counting distinct identities counts distinct keys.
 *
 * @since 0.2
 */
public enum RefusalReason {
    /** The envelope is not an approval (wrong payload type) or its statement cannot be decoded. */
    MALFORMED,
    /** The approver id is not in the trust store. */
    UNKNOWN_SIGNER,
    /** No signature in the envelope verifies with the approver's registered key. */
    BAD_SIGNATURE,
    /** The approval is for another manifest (a replay). */
    OTHER_MANIFEST,
    /** The approver's key is revoked in the trust store. */
    REVOKED_KEY,
    /** The approval was issued, or is evaluated, outside the approver's validity window. */
    OUTSIDE_VALIDITY,
    /** The approval's issue time lies after the evaluation time. */
    NOT_YET_VALID,
    /** The approval's expiry has passed. */
    EXPIRED,
    /** None of the approver's roles may approve changes of this impact. */
    MISSING_ROLE,
    /** The approver already has a later valid statement (or an identical one) that decides instead. */
    DUPLICATE_APPROVER,
    /** The approver's deciding statement is a rejection. */
    REJECTED
}
