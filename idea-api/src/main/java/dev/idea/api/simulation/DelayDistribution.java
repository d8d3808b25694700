package dev.idea.api.simulation;

/**
 * A distribution of non-negative delays (approval waits in hours, deployment times in minutes),
 * sampled by inverse transform from one uniform draw.
 *
 * <p>Implementations are immutable records that validate their parameters; every failure is a
 * {@link SimulationException} with {@link dev.idea.api.ErrorCode#SIMULATION_SPEC_INVALID}.
 *
 * @since 0.1
 */
public sealed interface DelayDistribution permits DelayDistribution.Fixed, DelayDistribution.Uniform,
        DelayDistribution.Triangular, DelayDistribution.Exponential, DelayDistribution.LogNormal {

    /**
     * Returns the name used in spec files, e.g. {@code triangular}.
     *
     * @return the distribution name
     */
    String name();

    /**
     * Always the same delay.
     *
     * @param value the delay, at least 0
     * @since 0.1
     */
    record Fixed(double value) implements DelayDistribution {
        /** Validates the delay. */
        public Fixed {
            Checks.nonNegative(value, "fixed delay value");
        }

        @Override
        public String name() {
            return "fixed";
        }
    }

    /**
     * Uniform between {@code min} and {@code max}.
     *
     * @param min the shortest delay, at least 0
     * @param max the longest delay, at least {@code min}
     * @since 0.1
     */
    record Uniform(double min, double max) implements DelayDistribution {
        /** Validates the bounds. */
        public Uniform {
            Checks.nonNegative(min, "uniform delay min");
            Checks.nonNegative(max, "uniform delay max");
            if (min > max) {
                throw Checks.invalid("uniform delay min " + min + " is greater than max " + max + "; swap them");
            }
        }

        @Override
        public String name() {
            return "uniform";
        }
    }

    /**
     * Triangular between {@code min} and {@code max} with its peak at {@code mode}.
     *
     * @param min the shortest delay, at least 0
     * @param mode the most likely delay, from {@code min} to {@code max}
     * @param max the longest delay
     * @since 0.1
     */
    record Triangular(double min, double mode, double max) implements DelayDistribution {
        /** Validates the bounds. */
        public Triangular {
            Checks.nonNegative(min, "triangular delay min");
            Checks.nonNegative(mode, "triangular delay mode");
            Checks.nonNegative(max, "triangular delay max");
            if (min > mode || mode > max) {
                throw Checks.invalid("triangular delay needs min <= mode <= max but got min " + min + ", mode " + mode
                        + ", max " + max + "; reorder the values");
            }
        }

        @Override
        public String name() {
            return "triangular";
        }
    }

    /**
     * Exponential with the given mean (memoryless waits).
     *
     * @param mean the mean delay, at least 0
     * @since 0.1
     */
    record Exponential(double mean) implements DelayDistribution {
        /** Validates the mean. */
        public Exponential {
            Checks.nonNegative(mean, "exponential delay mean");
        }

        @Override
        public String name() {
            return "exponential";
        }
    }

    /**
     * Log-normal with the given median and shape: {@code median * exp(sigma * Z)} for a standard normal Z.
     * Suits human waits, which have a long right tail.
     *
     * @param median the median delay, at least 0
     * @param sigma the standard deviation of the delay's logarithm, from 0 to 10
     * @since 0.1
     */
    record LogNormal(double median, double sigma) implements DelayDistribution {
        /** Validates the parameters. */
        public LogNormal {
            Checks.nonNegative(median, "lognormal delay median");
            Checks.nonNegative(sigma, "lognormal delay sigma");
            if (sigma > 10) {
                throw Checks.invalid("lognormal delay sigma " + sigma + " is above 10; such a spread overflows, "
                        + "use a sigma of 0 to 10 (1 is already a factor of 2.7 per standard deviation)");
            }
        }

        @Override
        public String name() {
            return "lognormal";
        }
    }
}
