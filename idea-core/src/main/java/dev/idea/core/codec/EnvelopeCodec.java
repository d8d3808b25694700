package dev.idea.core.codec;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes DSSE envelopes in their standard JSON form: {@code payloadType}, {@code payload}
 * (standard base64) and {@code signatures} (each {@code keyid}, {@code sig}).
 *
 * <p>Stateless and thread-safe.
 */
public final class EnvelopeCodec {
    /** Most signatures one envelope may carry; bounds the work a hostile envelope can cause. */
    public static final int MAX_SIGNATURES = 64;

    private EnvelopeCodec() {
    }

    /**
     * Writes an envelope as canonical JSON.
     *
     * @param envelope the envelope
     * @return the bytes
     */
    public static Bytes write(DsseEnvelope envelope) {
        return Bytes.of(Json.write(toJson(envelope)));
    }

    static JsonObject toJson(DsseEnvelope envelope) {
        List<JsonValue> signatures = new ArrayList<>();
        for (DsseSignature s : envelope.signatures()) {
            signatures.add(JsonObject.builder().put("keyid", s.keyid()).put("sig", s.sig().base64()).build());
        }
        return JsonObject.builder()
                .put("payloadType", envelope.payloadType())
                .put("payload", envelope.payload().base64())
                .put("signatures", new JsonArray(signatures))
                .build();
    }

    /**
     * Reads an envelope.
     *
     * @param json the document
     * @return the envelope
     * @throws FormatException with {@link ErrorCode#ENVELOPE_MALFORMED} or a {@code JSON_*} code
     */
    public static DsseEnvelope read(Bytes json) {
        return fromJson(Json.parseObject(json.toByteArray(), CodecSupport.LIMITS));
    }

    /** DSSE readers accept standard and URL-safe base64 alike (protocol.md, "Envelope"); IDEA writes standard. */
    private static Bytes base64(String text) {
        return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                ? Bytes.fromBase64(text.replace('-', '+').replace('_', '/'))
                : Bytes.fromBase64(text);
    }

    static DsseEnvelope fromJson(JsonObject o) {
        try {
            List<DsseSignature> signatures = new ArrayList<>();
            for (JsonValue v : o.requireArray("signatures").values()) {
                if (!(v instanceof JsonObject s)) {
                    throw new FormatException(ErrorCode.ENVELOPE_MALFORMED, "each signature must be an object");
                }
                if (signatures.size() == MAX_SIGNATURES) {
                    throw new FormatException(ErrorCode.ENVELOPE_MALFORMED, "envelope has more than " + MAX_SIGNATURES
                            + " signatures; IDEA refuses larger envelopes");
                }
                signatures.add(new DsseSignature(s.optString("keyid").orElse(""), base64(s.requireString("sig"))));
            }
            if (signatures.isEmpty()) {
                throw new FormatException(ErrorCode.ENVELOPE_MALFORMED, "envelope has no signatures; DSSE needs at least one");
            }
            return new DsseEnvelope(o.requireString("payloadType"), base64(o.requireString("payload")), signatures);
        } catch (FormatException e) {
            if (e.errorCode() == ErrorCode.ENVELOPE_MALFORMED) {
                throw e;
            }
            throw new FormatException(ErrorCode.ENVELOPE_MALFORMED, "DSSE envelope is malformed: " + e.getMessage(), e);
        }
    }
}
