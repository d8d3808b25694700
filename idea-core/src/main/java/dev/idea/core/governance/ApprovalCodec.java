package dev.idea.core.governance;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.Verdict;
import dev.idea.core.dsse.Dsse;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads, writes and signs approval statements ({@code docs/governance.md}, "Approval statements").
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: {@link #read} parses strictly but authenticates nothing; only
 * {@link ApprovalEvaluator} decides whether a statement counts.
 */
public final class ApprovalCodec {
    /** Value of the {@code type} member. */
    public static final String TYPE = "idea.approval.v1";

    private static final Set<String> MEMBERS = Set.of("type", "manifest_digest", "verdict", "approver", "issued_at", "expires_at");

    private ApprovalCodec() {
    }

    /**
     * Writes a statement as canonical JSON (RFC 8785).
     *
     * @param statement the statement
     * @return the bytes
     */
    public static Bytes write(ApprovalStatement statement) {
        Objects.requireNonNull(statement, "statement");
        return Bytes.of(Json.write(JsonObject.builder()
                .put("type", TYPE)
                .put("manifest_digest", statement.manifestDigest().toString())
                .put("verdict", statement.verdict().name().toLowerCase(Locale.ROOT))
                .put("approver", statement.approverId())
                .put("issued_at", statement.issuedAt().toString())
                .put("expires_at", statement.expiresAt().toString())
                .build()));
    }

    /**
     * Parses a statement.
     *
     * @param json the payload
     * @return the statement
     * @throws FormatException with a {@code JSON_*} code for bad syntax or schema
     * @throws dev.idea.api.ApprovalException with {@code APPROVAL_INVALID} for inconsistent content
     */
    public static ApprovalStatement read(Bytes json) {
        JsonObject o = Json.parseObject(json.toByteArray(), GovernanceJson.LIMITS);
        GovernanceJson.onlyMembers(o, "approval statement", MEMBERS);
        String type = o.requireString("type");
        if (!TYPE.equals(type)) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "approval statement type \"" + type
                    + "\" is not \"" + TYPE + "\"");
        }
        Digest digest;
        try {
            digest = Digest.parse(o.requireString("manifest_digest"));
        } catch (FormatException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "manifest_digest: " + e.getMessage(), e);
        }
        return new ApprovalStatement(digest, verdict(o.requireString("verdict")), o.requireString("approver"),
                GovernanceJson.instant(o.requireString("issued_at"), "issued_at"),
                GovernanceJson.instant(o.requireString("expires_at"), "expires_at"));
    }

    private static Verdict verdict(String text) {
        return switch (text) {
            case "approve" -> Verdict.APPROVE;
            case "reject" -> Verdict.REJECT;
            default -> throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "verdict \"" + text
                    + "\" must be \"approve\" or \"reject\"");
        };
    }

    /**
     * Signs a statement with the approver's key.
     *
     * @param statement the statement
     * @param signer the approver's signer
     * @return the approval
     */
    public static Approval sign(ApprovalStatement statement, EnvelopeSigner signer) {
        return new Approval(Dsse.sign(Approval.PAYLOAD_TYPE, write(statement), List.of(signer)));
    }
}
