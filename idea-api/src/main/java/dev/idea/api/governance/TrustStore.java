package dev.idea.api.governance;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the set of signers IDEA trusts, with the signature threshold that protects it.
 *
 * <p>The file form is {@code trust_store.json} ({@code docs/formats/trust-store.md}). A new version
 * is accepted only when a threshold of the previous version's keys and a threshold of its own keys
 * signed it, and never when it is older than a version already accepted; {@code idea-core}'s
 * {@code TrustStoreChain} enforces both.
 *
 * <p>Immutable and thread-safe. Signers are kept sorted by id.
 *
 * <p>Security guarantees: ids are unique and every key belongs to exactly one id, so counting
 * distinct ids counts distinct keys (the same key under two ids is refused here rather than counted
 * once, because it means the file was written wrongly or maliciously); the threshold can be met by
 * the signers that are not revoked.
 *
 * @param version the version, from 1; each accepted update increments it by one
 * @param signers the trusted signers
 * @param minRequiredSignatures how many distinct signers of this version must sign this version and
 *     the next one; 1 to the number of non-revoked signers
 * @param allowUnsigned whether a guard may let unsigned artifacts through; false unless set
 * @since 0.2
 */
public record TrustStore(long version, List<TrustedSigner> signers, int minRequiredSignatures, boolean allowUnsigned) {
    /**
     * Property naming the signed trust store file an instance loads at {@code build()}: a DSSE envelope
     * of type {@value #SIGNED_PAYLOAD_TYPE}, or a JSON array of such envelopes oldest first (see
     * {@code docs/governance.md}, "Configuration").
     *
     * @since 0.2
     */
    public static final String PROPERTY = "idea.governance.trust-store";
    /**
     * Property pinning the root of trust: {@code sha256:<hex>} of the exact {@code trust_store.json}
     * document (the DSSE payload) of the version first accepted from the file. Consulted only while no
     * version has been accepted in the instance's storage.
     *
     * @since 0.2
     */
    public static final String ROOT_DIGEST_PROPERTY = "idea.governance.trust-store.root-digest";
    /**
     * Property that, set to {@code true}, accepts the first trust store version read from the file
     * without a pinned digest (trust on first use). Off by default; insecure because whoever can write
     * the file before the first start chooses the root of trust.
     *
     * @since 0.2
     */
    public static final String INSECURE_TRUST_ON_FIRST_USE_PROPERTY = "idea.governance.insecure-trust-on-first-use";
    /**
     * DSSE payload type of a signed trust store.
     *
     * @since 0.2
     */
    public static final String SIGNED_PAYLOAD_TYPE = "application/vnd.idea.trust-store.v1+json";

    private static final Comparator<TrustedSigner> BY_ID = Comparator.comparing(TrustedSigner::id);

    /**
     * Validates the fields and sorts the signers by id.
     *
     * @throws ConfigurationException with {@link ErrorCode#TRUST_STORE_DUPLICATE_SIGNER} when an id
     *     appears twice, {@link ErrorCode#TRUST_STORE_KEY_REUSED} when a key appears under two ids,
     *     {@link ErrorCode#TRUST_STORE_INVALID} for a version below 1 or a threshold that cannot be met
     */
    public TrustStore {
        if (version < 1) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "trust store version " + version
                    + " is below 1; number versions 1, 2, 3, ...");
        }
        List<TrustedSigner> sorted = new ArrayList<>(signers);
        sorted.forEach(s -> Objects.requireNonNull(s, "signers contains null"));
        sorted.sort(BY_ID);
        checkUnique(sorted);
        signers = List.copyOf(sorted);
        long active = signers.stream().filter(s -> !s.revoked()).count();
        if (minRequiredSignatures < 1 || minRequiredSignatures > active) {
            throw new ConfigurationException(ErrorCode.TRUST_STORE_INVALID, "min_required_signatures is "
                    + minRequiredSignatures + " but the trust store has " + active
                    + " non-revoked signer(s); set it between 1 and " + active + ", or add signers");
        }
    }

    private static void checkUnique(List<TrustedSigner> sorted) {
        Map<VerificationKey, String> owners = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            TrustedSigner s = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).id().equals(s.id())) {
                throw new ConfigurationException(ErrorCode.TRUST_STORE_DUPLICATE_SIGNER, "signer id \"" + s.id()
                        + "\" appears twice in the trust store; keep one entry per identity");
            }
            String owner = owners.putIfAbsent(s.key(), s.id());
            if (owner != null) {
                throw new ConfigurationException(ErrorCode.TRUST_STORE_KEY_REUSED, "key " + s.key().keyId()
                        + " is registered under both \"" + owner + "\" and \"" + s.id() + "\"; one key must belong to"
                        + " one identity, so give each signer its own key");
            }
        }
    }

    /**
     * Finds a signer by id.
     *
     * @param id the id
     * @return the signer, or empty when the id is not in this store
     */
    public Optional<TrustedSigner> signer(String id) {
        Objects.requireNonNull(id, "id");
        int low = 0;
        int high = signers.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = signers.get(mid).id().compareTo(id);
            if (c == 0) {
                return Optional.of(signers.get(mid));
            }
            if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the keys of the signers trusted at an instant (not revoked, inside their window), in
     * id order.
     *
     * @param instant the instant
     * @return the keys
     */
    public List<VerificationKey> keysTrustedAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        List<VerificationKey> keys = new ArrayList<>();
        for (TrustedSigner s : signers) {
            if (s.trustedAt(instant)) {
                keys.add(s.key());
            }
        }
        return List.copyOf(keys);
    }
}
