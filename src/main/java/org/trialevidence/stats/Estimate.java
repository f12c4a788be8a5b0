package org.trialevidence.stats;

/**
 * A pooled effect on the analysis scale (for example ln HR) with its standard error, the two-sided CI at the
 * requested level, the test statistic and its two-sided p-value.
 *
 * @param estimate      the pooled effect
 * @param standardError its standard error (for Hartung-Knapp, the rescaled one)
 * @param ciLower       estimate - crit * standardError
 * @param ciUpper       estimate + crit * standardError
 * @param statistic     estimate / standardError, a z or t value
 * @param df            the degrees of freedom of t; {@link Double#NaN} for z
 * @param pValue        two-sided, computed from the lower tail so that tiny values keep their precision
 * @param distribution  "z" or "t"
 */
public record Estimate(double estimate, double standardError, double ciLower, double ciUpper,
                       double statistic, double df, double pValue, String distribution) {
    /** The distribution name of a z-based estimate. */
    public static final String Z = "z";
    /** The distribution name of a t-based estimate. */
    public static final String T = "t";
}
