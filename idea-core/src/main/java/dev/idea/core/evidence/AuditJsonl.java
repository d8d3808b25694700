package dev.idea.core.evidence;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.core.audit.ChainReplay;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonNull;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The JSON Lines export of the audit log for SIEM ingestion, and its streaming replay.
 *
 * <p>Each line is one object with the stable members {@code ts, seq, type, actor, subject,
 * manifestSignatureId} (null when absent), {@code hash, prevHash}, and {@code event} (the stored
 * canonical event, so the file can be verified). Stateless and thread-safe.
 */
public final class AuditJsonl {
    private static final byte[] EVENT_PLACEHOLDER = ",\"event\":null".getBytes(StandardCharsets.US_ASCII);
    private static final int NULL_LENGTH = "null".length();

    private AuditJsonl() {
    }

    /**
     * Writes one line.
     *
     * @param entry the event's stored canonical JSON
     * @param out the destination
     */
    public static void writeLine(Bytes entry, OutputStream out) {
        AuditEvent e = AuditEventCodec.readIfCanonical(entry);
        try {
            if (e == null) {
                out.write(Json.write(line(AuditEventCodec.read(entry), Json.parse(entry.toByteArray(), JsonLimits.DEFAULT))));
            } else {
                writeSpliced(line(e, JsonNull.INSTANCE), entry, out);
            }
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException("writing the audit export failed", ex);
        }
    }

    private static JsonObject line(AuditEvent e, JsonValue event) {
        return JsonObject.builder()
                .put("ts", e.timestamp().toString())
                .put("seq", e.seq())
                .put("type", e.type().wireName())
                .put("actor", e.actor())
                .put("subject", e.subject())
                .put("manifestSignatureId", e.manifestSignatureId() == null
                        ? JsonNull.INSTANCE
                        : new JsonString(e.manifestSignatureId()))
                .put("hash", e.hash().toString())
                .put("prevHash", e.prevHash().toString())
                .put("event", event)
                .build();
    }

    /**
     * Writes the line with the stored entry in place of its {@code "event":null} member. The entry is
     * canonical, so this is exactly the canonical line with the parsed event, without parsing it. The
     * member is the first {@code ,"event":null} in the line: only {@code actor} comes before it, and a
     * string value cannot hold an unescaped quote.
     */
    private static void writeSpliced(JsonObject line, Bytes entry, OutputStream out) throws IOException {
        byte[] bytes = Json.write(line);
        int at = indexOf(bytes, EVENT_PLACEHOLDER);
        int value = at + EVENT_PLACEHOLDER.length - NULL_LENGTH;
        out.write(bytes, 0, value);
        entry.writeTo(out);
        out.write(bytes, value + NULL_LENGTH, bytes.length - value - NULL_LENGTH);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("the export line has no event member");
    }

    /**
     * Replays an export, streaming.
     *
     * @param jsonl the export
     * @param checkpoints verified checkpoints to compare roots with
     * @return the count and head
     * @throws AuditChainException naming the first bad entry and the fault
     */
    public static ChainVerification verify(InputStream jsonl, List<Checkpoint> checkpoints) {
        ChainReplay replay = new ChainReplay(checkpoints);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while (line != null) {
                String next = r.readLine();
                Bytes entry = eventOf(replay.count(), line);
                String peek = next;
                LongSupplier nextSeq = () -> peek == null ? -1 : seqOf(peek);
                replay.check(entry, nextSeq);
                requireConsistentLine(replay.count() - 1, line, entry);
                line = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the audit export failed", e);
        }
        return replay.finish();
    }

    /** The SIEM fields repeat the event: any difference from what the writer would produce is tampering. */
    private static void requireConsistentLine(long index, String line, Bytes entry) {
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream(line.length() + 1);
        writeLine(entry, expected);
        if (!expected.toString(StandardCharsets.UTF_8).equals(line + "\n")) {
            throw new AuditChainException(ErrorCode.AUDIT_HASH_MISMATCH, "entry " + index + ": the fields of line " + (index + 1)
                    + " (ts, seq, type, actor, subject, manifestSignatureId, hash, prevHash) do not repeat its event exactly");
        }
    }

    private static Bytes eventOf(long index, String line) {
        try {
            JsonObject o = Json.parseObject(line.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
            return Bytes.of(Json.write(o.requireObject("event")));
        } catch (IdeaException e) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_MALFORMED, "entry " + index + ": line " + (index + 1)
                    + " is not an export line with an event (" + e.getMessage() + ")", e);
        }
    }

    private static long seqOf(String line) {
        try {
            return Json.parseObject(line.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT).requireObject("event").requireLong("seq");
        } catch (IdeaException e) {
            return -1;
        }
    }
}
