package dev.idea.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A public key that signs C2SP signed notes (checkpoints and cosignatures): a key name, a signature
 * type and the key itself.
 *
 * <p>The key ID follows c2sp.org/signed-note: for Ed25519 (type {@code 0x01}) and Ed25519 witness
 * cosignatures (type {@code 0x04}, c2sp.org/tlog-cosignature) it is the first four bytes of
 * SHA-256(name || 0x0A || type || 32-byte public key); for ECDSA P-256 (type {@code 0x02}) it is the
 * first four bytes of SHA-256 of the DER SubjectPublicKeyInfo.
 *
 * @param name the key name, e.g. {@code example.com/audit}: non-empty, no spaces or {@code +}
 * @param type the signature type
 * @param key the public key; its algorithm must fit the type
 * @since 0.2
 */
public record NoteKey(String name, Type type, VerificationKey key) {

    /** The signature types IDEA supports. */
    public enum Type {
        /** Ed25519 over the note text (signed-note type 0x01). */
        ED25519(0x01),
        /** ECDSA P-256 with SHA-256 over the note text, DER signature (signed-note type 0x02). */
        ECDSA(0x02),
        /** Timestamped Ed25519 witness cosignature, cosignature/v1 (signed-note type 0x04). */
        COSIGNATURE_V1(0x04);

        private final int id;

        Type(int id) {
            this.id = id;
        }

        /**
         * Returns the signature type identifier byte.
         *
         * @return 0x01, 0x02 or 0x04
         */
        public int id() {
            return id;
        }
    }

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * Validates the name and that the key's algorithm fits the type.
     *
     * @throws VerificationException with {@link ErrorCode#KEY_INVALID} when they do not fit
     */
    public NoteKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        requireName(name);
        boolean ed = key.algorithm() == SignatureAlgorithm.ED25519;
        if (ed == (type == Type.ECDSA)) {
            throw new VerificationException(ErrorCode.KEY_INVALID, "note key \"" + name + "\" of type " + type
                    + " cannot hold a " + key.algorithm().id() + " key; use ED25519 or COSIGNATURE_V1 for Ed25519 keys and ECDSA for P-256 keys");
        }
        if (ed && (key.spki().size() != 44 || !Arrays.equals(key.spki().toByteArray(), 0, 12, ED25519_SPKI_PREFIX, 0, 12))) {
            throw new VerificationException(ErrorCode.KEY_INVALID, "note key \"" + name
                    + "\" is not a 44-byte Ed25519 SubjectPublicKeyInfo");
        }
    }

    /**
     * Creates the key for Ed25519 or ECDSA note signatures, choosing the type from the algorithm.
     *
     * @param name the key name
     * @param key the public key
     * @return the note key
     */
    public static NoteKey of(String name, VerificationKey key) {
        return new NoteKey(name, key.algorithm() == SignatureAlgorithm.ED25519 ? Type.ED25519 : Type.ECDSA, key);
    }

    /**
     * Parses a verifier key {@code name+hex(keyID)+base64(type || public key)} (c2sp.org/signed-note);
     * for type 0x02 the public key is the DER SubjectPublicKeyInfo.
     *
     * @param vkey the verifier key text
     * @return the key
     * @throws VerificationException with {@link ErrorCode#KEY_INVALID} when malformed, of an unknown
     *     type, or when the key ID does not match
     */
    public static NoteKey parse(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw badKey(vkey, "expected name+8 hex digits+base64");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw badKey(vkey, "the key is not base64");
        }
        if (material.length < 2) {
            throw badKey(vkey, "the key material is empty");
        }
        Type type = switch (material[0]) {
            case 0x01 -> Type.ED25519;
            case 0x02 -> Type.ECDSA;
            case 0x04 -> Type.COSIGNATURE_V1;
            default -> throw badKey(vkey, "unknown signature type 0x" + HexFormat.of().toHexDigits(material[0]));
        };
        byte[] raw = Arrays.copyOfRange(material, 1, material.length);
        VerificationKey key;
        if (type == Type.ECDSA) {
            key = new VerificationKey(SignatureAlgorithm.ECDSA_P256_SHA256, Bytes.of(raw));
        } else {
            if (raw.length != 32) {
                throw badKey(vkey, "an Ed25519 key is 32 bytes, got " + raw.length);
            }
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, 44);
            System.arraycopy(raw, 0, spki, 12, 32);
            key = new VerificationKey(SignatureAlgorithm.ED25519, Bytes.of(spki));
        }
        NoteKey parsed;
        try {
            parsed = new NoteKey(parts[0], type, key);
        } catch (IllegalArgumentException e) {
            throw badKey(vkey, e.getMessage());
        }
        if (!HexFormat.of().formatHex(parsed.keyId()).equals(parts[1])) {
            throw badKey(vkey, "key ID " + parts[1] + " does not match the name and key (expected "
                    + HexFormat.of().formatHex(parsed.keyId()) + ")");
        }
        return parsed;
    }

    /**
     * Returns the 4-byte key ID.
     *
     * @return a new array of 4 bytes
     */
    public byte[] keyId() {
        MessageDigest md = HashAlgorithm.SHA_256.newMessageDigest();
        if (type == Type.ECDSA) {
            key.spki().updateDigest(md);
        } else {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x0A);
            md.update((byte) type.id());
            md.update(rawPublicKey());
        }
        return Arrays.copyOf(md.digest(), 4);
    }

    /**
     * Returns the public key as signed notes encode it: 32 bytes for Ed25519, the SPKI for ECDSA.
     *
     * @return a new array
     */
    public byte[] rawPublicKey() {
        byte[] spki = key.spki().toByteArray();
        return type == Type.ECDSA ? spki : Arrays.copyOfRange(spki, 12, 44);
    }

    /**
     * Returns the verifier key text {@code name+hex(keyID)+base64(type || public key)}.
     *
     * @return the vkey
     */
    public String verifierKey() {
        byte[] raw = rawPublicKey();
        byte[] material = new byte[raw.length + 1];
        material[0] = (byte) type.id();
        System.arraycopy(raw, 0, material, 1, raw.length);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(material);
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.codePoints().anyMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c < 0x20)) {
            throw new VerificationException(ErrorCode.KEY_INVALID, "note key name \"" + Texts.abbreviate(name)
                    + "\" must be non-empty without spaces, control characters or '+'");
        }
    }

    private static VerificationException badKey(String vkey, String why) {
        return new VerificationException(ErrorCode.KEY_INVALID, "verifier key \"" + Texts.abbreviate(vkey)
                + "\" is invalid: " + why);
    }
}
