package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationFinding;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Package-level digests computed in the single read pass, checked against FIPS 180-2 known answers for "abc". */
class PackageDigestTest {
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-512("abc"), FIPS 180-2 appendix C.1. */
    static final String ABC_SHA512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final String TYPE = "service-release";

    @TempDir
    Path sandboxes;

    private ValidationReport validate(byte[] pkg, Map<String, String> checksumSettings) {
        Map<String, String> properties = new HashMap<>();
        properties.put("idea.validation." + TYPE + ".validators", "checksum");
        checksumSettings.forEach((k, v) -> properties.put("idea.validation." + TYPE + ".checksum." + k, v));
        return new PackageValidation(ValidationProfile.fromProperties(properties, List.of()), ValidationLimits.defaults(),
                sandboxes, null, 1).validate(PackageSource.of(Bytes.of(pkg)), TYPE, null);
    }

    private static ValidatorResult checksum(ValidationReport report) {
        return report.validators().get(0);
    }

    @Test
    void read_plainFileAbc_givesKnownAnswersForBothAlgorithms() throws IOException {
        try (HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(ABC),
                Set.of(HashAlgorithm.SHA_512, HashAlgorithm.SHA_256))) {
            in.transferTo(OutputSink.INSTANCE);
            assertThat(in.count()).isEqualTo(3);
            Map<HashAlgorithm, dev.idea.api.Digest> digests = in.digests();
            assertThat(digests.get(HashAlgorithm.SHA_256).hex()).isEqualTo(ABC_SHA256);
            assertThat(digests.get(HashAlgorithm.SHA_512).hex()).isEqualTo(ABC_SHA512);
        }
    }

    @Test
    void validate_packageSha512AndSha256OfAbc_bothVerified() {
        ValidationReport report = validate(ABC, Map.of("package.sha256", "sha256:" + ABC_SHA256, "package.sha512", ABC_SHA512));
        assertThat(report.format()).isEqualTo("file");
        assertThat(report.packageDigest().hex()).isEqualTo(ABC_SHA256);
        assertThat(checksum(report).status()).isEqualTo(ValidatorResult.Status.PASSED);
        assertThat(checksum(report).findings()).extracting(ValidationFinding::rule, ValidationFinding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("checksum.package-verified", "package SHA-256 matches package.sha256"),
                org.assertj.core.groups.Tuple.tuple("checksum.package-verified", "package SHA-512 matches package.sha512"));
    }

    @Test
    void validate_wrongPackageSha512_failsNamingBothDigests() {
        String wrong = ABC_SHA512.replace('d', 'e');
        ValidationReport report = validate(ABC, Map.of("package.sha512", "sha512:" + wrong));
        assertThat(checksum(report).status()).isEqualTo(ValidatorResult.Status.FAILED);
        assertThat(checksum(report).findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("checksum.package-mismatch");
            assertThat(f.message()).contains("package SHA-512 is " + ABC_SHA512, wrong + " was expected");
        });
    }

    @Test
    void validate_tarGzWithPackageSha512_hashesTheBytesAsSubmitted() throws Exception {
        byte[] pkg = new TarBuilder().file("a.txt", "abc").tarGz();
        String expected = java.util.HexFormat.of().formatHex(HashAlgorithm.SHA_512.newMessageDigest().digest(pkg));
        assertThat(checksum(validate(pkg, Map.of("package.sha512", expected))).status()).isEqualTo(ValidatorResult.Status.PASSED);
    }

    @Test
    void packageDigests_checksumWithoutPackageSha512_asksForNothingBeyondSha256() {
        var checksum = new dev.idea.core.validation.builtin.ChecksumValidator();
        assertThat(checksum.packageDigests(ValidatorSettings.of(Map.of("package.sha256", ABC_SHA256)))).isEmpty();
        assertThat(checksum.packageDigests(ValidatorSettings.of(Map.of("package.sha512", ABC_SHA512))))
                .containsExactly(HashAlgorithm.SHA_512);
    }

    @Test
    void packageDigest_algorithmNotComputed_throwsNamingTheFix() {
        UnpackedPackage view = new UnpackedPackage(Map.of(HashAlgorithm.SHA_256, dev.idea.api.Digest.sha256(Bytes.of(ABC))), 3,
                "file", List.of(new PackageEntry(ArchiveUnpacker.SINGLE_ENTRY, PackageEntry.Type.FILE, 3)), sandboxes);
        assertThat(view.packageDigest(HashAlgorithm.SHA_256).hex()).isEqualTo(ABC_SHA256);
        assertThatThrownBy(() -> view.packageDigest(HashAlgorithm.SHA_512))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PACKAGE_DIGEST_NOT_COMPUTED))
                .hasMessageContaining("sha512 digest was not computed")
                .hasMessageContaining("packageDigests(settings)");
    }
}
