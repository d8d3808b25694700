package dev.idea.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A Dead Simple Signing Envelope (DSSE v1.0): a typed payload and the signatures over its
 * pre-authentication encoding.
 *
 * <p>Security guarantees: an envelope is only data. Its signatures are meaningful only after
 * {@link IdeaFormats#verifyEnvelope} has checked them against keys the caller trusts; the
 * {@code keyid} hints are never trusted.
 *
 * @param payloadType the media type of the payload, e.g. {@code application/vnd.idea.manifest.v1+json}
 * @param payload the signed bytes
 * @param signatures one or more signatures
 * @see <a href="https://github.com/secure-systems-lab/dsse/blob/master/protocol.md">DSSE protocol</a>
 * @since 0.1
 */
public record DsseEnvelope(String payloadType, Bytes payload, List<DsseSignature> signatures) {

    /** Validates presence and copies the signature list. */
    public DsseEnvelope {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        signatures = List.copyOf(signatures);
    }

    /**
     * Returns this envelope's pre-authentication encoding, the bytes every signature signs.
     *
     * @return {@code PAE(payloadType, payload)}
     */
    public Bytes pae() {
        return pae(payloadType, payload);
    }

    /**
     * Computes the DSSE v1 pre-authentication encoding:
     * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths as ASCII decimal of the
     * byte length, the type encoded as UTF-8.
     *
     * @param payloadType the payload type
     * @param payload the payload
     * @return the encoding
     */
    public static Bytes pae(String payloadType, Bytes payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream(32 + type.length + payload.size());
        writeAscii(out, "DSSEv1 " + type.length + " ");
        out.writeBytes(type);
        writeAscii(out, " " + payload.size() + " ");
        payload.writeTo(out);
        return Bytes.of(out.toByteArray());
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
