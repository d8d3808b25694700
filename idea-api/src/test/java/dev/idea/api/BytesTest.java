package dev.idea.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void of_copiesOnTheWayInAndOut() {
        byte[] data = {1, 2, 3};
        Bytes b = Bytes.of(data);
        data[0] = 9;
        byte[] out = b.toByteArray();
        out[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, b.toByteArray());
    }

    @Test
    void hexAndBase64_useTheStandardAlphabets() {
        Bytes b = Bytes.of((byte) 0xfb, (byte) 0xff, (byte) 0x00);
        assertEquals("fbff00", b.hex());
        assertEquals("+/8A", b.base64());
        assertEquals(b, Bytes.fromHex("FBFF00"));
        assertEquals(b, Bytes.fromBase64("+/8A"));
    }

    @Test
    void fromHexOrBase64_invalidText_isAnEncodingError() {
        assertEquals(ErrorCode.ENCODING_INVALID, assertThrows(FormatException.class, () -> Bytes.fromHex("abc")).errorCode());
        assertEquals(ErrorCode.ENCODING_INVALID, assertThrows(FormatException.class, () -> Bytes.fromBase64("%%")).errorCode());
    }

    @Test
    void utf8String_invalidUtf8_isRefused() {
        FormatException e = assertThrows(FormatException.class, () -> Bytes.of((byte) 0xc0, (byte) 0x80).utf8String());
        assertEquals(ErrorCode.JSON_INVALID_UTF8, e.errorCode());
    }

    @Test
    void toString_neverPrintsTheWholeValue() {
        Bytes b = Bytes.of(new byte[64]);
        assertTrue(b.toString().startsWith("Bytes[64] 0000000000000000"));
        assertTrue(b.toString().length() < 40);
    }

    @Property
    void equalsAndHashCode_followTheContent(@ForAll byte[] a, @ForAll byte[] b) {
        assertEquals(Bytes.of(a), Bytes.of(a.clone()));
        assertEquals(Bytes.of(a).hashCode(), Bytes.of(a.clone()).hashCode());
        if (!java.util.Arrays.equals(a, b)) {
            assertNotEquals(Bytes.of(a), Bytes.of(b));
        }
    }
}
