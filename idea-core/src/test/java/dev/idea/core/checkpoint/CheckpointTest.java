package dev.idea.core.checkpoint;

import static dev.idea.core.checkpoint.SignedNoteVectorsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.Bytes;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.NoteKey;
import dev.idea.api.WitnessPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Digest ROOT = Digest.sha256(Bytes.utf8("root"));
    private static final Ed25519TestKey LOG = Ed25519TestKey.generate();
    private static final CheckpointSigner SIGNER = new CheckpointSigner("example.com/idea-audit", LOG);

    @Test
    void sign_producesTheC2spFormat_andVerifies() {
        Checkpoint c = SIGNER.sign(20852163, ROOT);
        String[] lines = c.note().split("\n", -1);
        assertThat(lines[0]).isEqualTo("example.com/idea-audit");
        assertThat(lines[1]).isEqualTo("20852163");
        assertThat(Base64.getDecoder().decode(lines[2])).isEqualTo(ROOT.value().toByteArray());
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("\u2014 example.com/idea-audit ");
        byte[] sig = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
        assertThat(sig).hasSize(4 + 64);
        Checkpoint verified = CheckpointVerifier.verify(c.note(), List.of(SIGNER.noteKey()), WitnessPolicy.none());
        assertThat(verified).isEqualTo(c);
    }

    @Test
    void verify_wrongKeyOrTamperedBody_refused() {
        Checkpoint c = SIGNER.sign(5, ROOT);
        NoteKey otherKey = NoteKey.of("example.com/idea-audit", Ed25519TestKey.generate().publicKey());
        assertCode(() -> CheckpointVerifier.verify(c.note(), List.of(otherKey), WitnessPolicy.none()), ErrorCode.CHECKPOINT_UNTRUSTED);
        String tampered = c.note().replaceFirst("\n5\n", "\n6\n");
        assertCode(() -> CheckpointVerifier.verify(tampered, List.of(SIGNER.noteKey()), WitnessPolicy.none()),
                ErrorCode.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void verify_kOfNWitnesses_countsDistinctValidCosignatures() {
        Checkpoint c = SIGNER.sign(7, ROOT);
        List<Ed25519TestKey> keys = List.of(Ed25519TestKey.generate(), Ed25519TestKey.generate(), Ed25519TestKey.generate());
        List<NoteKey> witnesses = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            witnesses.add(new NoteKey("witness.example/w" + i, NoteKey.Type.COSIGNATURE_V1, keys.get(i).publicKey()));
        }
        SignedNote note = SignedNote.parse(c.note());
        List<SignedNote.Signature> sigs = new ArrayList<>(note.signatures());
        sigs.add(cosign(keys.get(0), witnesses.get(0), note.text(), 1_700_000_000L));
        sigs.add(cosign(keys.get(2), witnesses.get(2), note.text(), 1_700_000_001L));
        sigs.add(cosign(keys.get(2), witnesses.get(2), note.text(), 1_700_000_002L));
        String cosigned = new SignedNote(note.text(), sigs).format();

        CheckpointVerifier.verify(cosigned, List.of(SIGNER.noteKey()), new WitnessPolicy(2, witnesses));
        assertCode(() -> CheckpointVerifier.verify(cosigned, List.of(SIGNER.noteKey()), new WitnessPolicy(3, witnesses)),
                ErrorCode.WITNESS_QUORUM_NOT_MET);

        List<SignedNote.Signature> forged = new ArrayList<>(note.signatures());
        forged.add(cosign(keys.get(1), witnesses.get(1), note.text().replace("\n7\n", "\n8\n"), 1_700_000_000L));
        String forgedNote = new SignedNote(note.text(), forged).format();
        assertCode(() -> CheckpointVerifier.verify(forgedNote, List.of(SIGNER.noteKey()), new WitnessPolicy(1, witnesses)),
                ErrorCode.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void parse_c2spCosignatureExample_readsBothSignatureLines() {
        String example = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
                + "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";
        SignedNote n = SignedNote.parse(example);
        assertThat(n.signatures()).hasSize(2);
        SignedNote.Signature w = n.signatures().get(1);
        assertThat(w.signature().size()).isEqualTo(72);
        assertThat(ByteBuffer.wrap(w.signature().toByteArray(), 0, 8).getLong()).isEqualTo(1679315147L);
        assertThat(CheckpointBody.parse(n.text()).size()).isEqualTo(20852163);
    }

    private static SignedNote.Signature cosign(Ed25519TestKey key, NoteKey witness, String text, long time) {
        Bytes sig = key.sign(Cosignatures.message(time, text));
        byte[] all = ByteBuffer.allocate(72).putLong(time).put(sig.toByteArray()).array();
        return new SignedNote.Signature(witness.name(), Bytes.of(witness.keyId()), Bytes.of(all));
    }
}
