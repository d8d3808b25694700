package dev.idea.core.governance;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import dev.idea.api.governance.TrustStore;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a {@link TrustStoreChain} up to date with the signed trust store file named by
 * {@link TrustStore#PROPERTY}, or with the versions passed in code
 * ({@link dev.idea.api.governance.GovernanceOptions}), anchoring the very first version in a pinned digest.
 *
 * <p>The file holds one DSSE envelope of type {@value TrustStoreCodec#PAYLOAD_TYPE}, or a JSON array of
 * them with strictly increasing versions, oldest first. While the chain is empty, acceptance starts at
 * the version whose payload has the pinned digest ({@link TrustStore#ROOT_DIGEST_PROPERTY}); every
 * later version must then rotate from its predecessor. Once a version has been accepted the persisted
 * high-water mark is the anchor: versions of the file below it are history and skipped, the file's
 * newest version must not be below it.
 *
 * <p>Stateless and thread-safe; the chain serializes acceptances.
 *
 * <p>Security guarantees: without a pin, a first version is accepted only when trust on first use was
 * asked for by its {@code insecure*} name; a file whose newest version is older than the high-water
 * mark is refused ({@link ErrorCode#TRUST_STORE_ROLLBACK}); all signature and rotation checks are
 * {@link TrustStoreChain}'s.
 */
public final class ConfiguredTrustStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredTrustStore.class);

    private ConfiguredTrustStore() {
    }

    /**
     * Accepts the file's versions into the chain and returns the newest accepted trust store.
     *
     * @param file the file content
     * @param rootPin the pinned digest of the root version's payload, if configured
     * @param insecureFirstUse whether a first version may be accepted without a pin
     * @param chain the chain persisted in the instance's storage
     * @return the current trust store
     * @throws ConfigurationException with {@code TRUST_STORE_INVALID} for a file that holds no signed
     *     version, and as {@link #load(List, Optional, boolean, TrustStoreChain)}
     * @throws VerificationException as {@link #load(List, Optional, boolean, TrustStoreChain)}
     */
    public static TrustStore load(Bytes file, Optional<Digest> rootPin, boolean insecureFirstUse, TrustStoreChain chain) {
        return load(envelopes(file), rootPin, insecureFirstUse, chain);
    }

    /**
     * Accepts signed versions (from a file or passed in code) into the chain and returns the newest
     * accepted trust store.
     *
     * @param envelopes the signed versions, oldest first
     * @param rootPin the pinned digest of the root version's payload, if configured
     * @param insecureFirstUse whether a first version may be accepted without a pin
     * @param chain the chain persisted in the instance's storage
     * @return the current trust store
     * @throws ConfigurationException with {@code TRUST_STORE_INVALID} for versions out of order,
     *     {@code TRUST_STORE_ROOT_UNTRUSTED} when the first version is not anchored
     * @throws VerificationException with {@code TRUST_STORE_ROLLBACK}, {@code TRUST_STORE_VERSION_GAP}
     *     or {@code TRUST_STORE_THRESHOLD_NOT_MET} from the chain
     */
    public static TrustStore load(List<DsseEnvelope> envelopes, Optional<Digest> rootPin, boolean insecureFirstUse,
                                  TrustStoreChain chain) {
        Objects.requireNonNull(rootPin, "rootPin");
        Objects.requireNonNull(chain, "chain");
        if (envelopes.isEmpty()) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "no signed trust store version was given;"
                    + " give the signed versions, oldest first");
        }
        List<Long> versions = versions(envelopes);
        long mark = chain.highWaterMark();
        if (mark == 0) {
            int root = rootIndex(envelopes, versions, rootPin, insecureFirstUse);
            return chain.acceptAll(envelopes.subList(root, envelopes.size()));
        }
        long newest = versions.get(versions.size() - 1);
        if (newest < mark) {
            throw new VerificationException(ErrorCode.TRUST_STORE_ROLLBACK, "the newest version given is " + newest
                    + ", older than version " + mark + ", the high-water mark already accepted and persisted in storage;"
                    + " a trust store never moves back: give version " + mark + " or a later one, signed as a rotation"
                    + " of version " + mark);
        }
        int from = 0;
        while (versions.get(from) < mark) {
            from++;
        }
        return chain.acceptAll(envelopes.subList(from, envelopes.size()));
    }

    /**
     * Returns the digest a root pin names: SHA-256 of the exact trust store document signed in the envelope.
     *
     * @param signed a signed trust store
     * @return the digest to put in {@link TrustStore#ROOT_DIGEST_PROPERTY}
     */
    public static Digest rootDigest(DsseEnvelope signed) {
        return Digest.sha256(signed.payload());
    }

    private static List<DsseEnvelope> envelopes(Bytes file) {
        JsonValue tree = Json.parse(file.toByteArray(), GovernanceJson.LIMITS);
        List<JsonValue> items = tree instanceof JsonArray a ? a.values() : List.of(tree);
        if (items.isEmpty()) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "the file is an empty array; put the signed"
                    + " trust store (a DSSE envelope) or the signed versions, oldest first, in it");
        }
        List<DsseEnvelope> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String where = items.size() == 1 && !(tree instanceof JsonArray) ? "the document" : "entry [" + i + "]";
            JsonObject o = GovernanceJson.object(items.get(i), where);
            if (o.get("trusted_signers").isPresent() && o.get("payloadType").isEmpty()) {
                throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, where + " is an unsigned trust_store.json;"
                        + " sign it into a DSSE envelope of payloadType " + TrustStoreCodec.PAYLOAD_TYPE
                        + " (Idea.formats().sign(...) then writeEnvelope(...)) with min_required_signatures of its keys");
            }
            out.add(EnvelopeCodec.read(Bytes.of(Json.write(o))));
        }
        return out;
    }

    private static List<Long> versions(List<DsseEnvelope> envelopes) {
        List<Long> versions = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            long v = TrustStoreCodec.readUnverified(envelopes.get(i)).version();
            if (i > 0 && v <= versions.get(i - 1)) {
                throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "entry [" + i + "] has version " + v
                        + ", not above version " + versions.get(i - 1) + " of entry [" + (i - 1)
                        + "]; list the signed versions oldest first, each once");
            }
            versions.add(v);
        }
        return versions;
    }

    private static int rootIndex(List<DsseEnvelope> envelopes, List<Long> versions, Optional<Digest> pin,
                                 boolean insecureFirstUse) {
        if (pin.isPresent()) {
            for (int i = 0; i < envelopes.size(); i++) {
                if (rootDigest(envelopes.get(i)).equals(pin.get())) {
                    return i;
                }
            }
            throw new ConfigurationException(ErrorCode.TRUST_STORE_ROOT_UNTRUSTED, "no version given has the pinned"
                    + " root digest " + pin.get() + " (" + TrustStore.ROOT_DIGEST_PROPERTY + "); the versions given are "
                    + describe(envelopes, versions) + "; pin the digest of the version you trust as the root, or include"
                    + " that version, oldest first");
        }
        if (!insecureFirstUse) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_ROOT_UNTRUSTED, "no trust store version has been"
                    + " accepted in this instance's storage yet and " + TrustStore.ROOT_DIGEST_PROPERTY + " is not set;"
                    + " set it to the digest of the version you trust as the root (the versions given are "
                    + describe(envelopes, versions) + "), or, in tests only, set "
                    + TrustStore.INSECURE_TRUST_ON_FIRST_USE_PROPERTY + "=true");
        }
        LOG.warn("{}=true: accepting trust store version {} ({}) as the root of trust without a pinned digest",
                TrustStore.INSECURE_TRUST_ON_FIRST_USE_PROPERTY, versions.get(0), rootDigest(envelopes.get(0)));
        return 0;
    }

    private static String describe(List<DsseEnvelope> envelopes, List<Long> versions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < envelopes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("version ").append(versions.get(i)).append(" = ")
                    .append(rootDigest(envelopes.get(i)));
        }
        return sb.toString();
    }
}
