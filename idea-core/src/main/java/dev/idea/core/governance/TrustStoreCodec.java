package dev.idea.core.governance;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.core.dsse.Dsse;
import dev.idea.core.internal.crypto.PublicKeys;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes {@code trust_store.json} ({@code docs/formats/trust-store.md}) and its signed
 * DSSE form.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: parsing is strict (duplicate or unknown members, wrong types and bad
 * timestamps are refused) and every key is decoded and validated here, with its algorithm taken
 * from the SPKI and checked against a declared {@code alg}. Reading a signed trust store does not
 * verify it: {@link TrustStoreChain} does.
 */
public final class TrustStoreCodec {
    /** DSSE payload type of a signed trust store. */
    public static final String PAYLOAD_TYPE = TrustStore.SIGNED_PAYLOAD_TYPE;

    private static final Set<String> TOP = Set.of("version", "min_required_signatures", "allow_unsigned", "trusted_signers");
    private static final Set<String> SIGNER = Set.of("id", "key", "roles", "valid_from", "valid_until", "revoked");
    private static final Set<String> KEY = Set.of("alg", "spki");

    private TrustStoreCodec() {
    }

    /**
     * Parses a trust store document.
     *
     * @param json the {@code trust_store.json} bytes
     * @return the trust store
     * @throws FormatException with a {@code JSON_*} code for bad syntax or schema
     * @throws dev.idea.api.ConfigurationException with a {@code TRUST_STORE_*} code for duplicate ids,
     *     a key under two ids or an impossible threshold
     * @throws VerificationException with {@code KEY_INVALID} or {@code ALGORITHM_UNSUPPORTED} for a bad key
     */
    public static TrustStore read(Bytes json) {
        JsonObject o = Json.parseObject(json.toByteArray(), GovernanceJson.LIMITS);
        GovernanceJson.onlyMembers(o, "trust store", TOP);
        List<TrustedSigner> signers = new ArrayList<>();
        JsonArray array = o.requireArray("trusted_signers");
        for (int i = 0; i < array.values().size(); i++) {
            signers.add(signer(GovernanceJson.object(array.values().get(i), "trusted_signers[" + i + "]"), i));
        }
        boolean allowUnsigned = o.get("allow_unsigned").isPresent() && o.requireBoolean("allow_unsigned");
        long threshold = o.requireLong("min_required_signatures");
        return new TrustStore(o.requireLong("version"), signers, (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, threshold)), allowUnsigned);
    }

    private static TrustedSigner signer(JsonObject s, int index) {
        String where = "trusted_signers[" + index + "]";
        GovernanceJson.onlyMembers(s, where, SIGNER);
        String id = s.requireString("id");
        VerificationKey key = key(s.get("key").orElseThrow(() -> new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION,
                where + " (\"" + id + "\") has no \"key\"; give a PEM PUBLIC KEY or {\"alg\", \"spki\"}")), where + ".key");
        List<String> roles = GovernanceJson.strings(s.requireArray("roles"), where + ".roles");
        Instant from = s.optString("valid_from").map(t -> GovernanceJson.instant(t, where + ".valid_from")).orElse(Instant.MIN);
        Instant until = s.optString("valid_until").map(t -> GovernanceJson.instant(t, where + ".valid_until")).orElse(Instant.MAX);
        boolean revoked = s.get("revoked").isPresent() && s.requireBoolean("revoked");
        return new TrustedSigner(id, key, Set.copyOf(checkedRoles(roles, id)), from, until, revoked);
    }

    private static List<String> checkedRoles(List<String> roles, String id) {
        if (Set.copyOf(roles).size() != roles.size()) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "signer \"" + id
                    + "\" lists a role twice in " + roles + "; list each role once");
        }
        return roles;
    }

    private static VerificationKey key(JsonValue value, String where) {
        if (value instanceof JsonString pem) {
            return PublicKeys.fromPem(pem.value());
        }
        JsonObject o = GovernanceJson.object(value, where);
        GovernanceJson.onlyMembers(o, where, KEY);
        SignatureAlgorithm declared = SignatureAlgorithm.ofId(o.requireString("alg"));
        VerificationKey key = PublicKeys.fromSpki(Bytes.fromBase64(o.requireString("spki")));
        if (key.algorithm() != declared) {
            throw new VerificationException(ErrorCode.ALGORITHM_UNSUPPORTED, where + " declares alg \"" + declared.id()
                    + "\" but its SPKI holds a " + key.algorithm().id() + " key; correct \"alg\"");
        }
        return key;
    }

    /**
     * Writes a trust store as canonical JSON (RFC 8785), keys in the {@code {alg, spki}} form.
     *
     * @param store the trust store
     * @return the bytes
     */
    public static Bytes write(TrustStore store) {
        Objects.requireNonNull(store, "store");
        List<JsonValue> signers = new ArrayList<>();
        for (TrustedSigner s : store.signers()) {
            List<JsonValue> roles = new ArrayList<>();
            s.roles().forEach(r -> roles.add(new JsonString(r)));
            JsonObject.Builder b = JsonObject.builder()
                    .put("id", s.id())
                    .put("key", JsonObject.builder().put("alg", s.key().algorithm().id()).put("spki", s.key().spki().base64()).build())
                    .put("roles", new JsonArray(roles))
                    .put("revoked", s.revoked());
            if (!s.validFrom().equals(Instant.MIN)) {
                b.put("valid_from", s.validFrom().toString());
            }
            if (!s.validUntil().equals(Instant.MAX)) {
                b.put("valid_until", s.validUntil().toString());
            }
            signers.add(b.build());
        }
        return Bytes.of(Json.write(JsonObject.builder()
                .put("version", store.version())
                .put("min_required_signatures", store.minRequiredSignatures())
                .put("allow_unsigned", store.allowUnsigned())
                .put("trusted_signers", new JsonArray(signers))
                .build()));
    }

    /**
     * Signs a trust store: the canonical JSON in a DSSE envelope of type {@value #PAYLOAD_TYPE}.
     *
     * @param store the trust store
     * @param signers the signers; a rotation needs a threshold of the previous version's keys and of this one's
     * @return the envelope
     */
    public static DsseEnvelope sign(TrustStore store, List<EnvelopeSigner> signers) {
        return Dsse.sign(PAYLOAD_TYPE, write(store), signers);
    }

    /**
     * Reads the trust store inside a signed envelope, without verifying the signatures.
     *
     * @param envelope the envelope
     * @return the trust store it claims
     * @throws VerificationException with {@code PAYLOAD_TYPE_MISMATCH} for another payload type
     * @throws FormatException as {@link #read}
     */
    public static TrustStore readUnverified(DsseEnvelope envelope) {
        if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new VerificationException(ErrorCode.PAYLOAD_TYPE_MISMATCH, "envelope payloadType \""
                    + envelope.payloadType() + "\" is not \"" + PAYLOAD_TYPE + "\"; pass a signed trust store");
        }
        return read(envelope.payload());
    }
}
