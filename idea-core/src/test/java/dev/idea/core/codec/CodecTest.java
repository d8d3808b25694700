package dev.idea.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.Manifest;
import dev.idea.api.SignedManifest;
import dev.idea.testkit.IdeaArbitraries;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CodecTest {

    @Provide
    Arbitrary<Manifest> manifests() {
        return IdeaArbitraries.manifests();
    }

    @Provide
    Arbitrary<AuditEvent> events() {
        return IdeaArbitraries.auditEvents();
    }

    @Property(tries = 200)
    void manifest_writeThenRead_isIdentity(@ForAll("manifests") Manifest m) {
        Bytes json = ManifestCodec.write(m);
        assertThat(ManifestCodec.read(json)).isEqualTo(m);
        assertThat(ManifestCodec.write(ManifestCodec.read(json))).isEqualTo(json);
    }

    @Property(tries = 200)
    void auditEvent_writeThenRead_isIdentity(@ForAll("events") AuditEvent e) {
        assertThat(AuditEventCodec.read(AuditEventCodec.write(e))).isEqualTo(e);
    }

    @Property(tries = 100)
    void auditEvent_seal_hashCoversEveryField(@ForAll("events") AuditEvent e) {
        AuditEvent sealed = AuditEventCodec.seal(e.seq(), e.timestamp(), e.type(), e.actor(), e.subject(), e.payloadDigest(),
                e.manifestSignatureId(), e.attributes(), e.prevHash());
        assertThat(AuditEventCodec.computeHash(sealed)).isEqualTo(sealed.hash());
        AuditEvent otherActor = AuditEventCodec.seal(e.seq(), e.timestamp(), e.type(), e.actor() + "x", e.subject(),
                e.payloadDigest(), e.manifestSignatureId(), e.attributes(), e.prevHash());
        assertThat(otherActor.hash()).isNotEqualTo(sealed.hash());
    }

    @Test
    void envelope_writeThenRead_isIdentityAndCanonical() {
        DsseEnvelope env = new DsseEnvelope("application/example", Bytes.utf8("hello world"),
                List.of(new DsseSignature("k1", Bytes.of(new byte[] {1, 2, 3})), new DsseSignature("", Bytes.of((byte) 9))));
        Bytes json = EnvelopeCodec.write(env);
        assertThat(json.utf8String()).isEqualTo("{\"payload\":\"aGVsbG8gd29ybGQ=\",\"payloadType\":\"application/example\","
                + "\"signatures\":[{\"keyid\":\"k1\",\"sig\":\"AQID\"},{\"keyid\":\"\",\"sig\":\"CQ==\"}]}");
        assertThat(EnvelopeCodec.read(json)).isEqualTo(env);
    }

    @Test
    void envelope_urlSafeBase64WithoutPadding_isAccepted() {
        DsseEnvelope env = EnvelopeCodec.read(Bytes.utf8(
                "{\"payloadType\":\"t\",\"payload\":\"-_8\",\"signatures\":[{\"sig\":\"AQID\"}]}"));
        assertThat(env.payload()).isEqualTo(Bytes.of((byte) 0xfb, (byte) 0xff));
        assertThat(env.signatures().get(0).keyid()).isEmpty();
    }

    @Test
    void envelope_withoutSignaturesOrWithTooMany_isMalformed() {
        assertCode(() -> EnvelopeCodec.read(Bytes.utf8("{\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[]}")),
                ErrorCode.ENVELOPE_MALFORMED);
        String many = String.join(",", Collections.nCopies(65, "{\"sig\":\"AQID\"}"));
        assertCode(() -> EnvelopeCodec.read(Bytes.utf8("{\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[" + many + "]}")),
                ErrorCode.ENVELOPE_MALFORMED);
        assertCode(() -> EnvelopeCodec.read(Bytes.utf8("{\"payloadType\":\"t\",\"payload\":\"%%\",\"signatures\":[{\"sig\":\"AQID\"}]}")),
                ErrorCode.ENVELOPE_MALFORMED);
    }

    @Test
    void signedManifest_writeThenRead_isIdentity() {
        SignedManifest s = new SignedManifest(new DsseEnvelope(Manifest.PAYLOAD_TYPE, Bytes.utf8("{}"),
                List.of(new DsseSignature("k", Bytes.of((byte) 1)))), "msig_1", "idea-kernel");
        assertThat(SignedManifestCodec.read(SignedManifestCodec.write(s))).isEqualTo(s);
    }

    @Test
    void manifest_unknownSchemaOrMissingMember_isASchemaViolation() {
        assertCode(() -> ManifestCodec.read(Bytes.utf8("{\"schema\":\"idea.manifest.v9\"}")), ErrorCode.JSON_SCHEMA_VIOLATION);
        assertCode(() -> ManifestCodec.read(Bytes.utf8("{\"schema\":\"idea.manifest.v1\",\"manifestId\":\"x\"}")),
                ErrorCode.JSON_SCHEMA_VIOLATION);
    }

    @Test
    void manifest_duplicateKeys_areRefusedByTheStrictParser() {
        assertCode(() -> ManifestCodec.read(Bytes.utf8("{\"schema\":\"a\",\"schema\":\"b\"}")), ErrorCode.JSON_DUPLICATE_KEY);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(FormatException.class)
                .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(code);
    }
}
