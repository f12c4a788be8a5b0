package org.trialevidence.stats;

/**
 * The result of pooling k studies: metafor's {@code rma(method = "FE")} and {@code rma(method = estimator,
 * test = hartungKnapp ? "knha" : "z")} of the same data.
 *
 * @param fixed                        the fixed-effect (common-effect) model, always z-based
 * @param random                       the random-effects model: z-based, or t with k - 1 df under Hartung-Knapp
 * @param heterogeneity                Q, tau^2 and its Q-profile CI, I^2, H^2
 * @param predictionInterval           {lower, upper} of {@code predict(fit, pi.type = "riley")}: random estimate
 *                                     -/+ t(level, k - 2) sqrt(SE^2 + tau^2), with the random model's SE (the
 *                                     Hartung-Knapp one under Hartung-Knapp); null when k &lt; 3
 * @param weightsFixedPercent          {@code weights()} of the fixed model, in percent, in the studies' order
 * @param weightsRandomPercent         {@code weights()} of the random model, in percent, in the studies' order
 * @param estimator                    the tau^2 estimator used
 * @param hartungKnapp                 whether the random model uses the Hartung-Knapp-Sidik-Jonkman test
 * @param hartungKnappNarrowerThanWald true when hartungKnapp and its CI is narrower than the z-based (Wald) CI of
 *                                     the same estimator and tau^2; always false without Hartung-Knapp
 * @param k                            the number of studies
 */
public record Pooling(Estimate fixed, Estimate random, Heterogeneity heterogeneity,
                      double[] predictionInterval, double[] weightsFixedPercent, double[] weightsRandomPercent,
                      TauEstimator estimator, boolean hartungKnapp, boolean hartungKnappNarrowerThanWald, int k) {
    /** Copies the arrays, so that a Pooling does not change with its caller's arrays. */
    public Pooling {
        predictionInterval = predictionInterval == null ? null : predictionInterval.clone();
        weightsFixedPercent = weightsFixedPercent.clone();
        weightsRandomPercent = weightsRandomPercent.clone();
    }
}
