package org.trialevidence.stats;

/**
 * Heterogeneity of a random-effects fit, as metafor's {@code rma()} and {@code confint()} report it.
 *
 * @param q                 Cochran's Q from the fixed-effect weights, its df (k - 1) and upper-tail chi-squared p
 * @param tauSquared        the between-study variance by the fit's estimator
 * @param tauSquaredCiLower lower bound of the Q-profile CI of tau^2 (see {@link RandomEffects#pool})
 * @param tauSquaredCiUpper upper bound of the Q-profile CI of tau^2
 * @param iSquared          100 tau^2 / (tau^2 + s^2), in percent, with metafor's typical within-study variance
 *                          s^2 = (k - 1) sum(w) / ((sum w)^2 - sum(w^2))
 * @param hSquared          (tau^2 + s^2) / s^2
 */
public record Heterogeneity(Q q, double tauSquared, double tauSquaredCiLower, double tauSquaredCiUpper,
                            double iSquared, double hSquared) {
    /**
     * A Cochran's Q statistic.
     *
     * @param value  the statistic
     * @param df     its degrees of freedom
     * @param pValue upper-tail chi-squared probability with df degrees of freedom
     */
    public record Q(double value, int df, double pValue) { }
}
