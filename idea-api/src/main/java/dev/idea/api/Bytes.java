package dev.idea.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes.
 *
 * <p>Records in IDEA never hold a {@code byte[]}; they hold {@code Bytes}, which copies on the way
 * in and on the way out. {@link #equals(Object)} compares in constant time, so it is safe for MACs
 * and signatures. Instances are thread-safe.
 *
 * @since 0.1
 */
public final class Bytes {
    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /**
     * Returns a copy of the given bytes.
     *
     * @param data the bytes, copied
     * @return the value
     */
    public static Bytes of(byte... data) {
        Objects.requireNonNull(data, "data");
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /**
     * Returns a copy of a range of an array.
     *
     * @param data the array
     * @param offset first byte
     * @param length number of bytes
     * @return the value
     */
    public static Bytes of(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(data, "data").length);
        return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * Returns the empty value.
     *
     * @return zero bytes
     */
    public static Bytes empty() {
        return EMPTY;
    }

    /**
     * Returns the UTF-8 encoding of a string.
     *
     * @param text the text
     * @return its UTF-8 bytes
     */
    public static Bytes utf8(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes lowercase or uppercase hexadecimal.
     *
     * @param hex an even number of hex digits
     * @return the decoded bytes
     * @throws FormatException with {@link ErrorCode#ENCODING_INVALID} when {@code hex} is not hex
     */
    public static Bytes fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return new Bytes(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new FormatException(ErrorCode.ENCODING_INVALID,
                    "not hexadecimal: \"" + Texts.abbreviate(hex) + "\"; expected an even number of digits 0-9a-f", e);
        }
    }

    /**
     * Decodes standard base64 (RFC 4648 section 4, with padding), as DSSE envelopes use.
     *
     * @param base64 the encoded text
     * @return the decoded bytes
     * @throws FormatException with {@link ErrorCode#ENCODING_INVALID} when the text is not base64
     */
    public static Bytes fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        try {
            return new Bytes(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new FormatException(ErrorCode.ENCODING_INVALID,
                    "not standard base64: \"" + Texts.abbreviate(base64) + "\" (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Returns the number of bytes.
     *
     * @return the size
     */
    public int size() {
        return data.length;
    }

    /**
     * Returns true when there are no bytes.
     *
     * @return whether the size is zero
     */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /**
     * Returns one byte.
     *
     * @param index the position
     * @return the byte at {@code index}
     */
    public byte get(int index) {
        return data[index];
    }

    /**
     * Returns a fresh copy of the bytes.
     *
     * @return a new array
     */
    public byte[] toByteArray() {
        return data.clone();
    }

    /**
     * Returns a read-only view that shares this value's memory (no copy).
     *
     * @return a read-only buffer positioned at 0
     */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /**
     * Returns a stream over the bytes (no copy).
     *
     * @return a new input stream
     */
    public InputStream openStream() {
        return new ByteArrayInputStream(data);
    }

    /**
     * Writes the bytes to a stream.
     *
     * @param out the destination
     * @throws UncheckedIOException when the stream fails
     */
    public void writeTo(OutputStream out) {
        try {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Feeds the bytes into a message digest (no copy).
     *
     * @param digest the digest to update
     */
    public void updateDigest(MessageDigest digest) {
        digest.update(data);
    }

    /**
     * Returns lowercase hexadecimal.
     *
     * @return the hex text
     */
    public String hex() {
        return HEX.formatHex(data);
    }

    /**
     * Returns standard base64 with padding.
     *
     * @return the base64 text
     */
    public String base64() {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes the bytes as strict UTF-8.
     *
     * @return the text
     * @throws FormatException with {@link ErrorCode#JSON_INVALID_UTF8} when the bytes are not UTF-8
     */
    public String utf8String() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(ErrorCode.JSON_INVALID_UTF8, "bytes are not valid UTF-8: " + e.getMessage(), e);
        }
    }

    /**
     * Compares in time independent of where the values differ.
     *
     * @param other another value
     * @return true when both hold the same bytes
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes && MessageDigest.isEqual(data, ((Bytes) other).data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /**
     * Returns the size and the first bytes in hex, for logs; never the whole value.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Bytes[" + data.length + "]" + (data.length == 0 ? "" : " "
                + HEX.formatHex(data, 0, Math.min(8, data.length)) + (data.length > 8 ? "…" : ""));
    }
}
