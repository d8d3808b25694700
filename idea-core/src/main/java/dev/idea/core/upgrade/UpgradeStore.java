package dev.idea.core.upgrade;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.api.upgrade.UpgradeException;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.VersionedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Upgrade records and their approvals in a {@link RecordStore}: {@code upgrades/<upgradeId>} holds
 * the state, {@code upgrade-approvals/<upgradeId>/<envelope digest hex>} one approval each. Every write is
 * a compare-and-set, so two instances sharing the storage cannot both make the same transition.
 *
 * <p>Thread-safe as far as the record store is.
 */
final class UpgradeStore {
    static final String UPGRADES = "upgrades/";
    static final String APPROVALS = "upgrade-approvals/";

    private final RecordStore records;

    UpgradeStore(RecordStore records) {
        this.records = records;
    }

    Optional<UpgradeRecord> find(String upgradeId) {
        return records.get(UPGRADES + upgradeId).map(UpgradeStore::decode);
    }

    UpgradeRecord require(String upgradeId) {
        if (!DefaultUpgrades.UPGRADE_ID.matcher(upgradeId).matches()) {
            throw new UpgradeException(ErrorCode.UPGRADE_NOT_FOUND, "upgrade id \"" + abbreviate(upgradeId)
                    + "\" is malformed; upgrade ids are \"up-\" and 24 lowercase hex digits, as draft() returns them");
        }
        return find(upgradeId).orElseThrow(() -> new UpgradeException(ErrorCode.UPGRADE_NOT_FOUND, "no upgrade \""
                + upgradeId + "\" exists; draft it first with upgrades().draft(signedManifest, requester)"));
    }

    /**
     * Writes a record at the version it was read at.
     *
     * @return the record at its new version
     * @throws StorageException with {@code STORAGE_CONFLICT} when another writer changed it first
     */
    UpgradeRecord save(UpgradeRecord record) {
        long v = records.compareAndSet(UPGRADES + record.upgradeId(), record.version(), record.write());
        return record.atVersion(v);
    }

    List<String> upgradeIds() {
        List<String> ids = new ArrayList<>();
        for (String key : records.keys(UPGRADES)) {
            ids.add(key.substring(UPGRADES.length()));
        }
        return ids;
    }

    /** Returns the stored approvals in the order they were received (ties by envelope digest). */
    List<StoredApproval> approvals(String upgradeId) {
        List<StoredApproval> out = new ArrayList<>();
        for (String key : records.keys(APPROVALS + upgradeId + "/")) {
            records.get(key).ifPresent(r -> out.add(decodeApproval(r)));
        }
        // First come, first counted: a later duplicate is the one refused.
        out.sort(Comparator.comparing(StoredApproval::receivedAt).thenComparing(a -> a.envelopeDigest().hex()));
        return out;
    }

    /**
     * Stores an approval unless the same envelope is stored.
     *
     * @return true when stored now, false when it was already there
     */
    boolean addApproval(String upgradeId, StoredApproval approval) {
        String key = APPROVALS + upgradeId + "/" + approval.envelopeDigest().hex();
        JsonObject json = JsonObject.builder()
                .put("format", "idea.upgrade-approval.v1")
                .put("receivedAt", approval.receivedAt().toString())
                .put("envelope", EnvelopeCodec.write(approval.envelope()).utf8String())
                .build();
        try {
            records.compareAndSet(key, 0, Bytes.of(Json.write(json)));
            return true;
        } catch (StorageException e) {
            if (e.errorCode() == ErrorCode.STORAGE_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private static UpgradeRecord decode(VersionedRecord r) {
        try {
            return UpgradeRecord.read(r.value(), r.version());
        } catch (RuntimeException e) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "upgrade record " + r.key() + " (version " + r.version()
                    + ") cannot be decoded: " + e.getMessage() + "; restore it from a backup", e);
        }
    }

    private static StoredApproval decodeApproval(VersionedRecord r) {
        try {
            JsonObject o = Json.parseObject(r.value().toByteArray(), JsonLimits.DEFAULT);
            DsseEnvelope envelope = EnvelopeCodec.read(Bytes.utf8(o.requireString("envelope")));
            Digest digest = StoredApproval.digestOf(envelope);
            if (!r.key().endsWith("/" + digest.hex())) {
                throw new IllegalArgumentException("the envelope's digest " + digest + " does not match the key");
            }
            return new StoredApproval(digest, envelope, Instant.parse(o.requireString("receivedAt")));
        } catch (RuntimeException e) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "stored approval " + r.key() + " cannot be decoded: "
                    + e.getMessage() + "; remove the record or restore it from a backup", e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }
}
