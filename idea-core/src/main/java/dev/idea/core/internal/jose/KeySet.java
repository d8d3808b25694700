package dev.idea.core.internal.jose;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.idea.api.ErrorCode;
import dev.idea.api.identity.IdentityException;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usable verification keys of one fetched JWKS, by {@code kid}, with the reasons for the keys
 * that were skipped. Immutable and thread-safe.
 */
final class KeySet {
    private final Map<String, List<SigningKey>> byKid;
    private final List<SigningKey> all;
    private final List<String> skipped;
    private final Instant fetchedAt;

    private KeySet(List<SigningKey> all, List<String> skipped, Instant fetchedAt) {
        Map<String, List<SigningKey>> index = new LinkedHashMap<>();
        for (SigningKey key : all) {
            if (key.kid() != null) {
                index.computeIfAbsent(key.kid(), k -> new ArrayList<>()).add(key);
            }
        }
        index.replaceAll((kid, keys) -> List.copyOf(keys));
        this.byKid = index;
        this.all = List.copyOf(all);
        this.skipped = List.copyOf(skipped);
        this.fetchedAt = fetchedAt;
    }

    /**
     * Parses a JWKS document.
     *
     * @param json the document
     * @param source where it came from, for messages
     * @param fetchedAt when it was fetched
     * @return the key set
     * @throws IdentityException with {@code IDENTITY_JWKS_UNAVAILABLE} when it is not a JWKS
     */
    static KeySet parse(String json, URI source, Instant fetchedAt) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new IdentityException(ErrorCode.IDENTITY_JWKS_UNAVAILABLE, "the document at " + source
                    + " is not a JSON Web Key Set (" + e.getMessage() + "); tokens are refused until it is fixed", e);
        }
        List<SigningKey> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            SigningKey key = SigningKey.from(jwk, skipped);
            if (key != null) {
                keys.add(key);
            }
        }
        return new KeySet(keys, skipped, fetchedAt);
    }

    /**
     * Returns the keys with a kid, or every key when the kid is null.
     *
     * @param kid the token's kid, or null
     * @return the keys, possibly none
     */
    List<SigningKey> lookup(String kid) {
        return kid == null ? all : byKid.getOrDefault(kid, List.of());
    }

    boolean contains(String kid) {
        return byKid.containsKey(kid);
    }

    List<String> kids() {
        return List.copyOf(byKid.keySet());
    }

    List<String> skipped() {
        return skipped;
    }

    Instant fetchedAt() {
        return fetchedAt;
    }
}
