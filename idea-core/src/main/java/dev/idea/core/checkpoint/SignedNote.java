package dev.idea.core.checkpoint;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A parsed C2SP signed note: the text (ending in a newline) and its signature lines.
 *
 * <p>Parsing is strict, as in c2sp.org/signed-note and Go's {@code sumdb/note}: valid UTF-8, no
 * control characters but newline, text separated from the signatures by the last blank line, each
 * signature line {@code "— <name> <base64(4-byte key ID || signature)>"}, at most
 * {@value #MAX_SIGNATURES} signatures.
 *
 * @param text the signed text, final newline included
 * @param signatures the signature lines in order
 */
public record SignedNote(String text, List<Signature> signatures) {
    /** Most signature lines accepted. */
    public static final int MAX_SIGNATURES = 100;
    /** Largest note accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;

    private static final String DASH = "\u2014 ";

    /**
     * One signature line.
     *
     * @param name the key name
     * @param keyId the 4-byte key ID
     * @param signature the signature bytes after the key ID
     */
    public record Signature(String name, Bytes keyId, Bytes signature) {
        /** Validates presence. */
        public Signature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(signature, "signature");
        }

        /**
         * Formats the line, newline included.
         *
         * @return {@code "— name base64\n"}
         */
        public String line() {
            byte[] all = new byte[keyId.size() + signature.size()];
            System.arraycopy(keyId.toByteArray(), 0, all, 0, keyId.size());
            System.arraycopy(signature.toByteArray(), 0, all, keyId.size(), signature.size());
            return DASH + name + " " + Base64.getEncoder().encodeToString(all) + "\n";
        }
    }

    /** Validates presence and copies. */
    public SignedNote {
        Objects.requireNonNull(text, "text");
        signatures = List.copyOf(signatures);
    }

    /**
     * Formats the note: text, blank line, signature lines.
     *
     * @return the note
     */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        signatures.forEach(s -> sb.append(s.line()));
        return sb.toString();
    }

    /**
     * Parses a signed note.
     *
     * @param note the note text
     * @return the parsed note
     * @throws VerificationException with {@link ErrorCode#CHECKPOINT_MALFORMED} naming what is wrong
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (note.length() > MAX_BYTES) {
            throw malformed("it is longer than " + MAX_BYTES + " characters");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw malformed("it holds control character U+" + String.format("%04X", (int) c) + " at offset " + i);
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < note.length()
                    && Character.isLowSurrogate(note.charAt(++i)))) {
                throw malformed("it holds an unpaired surrogate at offset " + i);
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformed("it has no blank line between the text and the signatures");
        }
        String text = note.substring(0, split + 1);
        String sigs = note.substring(split + 2);
        if (!sigs.endsWith("\n")) {
            throw malformed("the last signature line does not end in a newline");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw malformed("it has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(parseLine(line));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Parses a note given as bytes, which must be valid UTF-8.
     *
     * @param note the bytes
     * @return the parsed note
     * @throws VerificationException with {@link ErrorCode#CHECKPOINT_MALFORMED}
     */
    public static SignedNote parse(Bytes note) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            throw malformed("it is not valid UTF-8");
        }
    }

    private static Signature parseLine(String line) {
        if (!line.startsWith(DASH)) {
            throw malformed("signature line \"" + abbreviate(line) + "\" does not start with an em dash and a space");
        }
        String rest = line.substring(DASH.length());
        int space = rest.lastIndexOf(' ');
        if (space <= 0) {
            throw malformed("signature line \"" + abbreviate(line) + "\" has no key name and signature");
        }
        String name = rest.substring(0, space);
        if (name.contains(" ") || name.contains("+") || name.codePoints().anyMatch(Character::isSpaceChar)) {
            throw malformed("key name \"" + abbreviate(name) + "\" contains a space or '+'");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw malformed("the signature of \"" + abbreviate(name) + "\" is not base64");
        }
        if (all.length < 5) {
            throw malformed("the signature of \"" + abbreviate(name) + "\" is shorter than a key ID and one byte");
        }
        return new Signature(name, Bytes.of(all, 0, 4), Bytes.of(all, 4, all.length - 4));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    static VerificationException malformed(String why) {
        return new VerificationException(ErrorCode.CHECKPOINT_MALFORMED, "signed note is malformed: " + why
                + "; pass the note exactly as it was signed");
    }
}
