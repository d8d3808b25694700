package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The value types: builder, typed accessors, equality and validation. */
class JsonObjectTest {

    private static final JsonObject SAMPLE = Json.parseObject((
            "{\"s\":\"text\",\"n\":42,\"f\":1.5,\"big\":9007199254740994,\"max\":9007199254740992,\"neg\":-9007199254740992,"
            + "\"b\":true,\"z\":null,\"o\":{\"k\":\"v\"},\"a\":[1,2]}").getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

    private static void assertSchemaViolation(Executable call) {
        FormatException e = assertThrows(FormatException.class, call);
        assertEquals(ErrorCode.JSON_SCHEMA_VIOLATION, e.errorCode(), e.getMessage());
    }

    @Test
    void builder_membersInAnyOrder_areSortedByUtf16CodeUnits() {
        JsonObject o = JsonObject.builder().put("\ufb33", 1).put("\ud83d\ude00", 2).put("b", true).put("a", "x")
                .putIfNotNull("skipped", null).build();

        assertEquals(List.of("a", "b", "\ud83d\ude00", "\ufb33"), List.copyOf(o.members().keySet()));
        assertEquals("{\"a\":\"x\",\"b\":true,\"\ud83d\ude00\":2,\"\ufb33\":1}", o.toString());
    }

    @Test
    void builder_sameKeyTwice_throwsIllegalArgument() {
        JsonObject.Builder b = JsonObject.builder().put("a", 1);
        assertThrows(IllegalArgumentException.class, () -> b.put("a", "again"));
    }

    @Test
    void builder_longBeyond2Pow53_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> JsonObject.builder().put("a", (1L << 53) + 1));
        assertEquals(1L << 53, JsonObject.builder().put("a", 1L << 53).build().requireLong("a"));
    }

    @Test
    void members_view_isUnmodifiable() {
        Map<String, JsonValue> m = SAMPLE.members();
        assertThrows(UnsupportedOperationException.class, () -> m.put("x", JsonNull.INSTANCE));
        assertThrows(UnsupportedOperationException.class, () -> m.remove("s"));
        assertThrows(UnsupportedOperationException.class, m::clear);
        assertThrows(UnsupportedOperationException.class, () -> m.entrySet().iterator().next().setValue(JsonNull.INSTANCE));
        assertEquals(new JsonString("text"), m.get("s"));
        assertEquals(10, m.size());
    }

    @Test
    void requireAccessors_presentValues_returnThem() {
        assertEquals("text", SAMPLE.requireString("s"));
        assertEquals(42L, SAMPLE.requireLong("n"));
        assertEquals(9007199254740992L, SAMPLE.requireLong("max"));
        assertEquals(-9007199254740992L, SAMPLE.requireLong("neg"));
        assertTrue(SAMPLE.requireBoolean("b"));
        assertEquals("v", SAMPLE.requireObject("o").requireString("k"));
        assertEquals(List.of(new JsonNumber(1), new JsonNumber(2)), SAMPLE.requireArray("a").values());
        assertEquals(Optional.of("text"), SAMPLE.optString("s"));
        assertEquals(Optional.empty(), SAMPLE.optString("z"));
        assertEquals(Optional.empty(), SAMPLE.optString("absent"));
        assertEquals(Optional.empty(), SAMPLE.optObject("z"));
        assertEquals("v", SAMPLE.optObject("o").orElseThrow().requireString("k"));
        assertEquals(Optional.of(new JsonNumber(1.5)), SAMPLE.get("f"));
    }

    @Test
    void requireAccessors_missingOrWrongType_throwSchemaViolation() {
        assertSchemaViolation(() -> SAMPLE.requireString("absent"));
        assertSchemaViolation(() -> SAMPLE.requireString("n"));
        assertSchemaViolation(() -> SAMPLE.requireString("z"));
        assertSchemaViolation(() -> SAMPLE.requireLong("s"));
        assertSchemaViolation(() -> SAMPLE.requireLong("f"));
        assertSchemaViolation(() -> SAMPLE.requireLong("big"));
        assertSchemaViolation(() -> SAMPLE.requireBoolean("s"));
        assertSchemaViolation(() -> SAMPLE.requireObject("a"));
        assertSchemaViolation(() -> SAMPLE.requireArray("o"));
        assertSchemaViolation(() -> SAMPLE.optString("n"));
        assertSchemaViolation(() -> SAMPLE.optObject("s"));
    }

    @Test
    void requireString_missing_messageNamesMemberAndFix() {
        FormatException e = assertThrows(FormatException.class, () -> SAMPLE.requireString("absent"));
        assertTrue(e.getMessage().contains("\"absent\" is missing"), e.getMessage());
    }

    @Test
    void equals_sameMembersBuiltDifferently_areEqual() {
        JsonObject a = JsonObject.builder().put("x", 1).put("y", "z").build();
        JsonObject b = Json.parseObject("{\"y\":\"z\",\"x\":1.0}".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, JsonObject.builder().put("x", 1).build());
    }

    @Test
    void jsonNumber_nonFinite_throwsAndNegativeZeroIsZero() {
        assertThrows(IllegalArgumentException.class, () -> new JsonNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new JsonNumber(Double.POSITIVE_INFINITY));
        assertEquals(new JsonNumber(0.0), new JsonNumber(-0.0));
        assertEquals("1e+21", new JsonNumber(1e21).toString());
    }

    @Test
    void jsonBoolean_of_returnsConstants() {
        assertEquals(JsonBoolean.TRUE, JsonBoolean.of(true));
        assertEquals(JsonBoolean.FALSE, JsonBoolean.of(false));
    }

    @Test
    void jsonArray_values_areCopiedAndUnmodifiable() {
        List<JsonValue> source = new java.util.ArrayList<>(List.of(JsonNull.INSTANCE));
        JsonArray a = new JsonArray(source);
        source.add(JsonBoolean.TRUE);

        assertEquals(1, a.values().size());
        assertThrows(UnsupportedOperationException.class, () -> a.values().add(JsonNull.INSTANCE));
        assertThrows(NullPointerException.class, () -> new JsonString(null));
    }

    @Test
    void jsonLimits_nonPositiveOrTooDeep_throwIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(0, 64, 1));
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 64, -1));
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, JsonLimits.MAX_DEPTH_CEILING + 1, 1));
        assertEquals(new JsonLimits(16 * 1024 * 1024, 64, 4 * 1024 * 1024), JsonLimits.DEFAULT);
    }

    @Test
    void parse_largeObject_sortsAndKeepsEveryMember() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 999; i >= 0; i--) {
            sb.append(i < 999 ? "," : "").append("\"m").append(i).append("\":").append(i);
        }
        JsonObject o = Json.parseObject(sb.append('}').toString().getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

        assertEquals(1000, o.size());
        List<String> keys = List.copyOf(o.members().keySet());
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0, keys.get(i - 1) + " before " + keys.get(i));
        }
        assertEquals(537, o.requireLong("m537"));
    }
}
