package dev.idea.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CanonicalWriterTest {

    @Property(tries = 300)
    void write_stringsAndNumbers_equalTreeWriter(@ForAll Map<String, String> strings, @ForAll double number) {
        Map<String, String> sorted = new TreeMap<>(strings);
        sorted.keySet().removeIf(k -> k.compareTo("n") >= 0);
        JsonObject.Builder tree = JsonObject.builder();
        sorted.forEach(tree::put);
        double n = Double.isFinite(number) ? number : 0.5;
        tree.put("n", new JsonNumber(n));
        byte[] expected;
        try {
            expected = Json.write(tree.build());
        } catch (FormatException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.JSON_LONE_SURROGATE);
            return;
        }
        CanonicalWriter w = CanonicalWriter.open(16);
        w.punct('{');
        sorted.forEach((k, v) -> w.name(k).string(v).punct(','));
        w.name("n").number(n).punct('}');
        assertThat(w.finish()).isEqualTo(expected);
    }

    @Test
    void position_afterMembers_countsBytes() {
        CanonicalWriter w = CanonicalWriter.open(4).punct('{').name("a").string("é");
        assertThat(w.position()).isEqualTo("{\"a\":\"é\"".getBytes(StandardCharsets.UTF_8).length);
        assertThat(new String(w.punct('}').finish(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\"}");
    }

    @Test
    void punct_notStructural_isRefused() {
        assertThatThrownBy(() -> CanonicalWriter.open(4).punct('x')).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("structural");
    }

    @Test
    void string_loneSurrogate_isRefusedAsTreeWriter() {
        assertThatThrownBy(() -> CanonicalWriter.open(4).string("a\ud800b")).isInstanceOf(FormatException.class)
                .extracting(t -> ((FormatException) t).errorCode()).isEqualTo(ErrorCode.JSON_LONE_SURROGATE);
    }
}
