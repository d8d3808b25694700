package dev.idea.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.NoteKey;
import dev.idea.api.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed-note known answers from golang.org/x/mod {@code sumdb/note/note_test.go} (keys PeterNeumann
 * and EnochRoot, the Sign and Open cases).
 */
class SignedNoteVectorsTest {
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String PETER_SKEY_B64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static final NoteKey PETER = NoteKey.parse(PETER_VKEY);
    private static final NoteKey ENOCH = NoteKey.parse(ENOCH_VKEY);

    @Test
    void parseVerifierKey_roundTripsAndComputesTheKeyId() {
        assertThat(PETER.name()).isEqualTo("PeterNeumann");
        assertThat(Bytes.of(PETER.keyId()).hex()).isEqualTo("c74f20a3");
        assertThat(PETER.verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(Bytes.of(ENOCH.keyId()).hex()).isEqualTo("af0cfe78");
    }

    @Test
    void parseVerifierKey_everyMangling_refused() {
        byte[] b = PETER_VKEY.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    assertBadKey(new String(b, i, j - i, StandardCharsets.US_ASCII));
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            byte[] c = b.clone();
            c[i]++;
            assertBadKey(new String(c, StandardCharsets.US_ASCII));
        }
        assertBadKey("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertBadKey("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    private static void assertBadKey(String vkey) {
        assertThatThrownBy(() -> NoteKey.parse(vkey)).as(vkey).isInstanceOf(VerificationException.class);
    }

    @Test
    void signText_withPeterNeumannsKey_givesThePublishedSignature() {
        byte[] skey = Base64.getDecoder().decode(PETER_SKEY_B64);
        assertThat(skey[0]).isEqualTo((byte) 1);
        Ed25519TestKey key = Ed25519TestKey.fromSeed(Arrays.copyOfRange(skey, 1, 33), PETER.rawPublicKey());
        CheckpointSigner signer = new CheckpointSigner("PeterNeumann", key);
        assertThat(new SignedNote(TEXT, List.of(signer.signText(TEXT))).format()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void verifyNote_oneTrustedOfTwoSignatures_accepted() {
        SignedNote n = CheckpointVerifier.verifyNote(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(PETER));
        assertThat(n.text()).isEqualTo(TEXT);
        assertThat(n.signatures()).hasSize(2);
        CheckpointVerifier.verifyNote(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(PETER, ENOCH));
        CheckpointVerifier.verifyNote(TEXT + "\n" + PETER_SIG, List.of(ENOCH, PETER, ENOCH));
    }

    @Test
    void verifyNote_noTrustedSignature_refusedAsUntrusted() {
        assertCode(() -> CheckpointVerifier.verifyNote(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of()), ErrorCode.CHECKPOINT_UNTRUSTED);
        String misnamed = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
        assertCode(() -> CheckpointVerifier.verifyNote(TEXT + "\n" + misnamed, List.of(PETER)), ErrorCode.CHECKPOINT_UNTRUSTED);
        String wrongHash = PETER_SIG.replace("x08g", "xxxx");
        assertCode(() -> CheckpointVerifier.verifyNote(TEXT + "\n" + wrongHash, List.of(PETER)), ErrorCode.CHECKPOINT_UNTRUSTED);
    }

    @Test
    void verifyNote_badSignatureOfAKnownKey_refused() {
        String bad = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        assertCode(() -> CheckpointVerifier.verifyNote(TEXT + "\n" + bad, List.of(PETER)), ErrorCode.CHECKPOINT_SIGNATURE_INVALID);
        String otherText = TEXT.replace("answer", "Answer");
        assertCode(() -> CheckpointVerifier.verifyNote(otherText + "\n" + PETER_SIG, List.of(PETER)),
                ErrorCode.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void parse_malformedNotes_refused() {
        List<String> bad = List.of(TEXT, TEXT + "\n", TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIG.repeat(101));
        for (String note : bad) {
            assertCode(() -> CheckpointVerifier.verifyNote(note, List.of(PETER)), ErrorCode.CHECKPOINT_MALFORMED);
        }
        byte[] latin = ("\u00ff" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        latin[0] = (byte) 0xff;
        latin[1] = (byte) 'I';
        assertCode(() -> SignedNote.parse(Bytes.of(latin)), ErrorCode.CHECKPOINT_MALFORMED);
    }

    static void assertCode(Runnable r, ErrorCode code) {
        assertThatThrownBy(r::run).isInstanceOf(VerificationException.class).hasMessageStartingWith(code.code());
    }
}
