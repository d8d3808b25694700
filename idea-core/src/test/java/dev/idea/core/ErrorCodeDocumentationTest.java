package dev.idea.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeDocumentationTest {

    @Test
    void everyErrorCode_isDocumentedWithItsCode() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "error-codes.md"));
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(doc).as("docs/error-codes.md row for " + c).contains("| " + c.code() + " | `" + c.name() + "` |");
        }
    }

    @Test
    void codes_areUnique() {
        Set<String> codes = new HashSet<>();
        Arrays.stream(ErrorCode.values()).forEach(c -> assertThat(codes.add(c.code())).as(c.code()).isTrue());
    }
}
