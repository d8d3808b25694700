package dev.idea.core.simulation;

import dev.idea.api.simulation.DelayDistribution;

/**
 * Samples a {@link DelayDistribution} by inverse transform from one uniform draw in [0, 1).
 *
 * <p>Immutable and thread-safe. Only IEEE 754 basic operations, {@link Math#sqrt} (correctly rounded)
 * and {@link StrictMath} are used, so a draw maps to the same delay on every JVM. Every inverse CDF
 * is non-decreasing in the draw (the normal quantile up to its approximation error at the region joins).
 */
final class DelaySampler {
    private static final int FIXED = 0;
    private static final int UNIFORM = 1;
    private static final int TRIANGULAR = 2;
    private static final int EXPONENTIAL = 3;
    private static final int LOGNORMAL = 4;

    private final int kind;
    private final double a;
    private final double b;
    private final double c;

    private DelaySampler(int kind, double a, double b, double c) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
    }

    static DelaySampler of(DelayDistribution distribution) {
        if (distribution instanceof DelayDistribution.Fixed f) {
            return new DelaySampler(FIXED, f.value(), 0, 0);
        } else if (distribution instanceof DelayDistribution.Uniform u) {
            return new DelaySampler(UNIFORM, u.min(), u.max(), 0);
        } else if (distribution instanceof DelayDistribution.Triangular t) {
            return new DelaySampler(TRIANGULAR, t.min(), t.mode(), t.max());
        } else if (distribution instanceof DelayDistribution.Exponential e) {
            return new DelaySampler(EXPONENTIAL, e.mean(), 0, 0);
        } else if (distribution instanceof DelayDistribution.LogNormal l) {
            return new DelaySampler(LOGNORMAL, l.median(), l.sigma(), 0);
        }
        throw new IllegalArgumentException("unknown delay distribution " + distribution);
    }

    /**
     * Returns the delay for a uniform draw.
     *
     * @param u a draw in [0, 1)
     * @return the delay, at least 0
     */
    double sample(double u) {
        switch (kind) {
            case FIXED:
                return a;
            case UNIFORM:
                return a + (b - a) * u;
            case TRIANGULAR:
                return triangular(u);
            case EXPONENTIAL:
                return -a * StrictMath.log1p(-u);
            default:
                return u == 0.0 ? 0.0 : a * StrictMath.exp(b * inverseNormal(u));
        }
    }

    private double triangular(double u) {
        double width = c - a;
        if (width == 0) {
            return a;
        }
        double left = b - a;
        if (u * width < left) {
            return a + Math.sqrt(u * width * left);
        }
        return c - Math.sqrt((1 - u) * width * (c - b));
    }

    // Acklam's rational approximation of the standard normal quantile (relative error below 1.15e-9).
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    /**
     * Returns the standard normal quantile of {@code p}.
     *
     * @param p in (0, 1)
     * @return the quantile
     */
    static double inverseNormal(double p) {
        if (p < P_LOW) {
            return tail(StrictMath.sqrt(-2 * StrictMath.log(p)));
        }
        if (p > 1 - P_LOW) {
            return -tail(StrictMath.sqrt(-2 * StrictMath.log1p(-p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double tail(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
}
