package dev.idea.core.codec;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.SignedManifest;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;

/**
 * Reads and writes the signed-manifest file: {@code dsseEnvelope}, {@code manifestSignatureId},
 * {@code signerId} ({@code docs/formats/signed-manifest.md}).
 *
 * <p>Stateless and thread-safe.
 */
public final class SignedManifestCodec {
    private SignedManifestCodec() {
    }

    /**
     * Writes the file as canonical JSON.
     *
     * @param signed the signed manifest
     * @return the bytes
     */
    public static Bytes write(SignedManifest signed) {
        return Bytes.of(Json.write(JsonObject.builder()
                .put("dsseEnvelope", EnvelopeCodec.toJson(signed.envelope()))
                .put("manifestSignatureId", signed.manifestSignatureId())
                .put("signerId", signed.signerId())
                .build()));
    }

    /**
     * Reads the file.
     *
     * @param json the document
     * @return the signed manifest, not yet verified
     * @throws FormatException when malformed
     */
    public static SignedManifest read(Bytes json) {
        JsonObject o = Json.parseObject(json.toByteArray(), CodecSupport.LIMITS);
        try {
            return new SignedManifest(EnvelopeCodec.fromJson(o.requireObject("dsseEnvelope")),
                    o.requireString("manifestSignatureId"), o.requireString("signerId"));
        } catch (FormatException e) {
            throw e;
        } catch (IdeaException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "signed manifest is invalid: " + e.getMessage(), e);
        }
    }
}
