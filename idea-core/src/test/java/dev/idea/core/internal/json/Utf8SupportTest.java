package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idea.api.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time byte checks agree with simple byte-by-byte references. */
class Utf8SupportTest {

    @Property(tries = 5_000)
    void validate_anyBytes_agreesWithJdkStrictDecoder(@ForAll("mostlyUtf8") byte[] bytes) {
        boolean jdkAccepts;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdkAccepts = true;
        } catch (CharacterCodingException e) {
            jdkAccepts = false;
        }
        boolean oursAccepts;
        boolean backslash = false;
        try {
            backslash = Utf8Support.validate(bytes);
            oursAccepts = true;
        } catch (FormatException e) {
            oursAccepts = false;
        }

        assertEquals(jdkAccepts, oursAccepts, Arrays.toString(bytes));
        if (oursAccepts) {
            assertEquals(new String(bytes, StandardCharsets.UTF_8).indexOf('\\') >= 0, backslash);
        }
    }

    @Property(tries = 5_000)
    void isPlain_anyBytesAtAnyOffset_agreesWithByteByByteCheck(@ForAll("mostlyUtf8") byte[] bytes, @ForAll("offsets") int offset) {
        byte[] padded = new byte[offset + bytes.length + 8];
        Arrays.fill(padded, (byte) '"'); // garbage around the range must not matter
        System.arraycopy(bytes, 0, padded, offset, bytes.length);

        assertEquals(reference(bytes), Utf8Support.isPlain(padded, offset, bytes.length), Arrays.toString(bytes));
    }

    private static boolean reference(byte[] bytes) {
        for (byte b : bytes) {
            if (b >= 0 && (b < 0x20 || b == '"' || b == '\\' || b == '?')) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 9);
    }

    @Provide
    Arbitrary<byte[]> mostlyUtf8() {
        Arbitrary<byte[]> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\u00e9', '\u20ac', '\\', '"', '?', '\t')
                .ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mutated = text.flatMap(b -> Arbitraries.integers().between(0, Math.max(0, b.length - 1))
                .flatMap(i -> Arbitraries.bytes().map(x -> {
                    byte[] copy = b.clone();
                    if (copy.length > 0) {
                        copy[i] = x;
                    }
                    return copy;
                })));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Arbitraries.oneOf(text, mutated, random);
    }
}
