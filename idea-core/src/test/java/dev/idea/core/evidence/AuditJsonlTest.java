package dev.idea.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonNull;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.testkit.IdeaArbitraries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The export line written with the stored event spliced in, against the line built from the parsed event. */
class AuditJsonlTest {

    @Provide
    Arbitrary<AuditEvent> events() {
        return IdeaArbitraries.auditEvents();
    }

    @Property(tries = 300)
    void writeLine_anyEvent_equalsTheLineWithTheParsedEvent(@ForAll("events") AuditEvent e) {
        Bytes entry = AuditEventCodec.write(e);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditJsonl.writeLine(entry, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(referenceLine(e, entry));
    }

    @Property(tries = 100)
    void writeLine_nonCanonicalEntry_writesTheCanonicalEvent(@ForAll("events") AuditEvent e) {
        Bytes entry = AuditEventCodec.write(e);
        Bytes spaced = Bytes.utf8(entry.utf8String().replace(",\"seq\":", ", \"seq\" : "));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditJsonl.writeLine(spaced, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(referenceLine(e, entry));
    }

    private static String referenceLine(AuditEvent e, Bytes entry) {
        JsonObject line = JsonObject.builder()
                .put("ts", e.timestamp().toString())
                .put("seq", e.seq())
                .put("type", e.type().wireName())
                .put("actor", e.actor())
                .put("subject", e.subject())
                .put("manifestSignatureId", e.manifestSignatureId() == null
                        ? JsonNull.INSTANCE : new JsonString(e.manifestSignatureId()))
                .put("hash", e.hash().toString())
                .put("prevHash", e.prevHash().toString())
                .put("event", Json.parse(entry.toByteArray(), JsonLimits.DEFAULT))
                .build();
        return new String(Json.write(line), StandardCharsets.UTF_8) + "\n";
    }
}
