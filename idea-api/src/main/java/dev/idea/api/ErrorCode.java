package dev.idea.api;

/**
 * Stable identifiers for every failure IDEA reports.
 *
 * <p>Each constant has a code of the form {@code IDEA-NNNN} that never changes between releases and
 * is documented in {@code docs/error-codes.md}, with its cause and the usual fix. Host applications
 * should branch on the constant (or its code), never on message text.
 *
 * @since 0.1
 */
public enum ErrorCode {
    // 1xxx: input formats
    /** The input is not well-formed JSON. */
    JSON_MALFORMED("IDEA-1001", "input is not well-formed JSON"),
    /** A JSON object has the same member name twice. */
    JSON_DUPLICATE_KEY("IDEA-1002", "a JSON object repeats a member name"),
    /** A JSON string holds an unpaired UTF-16 surrogate. */
    JSON_LONE_SURROGATE("IDEA-1003", "a JSON string holds an unpaired surrogate"),
    /** The input is not valid UTF-8. */
    JSON_INVALID_UTF8("IDEA-1004", "input is not valid UTF-8"),
    /** A number is NaN, infinite or outside the IEEE 754 double range. */
    JSON_NUMBER_OUT_OF_RANGE("IDEA-1005", "a JSON number is not a finite IEEE 754 double"),
    /** The document nests deeper than the configured limit. */
    JSON_TOO_DEEP("IDEA-1006", "JSON nesting exceeds the configured depth limit"),
    /** The document, or one string in it, is larger than the configured limit. */
    JSON_TOO_LARGE("IDEA-1007", "JSON input exceeds the configured size limit"),
    /** A JSON document is well-formed but does not have the expected members or types. */
    JSON_SCHEMA_VIOLATION("IDEA-1008", "JSON document does not match the expected schema"),
    /** Hex, base64 or another text encoding of bytes is invalid. */
    ENCODING_INVALID("IDEA-1009", "a text encoding of bytes (hex, base64, PEM) is invalid"),
    /** A digest string is malformed or names an unsupported algorithm. */
    DIGEST_INVALID("IDEA-1010", "a digest is malformed or uses an unsupported algorithm"),

    // 2xxx: signatures and verification
    /** A signature does not verify under the key it was checked against. */
    SIGNATURE_INVALID("IDEA-2001", "a signature does not verify"),
    /** Fewer distinct trusted keys signed than the threshold requires. */
    SIGNATURE_THRESHOLD_NOT_MET("IDEA-2002", "too few distinct trusted keys signed"),
    /** No signer with the given id is registered. */
    SIGNER_UNKNOWN("IDEA-2003", "the signer is not in the signer registry"),
    /** The signer exists but is revoked. */
    SIGNER_REVOKED("IDEA-2004", "the signer is revoked"),
    /** The key or algorithm is not one IDEA accepts. */
    ALGORITHM_UNSUPPORTED("IDEA-2005", "the key algorithm is not supported"),
    /** A public or private key cannot be decoded. */
    KEY_INVALID("IDEA-2006", "a key cannot be decoded"),
    /** A DSSE envelope is malformed (missing fields, bad base64, no signatures). */
    ENVELOPE_MALFORMED("IDEA-2007", "a DSSE envelope is malformed"),
    /** The envelope's payloadType is not the one expected for this document. */
    PAYLOAD_TYPE_MISMATCH("IDEA-2008", "the DSSE payloadType is not the expected one"),
    /** The signed manifest's recorded id or digest does not match its content. */
    MANIFEST_MISMATCH("IDEA-2009", "signed manifest metadata does not match its payload"),

    // 3xxx: packages and validation
    /** The submitted package has no bytes. */
    PACKAGE_EMPTY("IDEA-3001", "the package is empty"),
    /** The package is larger than the configured limit. */
    PACKAGE_TOO_LARGE("IDEA-3002", "the package exceeds the size limit"),
    /** The package's checksum differs from the expected value. */
    PACKAGE_CHECKSUM_MISMATCH("IDEA-3003", "the package checksum differs from the expected one"),
    /** The package claims an archive format but cannot be read as one. */
    PACKAGE_UNREADABLE("IDEA-3004", "the package archive is corrupt or truncated"),
    /** The package cannot be read from its source (missing file, I/O error). */
    PACKAGE_SOURCE_UNAVAILABLE("IDEA-3005", "the package source cannot be read"),
    /** A manifest or submission field is missing or out of range. */
    MANIFEST_INVALID("IDEA-3006", "a manifest field is missing or invalid"),
    /** An archive entry's path is absolute or climbs out of the package with {@code ..} (zip-slip). */
    ARCHIVE_PATH_TRAVERSAL("IDEA-3100", "an archive entry path is absolute or leaves the package"),
    /** A symbolic or hard link in the archive points outside the package, or an entry goes through a link. */
    ARCHIVE_LINK_ESCAPE("IDEA-3101", "an archive link points outside the package"),
    /** An archive expands beyond the compression-ratio or uncompressed-size limits. */
    ARCHIVE_BOMB("IDEA-3102", "the archive expands beyond the compression limits"),
    /** An archive holds more entries than the limit. */
    ARCHIVE_TOO_MANY_ENTRIES("IDEA-3103", "the archive has too many entries"),
    /** An archive entry path nests deeper, or is longer, than the limit. */
    ARCHIVE_TOO_DEEP("IDEA-3104", "an archive entry path is nested too deep"),
    /** Two archive entries have the same normalized path, or a file and a directory collide. */
    ARCHIVE_DUPLICATE_ENTRY("IDEA-3105", "the archive has a duplicate entry"),
    /** An archive entry name is not valid UTF-8 or holds control characters. */
    ARCHIVE_NAME_ENCODING("IDEA-3106", "an archive entry name is not valid UTF-8"),
    /** An archive entry is of a type packages may not hold (device, FIFO, sparse file). */
    ARCHIVE_ENTRY_UNSUPPORTED("IDEA-3107", "an archive entry type is not allowed"),
    /** One or more validators failed, errored or timed out, so the package is refused. */
    VALIDATION_FAILED("IDEA-3108", "the package failed validation"),
    /** A validator named in the configuration is not installed, or a validation setting is invalid. */
    VALIDATOR_UNAVAILABLE("IDEA-3109", "a configured validator is not available"),
    /** An SPDX license expression does not follow the SPDX grammar (SPDX 2.3 annex D). */
    LICENSE_EXPRESSION_INVALID("IDEA-3200", "an SPDX license expression is malformed"),
    /** An SBOM document (CycloneDX or SPDX JSON) is malformed or of an unsupported version. */
    SBOM_INVALID("IDEA-3201", "an SBOM document is malformed or of an unsupported version"),
    /** A package URL (purl) does not follow the purl specification. */
    PACKAGE_URL_INVALID("IDEA-3202", "a package URL is malformed"),
    /** A validator read a package digest whose algorithm the validation pass was not asked to compute. */
    PACKAGE_DIGEST_NOT_COMPUTED("IDEA-3110", "a package digest was not computed by the validation pass"),

    // 4xxx: audit chain
    /** An event's stored hash differs from the hash of its content. */
    AUDIT_HASH_MISMATCH("IDEA-4001", "an audit event's hash does not match its content"),
    /** An event's prevHash does not equal the previous event's hash. */
    AUDIT_PREV_HASH_BROKEN("IDEA-4002", "an audit event's prevHash breaks the chain"),
    /** Event sequence numbers are not contiguous (gap, duplicate or reordering). */
    AUDIT_SEQUENCE_BROKEN("IDEA-4003", "audit event sequence numbers are not contiguous"),
    /** A stored audit event cannot be decoded. */
    AUDIT_EVENT_MALFORMED("IDEA-4004", "a stored audit event cannot be decoded"),
    /** An inclusion or consistency proof does not verify (RFC 9162). */
    MERKLE_PROOF_INVALID("IDEA-4100", "a Merkle inclusion or consistency proof does not verify"),
    /** An audit event's seq is ahead of its position: events are missing. */
    AUDIT_GAP("IDEA-4101", "audit events are missing (gap in sequence numbers)"),
    /** An audit event repeats the previous event. */
    AUDIT_DUPLICATE("IDEA-4102", "an audit event is stored twice"),
    /** Audit events are out of order. */
    AUDIT_REORDERED("IDEA-4103", "audit events are out of order"),
    /** The log's Merkle tree disagrees with a signed checkpoint (split view or rewritten history). */
    AUDIT_FORK("IDEA-4104", "the audit log disagrees with a signed checkpoint"),
    /** The log is shorter than a signed checkpoint says it was. */
    AUDIT_TRUNCATED("IDEA-4105", "the audit log is shorter than a signed checkpoint"),
    /** A checkpoint or signed note is not in the C2SP format. */
    CHECKPOINT_MALFORMED("IDEA-4106", "a checkpoint is not a well-formed C2SP signed note"),
    /** A checkpoint signature by a known key does not verify. */
    CHECKPOINT_SIGNATURE_INVALID("IDEA-4107", "a checkpoint signature by a known key does not verify"),
    /** No signature on a checkpoint comes from a trusted key. */
    CHECKPOINT_UNTRUSTED("IDEA-4108", "no checkpoint signature comes from a trusted key"),
    /** Fewer trusted witnesses cosigned a checkpoint than the policy requires. */
    WITNESS_QUORUM_NOT_MET("IDEA-4109", "too few trusted witnesses cosigned the checkpoint"),
    /** An evidence bundle is truncated, malformed or does not verify. */
    EVIDENCE_BUNDLE_INVALID("IDEA-4110", "an evidence bundle is malformed or does not verify"),
    /** Stored Merkle tree nodes disagree with the audit events they are derived from. */
    AUDIT_TREE_CORRUPT("IDEA-4111", "stored Merkle tree nodes disagree with the audit events"),
    /** The kernel does not offer checkpoint anchoring. */
    ANCHOR_UNSUPPORTED("IDEA-4112", "the kernel cannot anchor checkpoints"),
    /** A per-event signature does not verify. */
    AUDIT_EVENT_SIGNATURE_INVALID("IDEA-4113", "a per-event audit signature does not verify"),
    /** Checkpoints must be signed but no KMS signing key is configured. */
    CHECKPOINT_KEY_MISSING("IDEA-4114", "no key is configured to sign checkpoints"),

    // 5xxx: configuration and providers
    /** No provider with the requested id is on the class path or module path. */
    PROVIDER_NOT_FOUND("IDEA-5001", "no provider has the requested id"),
    /** Two providers of the same kind declare the same id. */
    PROVIDER_DUPLICATE_ID("IDEA-5002", "two providers declare the same id"),
    /** A provider failed while opening or serving a call. */
    PROVIDER_FAILURE("IDEA-5003", "a provider failed"),
    /** A provider did not answer within the configured time. */
    PROVIDER_TIMEOUT("IDEA-5004", "a provider did not answer in time"),
    /** A configuration value is missing or invalid. */
    CONFIG_INVALID("IDEA-5005", "a configuration value is missing or invalid"),
    /** A start-up requirement (REQUIRE_KMS, REQUIRE_SIGNING_PROXY, REQUIRE_MTLS) is not met. */
    STARTUP_REQUIREMENT_UNMET("IDEA-5006", "a start-up requirement is not met"),
    /** The KMS has no key under the given reference. */
    KEY_NOT_FOUND("IDEA-5007", "the KMS has no key with this reference"),
    /** The kernel returned a signature that does not verify against its own registry. */
    KERNEL_SIGNATURE_INVALID("IDEA-5008", "the kernel's signature does not verify"),

    // 6xxx: storage
    /** A conditional write lost a race: the expected version or log size was not current. */
    STORAGE_CONFLICT("IDEA-6001", "a conditional write found another version or size"),
    /** The storage medium failed (I/O error, connection lost). */
    STORAGE_IO("IDEA-6002", "the storage medium failed"),
    /** Stored data is corrupt beyond automatic repair. */
    STORAGE_CORRUPT("IDEA-6003", "stored data is corrupt"),
    /** A storage key or log name is not acceptable. */
    STORAGE_KEY_INVALID("IDEA-6004", "a storage key or log name is invalid"),
    /** The record or blob does not exist. */
    STORAGE_NOT_FOUND("IDEA-6005", "the record or blob does not exist"),
    /** The database schema was written by a newer release, or a shipped migration was changed after it ran. */
    STORAGE_SCHEMA_UNSUPPORTED("IDEA-6100", "the database schema does not match this release's migrations"),

    // 85xx: rules and plans
    /** No built-in policy has the requested id. */
    RULE_POLICY_NOT_FOUND("IDEA-8501", "no policy has the requested id"),
    /** A policy document is malformed or inconsistent (schema, duplicate ids, unknown predicate). */
    RULE_POLICY_INVALID("IDEA-8502", "a rule policy is malformed or inconsistent"),
    /** A predicate or check expression does not parse or exceeds the expression limits. */
    RULE_EXPRESSION_INVALID("IDEA-8503", "a rule expression is invalid"),
    /** A rule context is not a well-formed JSON object within the context limits. */
    RULE_CONTEXT_INVALID("IDEA-8504", "a rule context is malformed"),
    /** A weights file (rules.yaml) is malformed, or gives a negative, missing or unknown cost. */
    RULE_WEIGHTS_INVALID("IDEA-8505", "rule weights are malformed or incomplete"),
    /** A plan was executed against a policy or context other than the one it was made for. */
    RULE_PLAN_MISMATCH("IDEA-8506", "a rule plan does not belong to this policy or context"),

    // 9xxx: governance
    /** A trust store document is malformed or inconsistent (threshold, roles, validity window). */
    TRUST_STORE_INVALID("IDEA-9001", "a trust store is malformed or inconsistent"),
    /** A trust store lists the same signer id twice. */
    TRUST_STORE_DUPLICATE_SIGNER("IDEA-9002", "a trust store lists one signer id twice"),
    /** A trust store registers the same public key under two signer ids. */
    TRUST_STORE_KEY_REUSED("IDEA-9003", "a trust store registers one key under two signer ids"),
    /** A trust store version is not newer than the highest version already accepted. */
    TRUST_STORE_ROLLBACK("IDEA-9004", "a trust store version is older than one already accepted"),
    /** A trust store version skips one or more versions after the current one. */
    TRUST_STORE_VERSION_GAP("IDEA-9005", "a trust store version skips intermediate versions"),
    /** A trust store version is not signed by a threshold of the previous version's keys and of its own. */
    TRUST_STORE_THRESHOLD_NOT_MET("IDEA-9006", "a trust store version lacks the signatures its rotation needs"),
    /** An approval policy is malformed or inconsistent. */
    APPROVAL_POLICY_INVALID("IDEA-9007", "an approval policy is malformed or inconsistent"),
    /** An approval statement is malformed. */
    APPROVAL_INVALID("IDEA-9008", "an approval statement is malformed"),
    /** The approvals collected do not satisfy the policy for the change's impact. */
    APPROVAL_THRESHOLD_NOT_MET("IDEA-9009", "the counted approvals do not meet the policy"),
    /** One approval was refused (other manifest, expired, revoked key, missing role, ...). */
    APPROVAL_REFUSED("IDEA-9010", "an approval was refused"),
    /** The first trust store version read from configuration is not anchored: no pinned digest, or another one. */
    TRUST_STORE_ROOT_UNTRUSTED("IDEA-9011", "the trust store's root of trust is not pinned or does not match"),
    /** No upgrade exists under the given id. */
    UPGRADE_NOT_FOUND("IDEA-9101", "no upgrade has this id"),
    /** The manifest's impact needs no governed upgrade (only HIGH and CRITICAL changes do). */
    UPGRADE_NOT_GOVERNED("IDEA-9102", "the manifest's impact needs no governed upgrade"),
    /** The upgrade is not in a state that allows the requested transition. */
    UPGRADE_STATE_INVALID("IDEA-9103", "the upgrade's state does not allow this transition"),
    /**
     * No longer thrown: {@code Upgrades.apply} reports a threshold not met with
     * {@link #APPROVAL_THRESHOLD_NOT_MET}, the one code for "the counted approvals do not meet the
     * policy". Kept so that the code IDEA-9104 is never reused.
     *
     * @deprecated branch on {@link #APPROVAL_THRESHOLD_NOT_MET} instead
     */
    @Deprecated
    UPGRADE_QUORUM_NOT_MET("IDEA-9104", "the counted approvals do not meet the threshold"),
    /** The kernel did not report an applied-upgrade or rollback record matching the request. */
    UPGRADE_KERNEL_RECORD_INVALID("IDEA-9105", "the kernel's upgrade record does not match the request"),
    /** The kernel provider does not implement governed upgrades. */
    UPGRADE_UNSUPPORTED("IDEA-9106", "the kernel does not support governed upgrades"),
    /** An approval handed to an upgrade is malformed, of the wrong payload type, or one too many. */
    UPGRADE_APPROVAL_INVALID("IDEA-9107", "an approval for an upgrade is malformed or over the limit"),
    /** A guard policy is malformed or inconsistent (windows, zones, roles, score threshold). */
    GUARD_POLICY_INVALID("IDEA-9150", "a guard policy is malformed or inconsistent"),
    /** The guard's gate denied an action; the result lists every reason. */
    GUARD_DENIED("IDEA-9151", "the guard denied the action"),

    // 92xx: identities (OIDC / OAuth2 access tokens)
    /** An access token is not a well-formed compact JWS JWT, is too long, or uses an unsupported header. */
    IDENTITY_TOKEN_MALFORMED("IDEA-9201", "an access token is malformed"),
    /** The token's algorithm is never accepted ({@code none}, HMAC) or is not in the allowed list. */
    IDENTITY_ALGORITHM_REFUSED("IDEA-9202", "the token's algorithm is refused"),
    /** The token's algorithm is not the one its key allows (key-confusion attempt). */
    IDENTITY_ALGORITHM_MISMATCH("IDEA-9203", "the token's algorithm does not fit its key"),
    /** No key of the issuer's JWKS has the token's {@code kid}, even after a refresh. */
    IDENTITY_KEY_UNKNOWN("IDEA-9204", "the token's signing key is not in the issuer's JWKS"),
    /** The token's signature does not verify under the issuer's key. */
    IDENTITY_SIGNATURE_INVALID("IDEA-9205", "the token's signature does not verify"),
    /** The token's {@code iss} is not the configured issuer. */
    IDENTITY_ISSUER_MISMATCH("IDEA-9206", "the token was issued by another issuer"),
    /** The token's {@code aud} does not hold the configured audience. */
    IDENTITY_AUDIENCE_MISMATCH("IDEA-9207", "the token is meant for another audience"),
    /** The token's {@code exp} has passed, beyond the clock skew. */
    IDENTITY_TOKEN_EXPIRED("IDEA-9208", "the token has expired"),
    /** The token's {@code nbf} or {@code iat} lies in the future, beyond the clock skew. */
    IDENTITY_TOKEN_NOT_YET_VALID("IDEA-9209", "the token is not valid yet"),
    /** A required claim ({@code sub}, {@code exp}) is missing or a claim has the wrong type. */
    IDENTITY_CLAIM_INVALID("IDEA-9210", "a token claim is missing or has the wrong type"),
    /** The issuer's JWKS could not be fetched (error status, timeout, malformed or oversized document). */
    IDENTITY_JWKS_UNAVAILABLE("IDEA-9211", "the issuer's JWKS cannot be fetched"),
    /** A verified identity lacks the role an operation needs. */
    IDENTITY_ROLE_MISSING("IDEA-9212", "the identity lacks the required role"),

    /** Two submissions for one target raced; retry the submission. */
    CONCURRENT_SUBMISSION("IDEA-7001", "another submission for the same target won a race"),
    /** The instance was closed. */
    CLOSED("IDEA-7002", "the IDEA instance is closed"),

    // 8xxx: simulation
    /** A simulation spec asks for zero, negative or too many iterations. */
    SIMULATION_ITERATIONS_INVALID("IDEA-8001", "the simulation iteration count is out of range"),
    /** A probability in a simulation model is outside [0, 1] or not a number. */
    SIMULATION_PROBABILITY_INVALID("IDEA-8002", "a simulation probability is outside [0, 1]"),
    /** A simulation spec or model field is missing, out of range or inconsistent. */
    SIMULATION_SPEC_INVALID("IDEA-8003", "a simulation spec or model field is invalid"),
    /** Replaying a simulation record gave results other than the recorded ones. */
    SIMULATION_REPLAY_MISMATCH("IDEA-8004", "a replayed simulation differs from its record"),
    /** A simulation record is inconsistent with itself or names an unsupported engine. */
    SIMULATION_RECORD_INVALID("IDEA-8005", "a simulation record is inconsistent or unsupported"),
    /** The thread running a simulation was interrupted. */
    SIMULATION_INTERRUPTED("IDEA-8006", "a simulation was interrupted");

    private final String code;
    private final String summary;

    ErrorCode(String code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    /**
     * Returns the stable code, e.g. {@code IDEA-1002}.
     *
     * @return the code, never null
     */
    public String code() {
        return code;
    }

    /**
     * Returns a one-line description of the failure class.
     *
     * @return the summary, never null
     */
    public String summary() {
        return summary;
    }
}
