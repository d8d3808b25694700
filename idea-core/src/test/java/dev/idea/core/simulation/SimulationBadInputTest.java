package dev.idea.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.simulation.SimulationException;
import dev.idea.api.simulation.Simulations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of a bad spec carries its error code and a message naming the value. */
class SimulationBadInputTest {
    private final Simulations simulations = new DefaultSimulations();

    private ErrorCode codeOf(String json) {
        try {
            simulations.run(simulations.parseSpec(Bytes.utf8(json)));
        } catch (IdeaException e) {
            return e.errorCode();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void minimalSpec_isAccepted() {
        assertThat(simulations.run(simulations.parseSpec(Bytes.utf8(SpecTexts.minimal()))).spec().iterations()).isEqualTo(1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"iterations\": 1000 | \"iterations\": 0 | SIMULATION_ITERATIONS_INVALID",
        "\"iterations\": 1000 | \"iterations\": -5 | SIMULATION_ITERATIONS_INVALID",
        "\"iterations\": 1000 | \"iterations\": 100000001 | SIMULATION_ITERATIONS_INVALID",
        "\"iterations\": 1000 | \"iterations\": 1.5 | JSON_SCHEMA_VIOLATION",
        "\"passProbability\": 0.99}] | \"passProbability\": 1.2}] | SIMULATION_PROBABILITY_INVALID",
        "\"passProbability\": 0.99}] | \"passProbability\": -0.01}] | SIMULATION_PROBABILITY_INVALID",
        "\"approveProbability\": 0.9 | \"approveProbability\": 90 | SIMULATION_PROBABILITY_INVALID",
        "\"count\": 3, \"passProbability\": 0.99 | \"count\": 3, \"passProbability\": 2 | SIMULATION_PROBABILITY_INVALID",
        "\"count\": 3 | \"count\": 0 | SIMULATION_SPEC_INVALID",
        "\"maxFailedPct\": 0 | \"maxFailedPct\": 101 | SIMULATION_SPEC_INVALID",
        "\"min\": 1, \"max\": 2 | \"min\": 3, \"max\": 2 | SIMULATION_SPEC_INVALID",
        "\"distribution\": \"fixed\" | \"distribution\": \"gamma\" | SIMULATION_SPEC_INVALID",
        "\"match\": {} | \"match\": {\"region\": \"us\"} | SIMULATION_SPEC_INVALID",
        "\"seed\": 1, | '' | SIMULATION_SPEC_INVALID",
        "\"seed\": 1 | \"seed\": \"one\" | SIMULATION_SPEC_INVALID",
        "\"passProbability\": 0.99}] | \"passProbabilty\": 0.99}] | JSON_SCHEMA_VIOLATION",
        "\"timeoutHours\": 4 | \"timeoutHours\": \"4\" | JSON_SCHEMA_VIOLATION",
        "\"schema\": \"idea.simulation-spec.v1\" | \"schema\": \"v2\" | JSON_SCHEMA_VIOLATION",
        "\"name\": \"m\", | \"name\": \"m\", \"name\": \"n\", | JSON_DUPLICATE_KEY",
        "\"iterations\": 1000, | \"iterations\": 1000,, | JSON_MALFORMED",
        "\"passProbability\": 0.99}] | \"passProbability\": 1e400}] | JSON_NUMBER_OUT_OF_RANGE"
    })
    void parseOrRun_badValue_isRefusedWithItsCode(String original, String replacement, ErrorCode expected) {
        String json = SpecTexts.minimal().replace(original, replacement);
        assertThat(json).as("fixture edit applies").isNotEqualTo(SpecTexts.minimal());
        assertThat(codeOf(json)).isEqualTo(expected);
    }

    @Test
    void probabilityOutOfRange_messageNamesTheComponentTheValueAndTheFix() {
        String json = SpecTexts.minimal().replace("\"passProbability\": 0.99}]", "\"passProbability\": 1.2}]");
        assertThatThrownBy(() -> simulations.parseSpec(Bytes.utf8(json)))
                .isInstanceOf(SimulationException.class)
                .hasMessage("IDEA-8002 SIMULATION_PROBABILITY_INVALID: validator \"checksum\" passProbability is 1.2, "
                        + "outside [0, 1]; write a probability from 0 to 1 (0.95, not 95)");
    }

    @Test
    void zeroIterations_messageSaysTheRange() {
        String json = SpecTexts.minimal().replace("\"iterations\": 1000", "\"iterations\": 0");
        assertThatThrownBy(() -> simulations.parseSpec(Bytes.utf8(json)))
                .isInstanceOf(SimulationException.class)
                .hasMessageStartingWith("IDEA-8001 SIMULATION_ITERATIONS_INVALID: iterations is 0; ask for 1 to 100000000");
    }

    @Test
    void unknownMember_messageNamesThePathAndTheAllowedMembers() {
        String json = SpecTexts.minimal().replace("\"passProbability\": 0.99}]", "\"passProbabilty\": 0.99}]");
        assertThatThrownBy(() -> simulations.parseSpec(Bytes.utf8(json)))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("$.model.validators[0] has the unknown member \"passProbabilty\"")
                .hasMessageContaining("passProbability");
    }

    @Test
    void targetsLeftUncovered_areRefusedNamingTheGroup() {
        String json = SpecTexts.minimal().replace("\"waves\": [{\"name\": \"all\", \"match\": {}}]",
                "\"waves\": [{\"name\": \"eu\", \"match\": {\"region\": \"eu\"}}]").replace(
                "\"max\": 2}}]", "\"max\": 2}}, {\"name\": \"us\", \"labels\": {\"region\": \"us\"}, \"count\": 2, "
                        + "\"passProbability\": 1, \"deployMinutes\": {\"distribution\": \"fixed\", \"value\": 1}}]");
        assertThatThrownBy(() -> simulations.run(simulations.parseSpec(Bytes.utf8(json))))
                .isInstanceOf(SimulationException.class)
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_SPEC_INVALID))
                .hasMessageContaining("group \"us\"");
    }
}
