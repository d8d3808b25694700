package dev.idea.core.evidence;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.VerificationKey;
import dev.idea.core.audit.ChainReplay;
import dev.idea.core.audit.EventSignature;
import dev.idea.core.audit.EventSignatureVerifier;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonNull;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
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
 * manifestSignatureId} (null when absent), {@code hash, prevHash}, {@code event} (the stored
 * canonical event, so the file can be verified) and, for a signed event, {@code sig} (its entry of
 * the {@code audit-signatures} log). Stateless and thread-safe.
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
        writeLine(entry, null, out);
    }

    /**
     * Writes one line, with the event's signature entry as member {@code sig} when there is one.
     *
     * @param entry the event's stored canonical JSON
     * @param signature the event's signature, or null
     * @param out the destination
     */
    public static void writeLine(Bytes entry, EventSignature signature, OutputStream out) {
        AuditEvent e = AuditEventCodec.readIfCanonical(entry);
        try {
            if (e == null) {
                out.write(Json.write(line(AuditEventCodec.read(entry), Json.parse(entry.toByteArray(), JsonLimits.DEFAULT),
                        signature)));
            } else {
                writeSpliced(line(e, JsonNull.INSTANCE, signature), entry, out);
            }
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException("writing the audit export failed", ex);
        }
    }

    private static JsonObject line(AuditEvent e, JsonValue event, EventSignature signature) {
        JsonObject.Builder line = JsonObject.builder()
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
                .put("event", event);
        if (signature != null) {
            line.put("sig", signature.toJsonObject());
        }
        return line.build();
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
     * Replays an export, streaming; an export with per-event signatures is refused, as no key is given
     * to verify them.
     *
     * @param jsonl the export
     * @param checkpoints verified checkpoints to compare roots with
     * @return the count and head
     * @throws AuditChainException naming the first bad entry and the fault
     */
    public static ChainVerification verify(InputStream jsonl, List<Checkpoint> checkpoints) {
        return verify(jsonl, checkpoints, List.of());
    }

    /**
     * Replays an export, streaming, verifying the {@code sig} of every line that has one and requiring
     * one where the chain's {@code audit.signing} events say events are signed.
     *
     * @param jsonl the export
     * @param checkpoints verified checkpoints to compare roots with
     * @param eventKeys keys trusted for per-event signatures (the log's key)
     * @return the count and head
     * @throws AuditChainException naming the first bad entry and the fault
     */
    public static ChainVerification verify(InputStream jsonl, List<Checkpoint> checkpoints, List<VerificationKey> eventKeys) {
        EventSignature[] current = new EventSignature[1];
        ChainReplay replay = new ChainReplay(checkpoints, new EventSignatureVerifier(eventKeys, (e, required) -> current[0]));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while (line != null) {
                String next = r.readLine();
                JsonObject o = lineOf(replay.count(), line);
                Bytes entry = Bytes.of(Json.write(o.requireObject("event")));
                current[0] = signatureOf(replay.count(), o);
                String peek = next;
                LongSupplier nextSeq = () -> peek == null ? -1 : seqOf(peek);
                replay.check(entry, nextSeq);
                requireConsistentLine(replay.count() - 1, line, entry, current[0]);
                line = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the audit export failed", e);
        }
        return replay.finish();
    }

    /** The SIEM fields repeat the event: any difference from what the writer would produce is tampering. */
    private static void requireConsistentLine(long index, String line, Bytes entry, EventSignature signature) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream(line.length() + 1);
        writeLine(entry, signature, expected);
        if (!expected.toString(StandardCharsets.UTF_8).equals(line + "\n")) {
            throw new AuditChainException(ErrorCode.AUDIT_HASH_MISMATCH, "entry " + index + ": the fields of line " + (index + 1)
                    + " (ts, seq, type, actor, subject, manifestSignatureId, hash, prevHash, sig) do not repeat its event"
                    + " exactly");
        }
    }

    private static EventSignature signatureOf(long index, JsonObject line) {
        if (line.get("sig").isEmpty()) {
            return null;
        }
        try {
            return EventSignature.fromJson(line.requireObject("sig"));
        } catch (IdeaException | IllegalArgumentException e) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "entry " + index + ": the sig of line "
                    + (index + 1) + " is not a signature entry (" + e.getMessage() + "); export the log again", e);
        }
    }

    private static JsonObject lineOf(long index, String line) {
        try {
            JsonObject o = Json.parseObject(line.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
            o.requireObject("event");
            return o;
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
