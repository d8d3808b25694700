package dev.idea.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Manifest;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.ValidationException;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.spi.kernel.ManifestSignature;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.kernel.SigningRequest;
import dev.idea.testkit.JdkSignatures;
import dev.idea.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKernelProviderTest {
    private final InProcessKernelProvider provider = new InProcessKernelProvider();

    @TempDir
    Path dataDir;

    private static KernelContext context(Path dataDir, SigningKey key, String signerId) {
        Map<String, String> properties = new HashMap<>();
        if (signerId != null) {
            properties.put(InProcessKernelProvider.SIGNER_ID_PROPERTY, signerId);
        }
        return new KernelContext(properties, dataDir, MutableClock.at(Instant.parse("2026-01-01T00:00:00Z")), key);
    }

    private static SigningRequest request(String id) {
        Bytes payload = Bytes.utf8("{\"manifestId\":\"" + id + "\"}");
        return new SigningRequest(id, Manifest.PAYLOAD_TYPE, payload, Digest.sha256(payload));
    }

    private Path registryFile() {
        return dataDir.resolve("kernel").resolve("signers.txt");
    }

    @Test
    void id_provider_isInProcess() {
        assertEquals("in-process", provider.id());
    }

    @Test
    void serviceLoader_kernelProviders_includeInProcess() {
        assertTrue(ServiceLoader.load(KernelProvider.class).stream()
                .anyMatch(p -> p.type() == InProcessKernelProvider.class));
    }

    @Test
    void open_withoutSigningKey_throwsConfigInvalidNamingTheFix() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(context(dataDir, null, null)));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("Idea.builder().kms(\"local\")"), e.getMessage());
        assertTrue(e.getMessage().contains("idea.kernel.key-ref"), e.getMessage());
    }

    @Test
    void open_malformedSignerId_throwsConfigInvalid() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "bad id")));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("\"bad id\""), e.getMessage());
    }

    @Test
    void open_noSignerIdSetting_usesDefaultSignerId() {
        try (Kernel kernel = provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), null))) {
            assertEquals(InProcessKernelProvider.DEFAULT_SIGNER_ID, kernel.signManifest(request("m")).signerId());
        }
    }

    @Test
    void open_dataDirectory_writesDocumentedRegistryFile() throws Exception {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519);
        provider.open(context(dataDir, key, "k1")).close();
        String text = Files.readString(registryFile(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(SignerRegistryFile.HEADER + "\n"), text);
        assertTrue(text.contains("\nk1 ed25519 " + key.publicKey().spki().base64() + " active\n"), text);
        assertFalse(Files.exists(dataDir.resolve("kernel").resolve("signers.txt.tmp")));
    }

    @Test
    void open_newSignerIdAfterRotation_oldSignerStillKnown() {
        var oldKey = new JdkSigningKey(SignatureAlgorithm.ED25519);
        var newKey = new JdkSigningKey(SignatureAlgorithm.ECDSA_P256_SHA256);
        SigningRequest request = request("m-1");
        ManifestSignature oldSignature;
        try (Kernel kernel = provider.open(context(dataDir, oldKey, "k1"))) {
            oldSignature = kernel.signManifest(request);
        }
        try (Kernel kernel = provider.open(context(dataDir, newKey, "k2"))) {
            Signer old = kernel.signer("k1").orElseThrow();
            assertEquals(oldKey.publicKey(), old.key());
            assertFalse(old.revoked());
            assertTrue(JdkSignatures.verify(old.key(), DsseEnvelope.pae(request.payloadType(), request.payload()),
                    oldSignature.signature().sig()));
            assertEquals(newKey.publicKey(), kernel.signer("k2").orElseThrow().key());
            assertEquals("k2", kernel.signManifest(request).signerId());
        }
    }

    @Test
    void open_sameSignerIdWithOtherKey_refusesAndKeepsRegistry() throws Exception {
        var oldKey = new JdkSigningKey(SignatureAlgorithm.ED25519);
        provider.open(context(dataDir, oldKey, "k1")).close();
        String before = Files.readString(registryFile());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "k1")));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("a new key needs a new signer id"), e.getMessage());
        assertTrue(e.getMessage().contains(oldKey.publicKey().keyId()), e.getMessage());
        assertEquals(before, Files.readString(registryFile()));
    }

    @Test
    void open_sameSignerIdAndKey_reopensWithoutChangingFile() throws Exception {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519);
        provider.open(context(dataDir, key, "k1")).close();
        String before = Files.readString(registryFile());
        try (Kernel kernel = provider.open(context(dataDir, key, "k1"))) {
            assertEquals("k1", kernel.signManifest(request("m")).signerId());
        }
        assertEquals(before, Files.readString(registryFile()));
    }

    @Test
    void open_ownSignerRevokedInFile_refuses() throws Exception {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519);
        provider.open(context(dataDir, key, "k1")).close();
        Files.writeString(registryFile(), Files.readString(registryFile()).replace(" active\n", " revoked\n"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(context(dataDir, key, "k1")));
        assertTrue(e.getMessage().contains("revoked"), e.getMessage());
    }

    @Test
    void signer_revokedRetiredSigner_isReturnedRevoked() throws Exception {
        var oldKey = new JdkSigningKey(SignatureAlgorithm.ED25519);
        provider.open(context(dataDir, oldKey, "k1")).close();
        Files.writeString(registryFile(), Files.readString(registryFile()).replace(" active\n", " revoked\n"));
        try (Kernel kernel = provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "k2"))) {
            assertTrue(kernel.signer("k1").orElseThrow().revoked());
            assertFalse(kernel.signer("k2").orElseThrow().revoked());
        }
    }

    @Test
    void open_corruptRegistryLine_throwsStorageCorruptWithLineNumber() throws Exception {
        Files.createDirectories(registryFile().getParent());
        Files.writeString(registryFile(), SignerRegistryFile.HEADER + "\nk1 ed25519 not-base64! active\n");
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "k2")));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void open_registryWithoutHeader_throwsStorageCorrupt() throws Exception {
        Files.createDirectories(registryFile().getParent());
        Files.writeString(registryFile(), "k1 ed25519 AAAA active\n");
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "k2")));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
    }

    @Test
    void open_duplicateSignerInFile_throwsStorageCorrupt() throws Exception {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519).publicKey();
        String line = "k1 ed25519 " + key.spki().base64() + " active\n";
        Files.createDirectories(registryFile().getParent());
        Files.writeString(registryFile(), SignerRegistryFile.HEADER + "\n" + line + line);
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "k2")));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void open_noDataDirectory_registryHoldsOnlyOwnSigner() {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519);
        try (Kernel kernel = provider.open(context(null, key, "k1"))) {
            assertEquals(key.publicKey(), kernel.signer("k1").orElseThrow().key());
            assertTrue(kernel.signer(InProcessKernelProvider.DEFAULT_SIGNER_ID).isEmpty());
        }
    }

    @Test
    void signManifest_anyRequest_idIsDocumentedHashOfSignerDigestAndSignature() throws Exception {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519);
        SigningRequest request = request("m-1");
        try (Kernel kernel = provider.open(context(dataDir, key, "k1"))) {
            ManifestSignature signature = kernel.signManifest(request);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("k1".getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(request.manifestDigest().value().toByteArray());
            md.update((byte) 0);
            md.update(signature.signature().sig().toByteArray());
            assertEquals("msig_" + HexFormat.of().formatHex(md.digest()).substring(0, 32), signature.manifestSignatureId());
            assertEquals(key.publicKey().keyId(), signature.signature().keyid());
        }
    }

    @Test
    void manifestSignatureId_fixedInputs_matchesKnownAnswer() {
        // Computed independently with coreutils:
        // { printf 'k1\0'; head -c 32 /dev/zero; printf '\0sig'; } | sha256sum | cut -c1-32
        String id = InProcessKernel.manifestSignatureId("k1", Digest.ofSha256(new byte[32]), Bytes.utf8("sig"));
        assertEquals("msig_6d79d2f8247741e7de76621d7743cb91", id);
    }

    @Test
    void signManifest_digestNotOfPayload_throwsManifestMismatchWithoutSigning() {
        var key = new JdkSigningKey(SignatureAlgorithm.ED25519);
        SigningRequest good = request("m-1");
        var forged = new SigningRequest("m-1", good.payloadType(), good.payload(), Digest.sha256(Bytes.utf8("other")));
        try (Kernel kernel = provider.open(context(dataDir, key, "k1"))) {
            ValidationException e = assertThrows(ValidationException.class, () -> kernel.signManifest(forged));
            assertEquals(ErrorCode.MANIFEST_MISMATCH, e.errorCode());
            assertEquals(0, key.signatures());
        }
    }

    @Test
    void signManifest_afterClose_throwsClosed() {
        Kernel kernel = provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "k1"));
        kernel.close();
        ProviderException e = assertThrows(ProviderException.class, () -> kernel.signManifest(request("m")));
        assertEquals(ErrorCode.CLOSED, e.errorCode());
    }

    @Test
    void signManifest_kmsThrowsRuntimeException_wrapsAsProviderFailure() {
        SigningKey failing = new FailingKey(new IllegalStateException("HSM unplugged"));
        try (Kernel kernel = provider.open(context(dataDir, failing, "k1"))) {
            ProviderException e = assertThrows(ProviderException.class, () -> kernel.signManifest(request("m")));
            assertEquals(ErrorCode.PROVIDER_FAILURE, e.errorCode());
            assertTrue(e.getMessage().contains("HSM unplugged"), e.getMessage());
        }
    }

    @Test
    void signManifest_kmsThrowsProviderException_passesItThrough() {
        var failure = new ProviderException(ErrorCode.PROVIDER_TIMEOUT, "slow KMS");
        try (Kernel kernel = provider.open(context(dataDir, new FailingKey(failure), "k1"))) {
            assertSame(failure, assertThrows(ProviderException.class, () -> kernel.signManifest(request("m"))));
        }
    }

    @Test
    void open_twoKernelsSameDirectoryDifferentSigners_bothRegistered() {
        try (Kernel first = provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "a"));
             Kernel second = provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "b"));
             Kernel third = provider.open(context(dataDir, new JdkSigningKey(SignatureAlgorithm.ED25519), "c"))) {
            assertTrue(third.signer("a").isPresent());
            assertTrue(third.signer("b").isPresent());
            assertTrue(first.signer("a").isPresent());
            assertTrue(second.signer("a").isPresent());
        }
    }

    /** A signing key whose KMS fails every signature. */
    private static final class FailingKey implements SigningKey {
        private final RuntimeException failure;
        private final VerificationKey publicKey = new JdkSigningKey(SignatureAlgorithm.ED25519).publicKey();

        FailingKey(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public VerificationKey publicKey() {
            return publicKey;
        }

        @Override
        public Bytes sign(Bytes data) {
            throw failure;
        }
    }
}
