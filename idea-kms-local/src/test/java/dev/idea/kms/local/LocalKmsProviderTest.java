package dev.idea.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.Kms;
import dev.idea.spi.kms.KmsContext;
import dev.idea.spi.kms.KmsProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKmsProviderTest {
    @TempDir
    Path dir;

    private static KmsContext context(Map<String, String> properties, Path dataDirectory) {
        return new KmsContext(properties, dataDirectory, Clock.systemUTC());
    }

    @Test
    void serviceLoader_classPath_findsLocalProvider() {
        List<String> ids = ServiceLoader.load(KmsProvider.class).stream().map(p -> p.get().id()).toList();
        assertEquals(List.of("local"), ids);
    }

    @Test
    void open_programmaticKms_returnsThatKms() {
        LocalKms kms = LocalKms.inMemory();
        assertSame(kms, new LocalKmsProvider(kms).open(context(Map.of(), null)));
    }

    @Test
    void open_noDirectoryNoDataDirectory_isInMemoryAndRefusesUnknownKeys() {
        Kms kms = new LocalKmsProvider().open(context(Map.of(), null));
        var e = assertThrows(ProviderException.class, () -> kms.publicKey(KeyRef.of("k")));
        assertEquals(ErrorCode.KEY_NOT_FOUND, e.errorCode());
    }

    @Test
    void open_dataDirectoryAndGenerateMissing_persistsUnderKeys() {
        Kms kms = new LocalKmsProvider().open(context(Map.of(LocalKmsProvider.GENERATE_MISSING_PROPERTY, "ecdsa-p256-sha256"), dir));
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, kms.algorithm(KeyRef.of("signer")));
        assertTrue(Files.isRegularFile(dir.resolve("keys/signer.pem")));
    }

    @Test
    void open_explicitDirectory_winsOverDataDirectory() {
        Path keys = dir.resolve("elsewhere");
        Kms kms = new LocalKmsProvider().open(context(Map.of(
                LocalKmsProvider.DIRECTORY_PROPERTY, keys.toString(),
                LocalKmsProvider.GENERATE_MISSING_PROPERTY, "ed25519"), dir.resolve("data")));
        assertEquals(SignatureAlgorithm.ED25519, kms.algorithm(KeyRef.of("k")));
        assertTrue(Files.isRegularFile(keys.resolve("k.pem")));
    }

    @Test
    void open_unknownGenerateMissingValue_failsNamingAllowedValues() {
        var e = assertThrows(ConfigurationException.class, () -> new LocalKmsProvider()
                .open(context(Map.of(LocalKmsProvider.GENERATE_MISSING_PROPERTY, "rsa"), null)));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("\"rsa\"") && e.getMessage().contains("ed25519, ecdsa-p256-sha256, off"), e.getMessage());
    }

    @Test
    void open_generateMissingOff_refusesUnknownKeys() {
        Kms kms = new LocalKmsProvider().open(context(Map.of(LocalKmsProvider.GENERATE_MISSING_PROPERTY, "off"), null));
        assertThrows(ProviderException.class, () -> kms.algorithm(KeyRef.of("k")));
    }

    @Test
    void open_blankDirectory_failsAsConfigInvalid() {
        var e = assertThrows(ConfigurationException.class, () -> new LocalKmsProvider()
                .open(context(Map.of(LocalKmsProvider.DIRECTORY_PROPERTY, " "), null)));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
    }

    @Test
    void id_isLocal() {
        assertEquals("local", new LocalKmsProvider().id());
    }
}
