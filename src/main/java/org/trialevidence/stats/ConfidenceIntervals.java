package org.trialevidence.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Standard errors recovered from published confidence intervals of ratios. */
public final class ConfidenceIntervals {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private ConfidenceIntervals() {
    }

    /**
     * The standard error of ln(ratio) from a CI at any level: (ln U - ln L) / (2 z). It uses the width only, so a
     * CI made asymmetric on the log scale by rounding counts by its average half-width (as metafor does when sei is
     * computed this way).
     */
    public static double logStandardError(double lower, double upper, double level) {
        return (Math.log(upper) - Math.log(lower)) / (2 * normalQuantile(level));
    }

    /** The two-sided critical value of a CI at this level (1.959964 for 0.95, 1.644854 for 0.90). */
    public static double normalQuantile(double level) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
