package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.SignedManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path manifest;

    @BeforeAll
    static void runDemo() {
        data = dir.resolve("idea-data");
        Invocation demo = Invocation.run("demo", "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, demo.exitCode(), demo::toString);
        manifest = DemoCommandTest.manifestFiles(data).get(0);
    }

    @Test
    void verify_demoManifest_verifiesAgainstSignerRegistry() {
        Invocation result = Invocation.run("verify", manifest.toString(), "--data-dir", data.toString());

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertTrue(result.out().contains("manifest: "), result::toString);
        assertTrue(result.out().contains("digest: sha256:"), result::toString);
        assertTrue(result.out().contains("signer: "), result::toString);
        assertTrue(result.lastOutLine().startsWith("signature verified"), result::toString);
    }

    @Test
    void verify_demoManifestWithPublicKey_verifiesOffline() {
        Path pem = data.resolve("public-keys/release-signer.pem");

        Invocation result = Invocation.run("verify", manifest.toString(), "--public-key", pem.toString());

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertTrue(result.lastOutLine().startsWith("signature verified: offline"), result::toString);
    }

    @Test
    void verify_tamperedPayload_exitsWithVerificationFailure() throws IOException {
        SignedManifest signed = read(manifest);
        String json = signed.envelope().payload().utf8String();
        String changed = json.replace("idea demo, run 1", "idea demo, run 9");
        assertTrue(!changed.equals(json), "the manifest should hold the demo rationale: " + json);
        Path tampered = write("payload.json", withEnvelope(signed, new DsseEnvelope(signed.envelope().payloadType(),
                Bytes.utf8(changed), signed.envelope().signatures())));

        assertVerificationFails(tampered);
    }

    @Test
    void verify_tamperedSignature_exitsWithVerificationFailure() throws IOException {
        SignedManifest signed = read(manifest);
        DsseSignature original = signed.envelope().signatures().get(0);
        byte[] sig = original.sig().toByteArray();
        sig[sig.length / 2] ^= 0x01;
        Path tampered = write("signature.json", withEnvelope(signed, new DsseEnvelope(signed.envelope().payloadType(),
                signed.envelope().payload(), List.of(new DsseSignature(original.keyid(), Bytes.of(sig))))));

        assertVerificationFails(tampered);
    }

    @Test
    void verify_tamperedFileOffline_exitsWithVerificationFailure() throws IOException {
        SignedManifest signed = read(manifest);
        byte[] sig = signed.envelope().signatures().get(0).sig().toByteArray();
        sig[0] ^= (byte) 0x80;
        Path tampered = write("offline.json", withEnvelope(signed, new DsseEnvelope(signed.envelope().payloadType(),
                signed.envelope().payload(), List.of(new DsseSignature("", Bytes.of(sig))))));

        Invocation result = Invocation.run("verify", tampered.toString(), "--public-key",
                data.resolve("public-keys/release-signer.pem").toString());

        assertEquals(IdeaCommand.EXIT_VERIFICATION_FAILED, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-2"), result::toString);
    }

    @Test
    void verify_missingDataDirectory_exitsWithError() {
        Path missing = dir.resolve("no-such-dir");

        Invocation result = Invocation.run("verify", manifest.toString(), "--data-dir", missing.toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: data directory "), result::toString);
        assertTrue(Files.notExists(missing), "verify must not create the data directory");
    }

    @Test
    void verify_notASignedManifest_exitsWithError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-signed.json"), "{\"hello\":\"world\"}", StandardCharsets.UTF_8);

        Invocation result = Invocation.run("verify", file.toString(), "--data-dir", data.toString());

        assertTrue(result.exitCode() != IdeaCommand.EXIT_OK, result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-"), result::toString);
    }

    private static void assertVerificationFails(Path tampered) {
        Invocation result = Invocation.run("verify", tampered.toString(), "--data-dir", data.toString());

        assertEquals(IdeaCommand.EXIT_VERIFICATION_FAILED, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-"), result::toString);
        assertEquals(1, result.stderr().lines().count(), result::toString);
    }

    private static SignedManifest read(Path file) throws IOException {
        return formats().readSignedManifest(Bytes.of(Files.readAllBytes(file)));
    }

    private static SignedManifest withEnvelope(SignedManifest signed, DsseEnvelope envelope) {
        return new SignedManifest(envelope, signed.manifestSignatureId(), signed.signerId());
    }

    private static Path write(String name, SignedManifest signed) throws IOException {
        return Files.write(dir.resolve(name), formats().writeSignedManifest(signed).toByteArray());
    }

    private static IdeaFormats formats() {
        return Idea.formats();
    }
}
