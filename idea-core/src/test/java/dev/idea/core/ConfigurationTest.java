package dev.idea.core;

import static dev.idea.core.IdeaPipelineTest.assertCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.StartupRequirement;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir
    Path dir;

    private Idea.Builder base() {
        return Idea.builder().dataDirectory(dir).environment(Map.of());
    }

    @Test
    void build_unknownStorageId_namesTheIdTheIdsFoundAndTheArtifact() {
        assertThatThrownBy(() -> base().kms("local").storage("jdbc").build())
                .hasMessageContaining("\"jdbc\"")
                .hasMessageContaining("filesystem")
                .hasMessageContaining("dev.idea:idea-storage-jdbc");
        assertCode(() -> base().kms("local").storage("jdbc").build(), ErrorCode.PROVIDER_NOT_FOUND);
    }

    @Test
    void build_unknownKmsId_failsFast() {
        assertThatThrownBy(() -> base().kms("pkcs11").build()).hasMessageContaining("dev.idea:idea-kms-pkcs11");
    }

    @Test
    void build_inProcessKernelWithoutKms_explainsHowToChooseOne() {
        assertThatThrownBy(() -> base().build()).hasMessageContaining("kms(\"local\")");
    }

    @Test
    void build_filesystemStorageWithoutDirectory_isAConfigurationError() {
        assertCode(() -> Idea.builder().environment(Map.of()).kms("local").build(), ErrorCode.CONFIG_INVALID);
    }

    @Test
    void build_invalidId_isRefusedAtOnce() {
        assertCode(() -> Idea.builder().kms("Bad Id"), ErrorCode.CONFIG_INVALID);
    }

    @Test
    void build_requireKmsWithoutKmsOrKeyRef_listsBothMissingInputs() {
        assertThatThrownBy(() -> base().require(StartupRequirement.REQUIRE_KMS).build())
                .hasMessageContaining("no KMS provider chosen")
                .hasMessageContaining("idea.kernel.key-ref");
        assertCode(() -> base().require(StartupRequirement.REQUIRE_KMS).build(), ErrorCode.STARTUP_REQUIREMENT_UNMET);
    }

    @Test
    void build_requireKmsFromEnvironment_isHonoured() {
        assertCode(() -> Idea.builder().dataDirectory(dir).environment(Map.of("REQUIRE_KMS", "true")).build(),
                ErrorCode.STARTUP_REQUIREMENT_UNMET);
    }

    @Test
    void build_requireKmsWithUnknownKey_failsFast() {
        assertThatThrownBy(() -> base().kms("local").property("idea.kernel.key-ref", "nope")
                .require(StartupRequirement.REQUIRE_KMS).build())
                .hasMessageContaining("REQUIRE_KMS").hasMessageContaining("nope");
    }

    @Test
    void build_requireKmsSatisfied_builds() {
        base().kms("local").property("idea.kms.local.generate-missing", "ed25519")
                .property("idea.kernel.key-ref", "release-signer")
                .require(StartupRequirement.REQUIRE_KMS).build().close();
    }

    @Test
    void build_requireSigningProxyWithInProcessKernel_isRefused() {
        assertThatThrownBy(() -> base().kms("local").environment(Map.of("REQUIRE_SIGNING_PROXY", "1",
                "IDEA_SIGNING_PROXY_URL", "http://proxy.internal")).build())
                .hasMessageContaining("https")
                .hasMessageContaining("in-process");
    }

    @Test
    void build_requireMtlsWithoutStores_namesBothStores() {
        assertThatThrownBy(() -> base().kms("local").require(StartupRequirement.REQUIRE_MTLS).build())
                .hasMessageContaining("IDEA_MTLS_KEYSTORE")
                .hasMessageContaining("IDEA_MTLS_TRUSTSTORE");
    }

    @Test
    void build_requireMtlsWithUnreadableStore_saysWhichFile() {
        Path missing = dir.resolve("client.p12");
        assertThatThrownBy(() -> base().kms("local").require(StartupRequirement.REQUIRE_MTLS)
                .property("idea.mtls.keystore", missing.toString())
                .property("idea.mtls.truststore", missing.toString()).build())
                .hasMessageContaining(missing.toString());
    }
}
