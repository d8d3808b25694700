package dev.idea.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kms.KeyRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKmsDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void createKey_withDirectory_persistsPkcs8PemAndReopens() throws Exception {
        LocalKms kms = LocalKms.open(dir, null);
        VerificationKey ed = kms.createKey(KeyRef.of("release-signer"), SignatureAlgorithm.ED25519);
        VerificationKey ec = kms.createKey(KeyRef.of("approver.1"), SignatureAlgorithm.ECDSA_P256_SHA256);

        String pem = Files.readString(dir.resolve("release-signer.pem"), StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n") && pem.endsWith("-----END PRIVATE KEY-----\n"), pem);

        LocalKms reopened = LocalKms.open(dir, null);
        assertEquals(ed, reopened.publicKey(KeyRef.of("release-signer")));
        assertEquals(ec, reopened.publicKey(KeyRef.of("approver.1")));
        assertEquals(kms.sign(KeyRef.of("approver.1"), LocalKmsTest.DATA), reopened.sign(KeyRef.of("approver.1"), LocalKmsTest.DATA));
        assertEquals(List.of(KeyRef.of("approver.1"), KeyRef.of("release-signer")), reopened.keyRefs());
    }

    @Test
    void createKey_posixFileSystem_writesOwnerOnlyFileAndNoTempLeftovers() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        LocalKms.open(dir, null).createKey(KeyRef.of("k"), SignatureAlgorithm.ED25519);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("k.pem"))));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("k.pem")), files.toList());
        }
    }

    @Test
    void open_missingDirectory_createsIt() {
        Path nested = dir.resolve("a/keys");
        LocalKms.open(nested, null).createKey(KeyRef.of("k"), SignatureAlgorithm.ED25519);
        assertTrue(Files.isRegularFile(nested.resolve("k.pem")));
    }

    @Test
    void generateMissing_unknownRef_createsAndPersistsKey() {
        LocalKms kms = LocalKms.open(dir, SignatureAlgorithm.ED25519);
        VerificationKey key = kms.publicKey(KeyRef.of("auto"));
        assertTrue(Files.isRegularFile(dir.resolve("auto.pem")));
        assertEquals(key, LocalKms.open(dir, null).publicKey(KeyRef.of("auto")));
    }

    @Test
    void publicKey_fileAddedAfterOpen_isLoadedOnFirstUse() {
        LocalKms first = LocalKms.open(dir, null);
        VerificationKey key = LocalKms.open(dir, null).createKey(KeyRef.of("later"), SignatureAlgorithm.ECDSA_P256_SHA256);
        assertEquals(key, first.publicKey(KeyRef.of("later")));
    }

    @Test
    void createKey_unsafeRefWithDirectory_refusesAndWritesNothing() throws Exception {
        LocalKms kms = LocalKms.open(dir, null);
        for (String ref : List.of("../escape", ".hidden", "a/b", "a b", "x".repeat(201))) {
            var e = assertThrows(ConfigurationException.class, () -> kms.createKey(KeyRef.of(ref), SignatureAlgorithm.ED25519), ref);
            assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        assertTrue(Files.notExists(dir.resolveSibling("escape.pem")));
    }

    @Test
    void createKey_fileCreatedByAnotherInstance_refusesToOverwrite() throws Exception {
        LocalKms one = LocalKms.open(dir, null);
        LocalKms other = LocalKms.open(dir, null);
        one.createKey(KeyRef.of("shared"), SignatureAlgorithm.ED25519);
        String before = Files.readString(dir.resolve("shared.pem"));
        assertThrows(ConfigurationException.class, () -> other.createKey(KeyRef.of("shared"), SignatureAlgorithm.ED25519));
        assertEquals(before, Files.readString(dir.resolve("shared.pem")));
    }

    @Test
    void open_corruptKeyFile_failsNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var e = assertThrows(ConfigurationException.class, () -> LocalKms.open(dir, null));
        assertEquals(ErrorCode.KEY_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("broken.pem"), e.getMessage());
    }

    @Test
    void open_dotFilesAndOtherFiles_areIgnored() throws Exception {
        Files.writeString(dir.resolve(".k.123.tmp"), "partial");
        Files.writeString(dir.resolve("README.txt"), "notes");
        assertEquals(List.of(), LocalKms.open(dir, null).keyRefs());
    }
}
