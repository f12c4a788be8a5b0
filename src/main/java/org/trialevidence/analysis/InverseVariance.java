package org.trialevidence.analysis;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

import java.util.List;
import java.util.Optional;

/**
 * Inverse-variance pooling of log hazard ratios: fixed effect and DerSimonian-Laird random effects, as metafor's
 * {@code rma(yi, sei, method = "FE" | "DL")} computes them (validated against it in MetaAnalysisReferenceTest).
 */
final class InverseVariance {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Pooled CIs and prediction intervals are 95%, whatever the levels of the studies' CIs. */
    static final double LEVEL = 0.95;
    private static final double Z_95 = normalQuantile(LEVEL);

    private InverseVariance() {
    }

    /** One study on the log scale. */
    record Study(double logEffect, double standardError) { }

    /** A pooled log effect with its standard error, and the 95% CI, z and two-sided p derived from them. */
    record Estimate(double logEffect, double standardError) {
        double lower() {
            return logEffect - Z_95 * standardError;
        }

        double upper() {
            return logEffect + Z_95 * standardError;
        }

        double z() {
            return logEffect / standardError;
        }

        /** From the lower tail of |z|, so that tiny p-values keep their precision (1 - Phi would round to 0). */
        double p() {
            return 2 * NORMAL.cumulativeProbability(-Math.abs(z()));
        }
    }

    /**
     * The result of pooling k studies. Weights are percentages in the studies' order; the prediction interval
     * (log scale) is absent below 3 studies.
     */
    record Pooled(Estimate fixed, Estimate random, double q, int df, double qPValue, double iSquared, double tauSquared,
                  double[] weightsFixed, double[] weightsRandom, Optional<double[]> prediction) { }

    /**
     * The standard error of ln(effect) recovered from a CI at any level: (ln U - ln L) / (2 z). It uses the width
     * only, so a CI made asymmetric on the log scale by rounding gives the SE of its average half-width.
     */
    static double standardError(double lower, double upper, double level) {
        return (Math.log(upper) - Math.log(lower)) / (2 * normalQuantile(level));
    }

    /** The two-sided critical value of a CI at this level (1.959964 for 0.95, 1.644854 for 0.90). */
    static double normalQuantile(double level) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    static Pooled pool(List<Study> studies) {
        int k = studies.size();
        if (k < 2) {
            throw new IllegalArgumentException("pooling needs at least 2 studies, got " + k);
        }
        double[] fixedWeights = new double[k];
        for (int i = 0; i < k; i++) {
            fixedWeights[i] = 1 / square(studies.get(i).standardError());
        }
        Estimate fixed = weightedMean(studies, fixedWeights);

        double q = 0;
        double sumW = 0;
        double sumW2 = 0;
        for (int i = 0; i < k; i++) {
            q += fixedWeights[i] * square(studies.get(i).logEffect() - fixed.logEffect());
            sumW += fixedWeights[i];
            sumW2 += square(fixedWeights[i]);
        }
        int df = k - 1;
        double tauSquared = Math.max(0, (q - df) / (sumW - sumW2 / sumW));
        // (Q - df) / Q, the DerSimonian-Laird I^2; Q = 0 (identical studies) has no excess variation.
        double iSquared = q > 0 ? Math.max(0, (q - df) / q) * 100 : 0;
        double qPValue = Gamma.regularizedGammaQ(df / 2.0, q / 2);

        double[] randomWeights = new double[k];
        for (int i = 0; i < k; i++) {
            randomWeights[i] = 1 / (square(studies.get(i).standardError()) + tauSquared);
        }
        Estimate random = weightedMean(studies, randomWeights);

        Optional<double[]> prediction = Optional.empty();
        if (k >= 3) {
            // Higgins, Thompson & Spiegelhalter (2009): t with k - 2 df over the SE of the mean and tau^2
            // (metafor: predict(rma(..., method = "DL"), pi.type = "riley")).
            double t = new TDistribution(null, k - 2).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
            double spread = t * Math.sqrt(square(random.standardError()) + tauSquared);
            prediction = Optional.of(new double[] {random.logEffect() - spread, random.logEffect() + spread});
        }
        return new Pooled(fixed, random, q, df, qPValue, iSquared, tauSquared, percentages(fixedWeights), percentages(randomWeights), prediction);
    }

    private static Estimate weightedMean(List<Study> studies, double[] weights) {
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            weighted += weights[i] * studies.get(i).logEffect();
        }
        return new Estimate(weighted / sum, Math.sqrt(1 / sum));
    }

    private static double[] percentages(double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        double[] percent = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            percent[i] = 100 * weights[i] / sum;
        }
        return percent;
    }

    private static double square(double x) {
        return x * x;
    }
}
