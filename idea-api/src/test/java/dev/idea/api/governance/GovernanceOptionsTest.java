package dev.idea.api.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GovernanceOptionsTest {
    private static final Bytes DOC = Bytes.utf8("{\"version\":1}");
    private static final DsseEnvelope SIGNED = new DsseEnvelope(TrustStore.SIGNED_PAYLOAD_TYPE, DOC,
            List.of(new DsseSignature("k", Bytes.of((byte) 1))));
    private static final Digest ROOT = Digest.sha256(DOC);

    private static void assertInvalid(Runnable construct, String text) {
        ConfigurationException e = assertThrows(ConfigurationException.class, construct::run);
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void pinned_signedVersionsAndSha256Root_keepsThemAndCopiesTheList() {
        List<DsseEnvelope> versions = new ArrayList<>(List.of(SIGNED));
        GovernanceOptions o = GovernanceOptions.pinned(versions, ROOT, ApprovalPolicy.defaults());
        versions.clear();

        assertEquals(List.of(SIGNED), o.trustStoreVersions());
        assertEquals(ROOT, o.rootDigest());
        assertFalse(o.insecureTrustOnFirstUse());
    }

    @Test
    void insecureTrustOnFirstUse_noRoot_isAllowedAndNamedInsecure() {
        GovernanceOptions o = GovernanceOptions.insecureTrustOnFirstUse(List.of(SIGNED), ApprovalPolicy.defaults());

        assertNull(o.rootDigest());
        assertTrue(o.insecureTrustOnFirstUse());
    }

    @Test
    void constructor_noVersions_isInvalid() {
        assertInvalid(() -> GovernanceOptions.pinned(List.of(), ROOT, ApprovalPolicy.defaults()), "trustStoreVersions is empty");
    }

    @Test
    void constructor_envelopeOfAnotherType_namesItsIndexAndType() {
        DsseEnvelope other = new DsseEnvelope("application/vnd.in-toto+json", DOC, SIGNED.signatures());

        assertInvalid(() -> GovernanceOptions.pinned(List.of(SIGNED, other), ROOT, ApprovalPolicy.defaults()),
                "trustStoreVersions[1] has payloadType \"application/vnd.in-toto+json\"");
    }

    @Test
    void constructor_noRootWithoutInsecureFlag_isInvalid() {
        assertInvalid(() -> new GovernanceOptions(List.of(SIGNED), null, ApprovalPolicy.defaults(), false),
                "rootDigest is missing");
    }

    @Test
    void constructor_rootAndInsecureFlag_isInvalid() {
        assertInvalid(() -> new GovernanceOptions(List.of(SIGNED), ROOT, ApprovalPolicy.defaults(), true),
                "drop insecureTrustOnFirstUse");
    }

    @Test
    void constructor_rootNotSha256_isInvalid() {
        Digest sha512 = new Digest(HashAlgorithm.SHA_512, Bytes.of(new byte[64]));

        assertInvalid(() -> GovernanceOptions.pinned(List.of(SIGNED), sha512, ApprovalPolicy.defaults()), "not SHA-256");
    }
}
