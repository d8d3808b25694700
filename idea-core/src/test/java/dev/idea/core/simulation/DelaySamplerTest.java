package dev.idea.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idea.api.simulation.DelayDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelaySamplerTest {

    @ParameterizedTest
    @CsvSource({
        // p, standard normal quantile (values of the normal quantile function, e.g. R qnorm(p))
        "0.5, 0",
        "0.975, 1.959963984540054",
        "0.025, -1.959963984540054",
        "0.99, 2.326347874040841",
        "0.001, -3.090232306167813",
        "0.841344746068543, 1.0"
    })
    void inverseNormal_knownQuantiles_withinAcklamAccuracy(double p, double expected) {
        assertThat(DelaySampler.inverseNormal(p)).isCloseTo(expected, within(1e-8));
    }

    @Test
    void sample_uniformAndTriangular_spanTheirBounds() {
        DelaySampler uniform = DelaySampler.of(new DelayDistribution.Uniform(5, 15));
        assertThat(uniform.sample(0)).isEqualTo(5);
        assertThat(uniform.sample(0.5)).isEqualTo(10);
        DelaySampler triangular = DelaySampler.of(new DelayDistribution.Triangular(2, 4, 12));
        assertThat(triangular.sample(0)).isEqualTo(2);
        assertThat(triangular.sample(0.2)).isCloseTo(4, within(1e-12)); // F(mode) = (4-2)/(12-2)
        assertThat(triangular.sample(Math.nextDown(1.0))).isCloseTo(12, within(1e-6));
    }

    @Test
    void sample_exponentialAndLogNormal_haveTheirMedians() {
        assertThat(DelaySampler.of(new DelayDistribution.Exponential(6)).sample(0.5)).isCloseTo(6 * Math.log(2), within(1e-12));
        assertThat(DelaySampler.of(new DelayDistribution.LogNormal(3, 0.9)).sample(0.5)).isCloseTo(3, within(1e-12));
        assertThat(DelaySampler.of(new DelayDistribution.LogNormal(3, 0.9)).sample(0)).isZero();
        assertThat(DelaySampler.of(new DelayDistribution.Fixed(7)).sample(0.3)).isEqualTo(7);
    }

    @Test
    void sample_isNonDecreasingInTheDraw() {
        DelaySampler[] samplers = {
            DelaySampler.of(new DelayDistribution.Uniform(1, 3)),
            DelaySampler.of(new DelayDistribution.Triangular(0, 1, 9)),
            DelaySampler.of(new DelayDistribution.Exponential(2)),
            DelaySampler.of(new DelayDistribution.LogNormal(4, 1.2))};
        for (DelaySampler s : samplers) {
            double previous = -1;
            for (int i = 0; i < 10_000; i++) {
                double v = s.sample(i / 10_000.0);
                assertThat(v).isGreaterThanOrEqualTo(previous - 1e-8 * Math.abs(previous));
                previous = v;
            }
        }
    }
}
