package dev.idea.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdeaBuilderTest {

    @Test
    void build_withoutIdeaCore_namesTheArtifactToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Idea.builder().build());
        assertEquals(ErrorCode.PROVIDER_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("dev.idea:idea-core"), e.getMessage());
    }

    @Test
    void ids_areCheckedAtOnce() {
        for (String bad : new String[] {"", "Local", "-x", "a b", "x".repeat(65)}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> Idea.builder().kms(bad), bad);
            assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void providerTimeout_mustBePositive() {
        assertThrows(ConfigurationException.class, () -> Idea.builder().providerTimeout(Duration.ZERO));
    }

    @Test
    void validationLimits_mustBePositive() {
        assertThrows(ConfigurationException.class, () -> new ValidationLimits(0, 1, 1));
    }
}
