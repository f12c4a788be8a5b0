package org.trialevidence.stats;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inverse-variance meta-analysis of k studies (effects on the analysis scale, e.g. ln HR, with their standard errors):
 * fixed effect, random effects with REML, DerSimonian-Laird or Paule-Mandel tau^2, optionally with the
 * Hartung-Knapp-Sidik-Jonkman test, heterogeneity statistics, the Q-profile CI of tau^2, the prediction interval,
 * leave-one-out and the test for subgroup differences.
 *
 * <p>Every number equals what R's metafor 3.8.1 reports for the same data (validated in RandomEffectsReferenceTest
 * against vectors written by {@code src/test/r/random-effects-reference.R}). Where metafor's behaviour at a boundary
 * matters, the method documents it.
 */
public final class RandomEffects {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Absolute accuracy of the quantile functions' and root finders' searches. */
    private static final double ACCURACY = 1e-14;
    /** Fisher scoring stops when tau^2 changes by less than this (metafor: control threshold, default 1e-5). */
    private static final double REML_THRESHOLD = 1e-12;
    private static final int MAX_ITERATIONS = 10_000;
    /** metafor's default {@code control$tol}, used by its REML local-maximum check: .Machine$double.eps^0.25. */
    private static final double REML_LL_TOLERANCE = Math.pow(Math.ulp(1.0), 0.25);
    /** R's .Machine$double.eps: metafor sets the Hartung-Knapp factor to 0 when its RSS is at most this. */
    private static final double DOUBLE_EPS = Math.ulp(1.0);
    /** The upper end of metafor's default tau^2 search interval (control tau2.max). */
    private static final double TAU2_MAX = 100;

    private RandomEffects() {
    }

    /**
     * Pools k studies: metafor's {@code rma(yi, sei = sei, method = "FE")} and {@code rma(yi, sei = sei,
     * method = estimator, test = hartungKnapp ? "knha" : "z", level = 100 * level)}.
     *
     * <ul>
     * <li>Hartung-Knapp as metafor's {@code test = "knha"}: Var = s^2 / sum(w*) with s^2 = sum w*(y - mu)^2 / (k - 1)
     * and no truncation of s^2 at 1 (metafor's "adhoc" would truncate); t with k - 1 df. When that residual sum of
     * squares is at most the machine epsilon (all studies equal), s^2 = 0 and the SE is 0, as in metafor.</li>
     * <li>The CI of tau^2 is the Q-profile interval of {@code confint(fit)}: the values where the generalised Q equals
     * the chi-squared(k - 1) quantiles of 1 - alpha/2 (lower bound) and alpha/2 (upper bound), searched in
     * [0, max(100, 10 tau^2)] as metafor does. At the bounds it follows metafor: when Q(0) is below the alpha/2
     * quantile the CI is [0, 0]; when Q(0) is below the 1 - alpha/2 quantile the lower bound is 0; when Q at the end
     * of the search interval is still above a quantile, that bound is the end of the interval (metafor prints it
     * as "&gt;"), both bounds if it is the 1 - alpha/2 quantile.</li>
     * <li>The prediction interval is metafor's {@code predict(fit, pi.type = "riley")} (lower case: metafor 3.8.1
     * silently ignores {@code "Riley"} and then uses the normal quantile under z): mu -/+ t(k - 2) sqrt(SE^2 + tau^2),
     * SE being the random model's (Hartung-Knapp's under Hartung-Knapp). It is null below 3 studies, where metafor
     * would clamp the df to 1.</li>
     * </ul>
     *
     * @param yi           effects on the analysis scale
     * @param sei          their standard errors, finite and &gt; 0
     * @param estimator    the tau^2 estimator
     * @param hartungKnapp Hartung-Knapp-Sidik-Jonkman test and CI (t, k - 1 df) instead of z for the random model
     * @param level        the CI and prediction interval level, in (0, 1), e.g. 0.95
     * @throws IllegalArgumentException when k &lt; 2, lengths differ, a value is not finite or an SE is not positive
     */
    public static Pooling pool(double[] yi, double[] sei, TauEstimator estimator, boolean hartungKnapp, double level) {
        check(yi, sei, 2);
        checkLevel(level);
        if (estimator == null) {
            throw new IllegalArgumentException("estimator is required");
        }
        int k = yi.length;
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            vi[i] = sei[i] * sei[i];
        }
        double zCrit = NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);

        double[] wFixed = weights(vi, 0);
        double sumW = sum(wFixed);
        double muFixed = weightedMean(yi, wFixed);
        Estimate fixed = zEstimate(muFixed, Math.sqrt(1 / sumW), zCrit);

        int df = k - 1;
        double q = Math.max(0, generalisedQ(yi, vi, 0));
        Heterogeneity.Q cochran = new Heterogeneity.Q(q, df, chiSquaredUpperTail(q, df));

        double tau2 = tauSquared(yi, vi, estimator);
        double[] wRandom = weights(vi, tau2);
        double sumWRandom = sum(wRandom);
        double muRandom = weightedMean(yi, wRandom);
        double seWald = Math.sqrt(1 / sumWRandom);
        Estimate random;
        boolean narrower = false;
        if (hartungKnapp) {
            double rss = 0;
            for (int i = 0; i < k; i++) {
                rss += wRandom[i] * square(yi[i] - muRandom);
            }
            double s2w = rss <= DOUBLE_EPS ? 0 : rss / df;
            double se = Math.sqrt(s2w / sumWRandom);
            double tCrit = tQuantile(level, df);
            random = tEstimate(muRandom, se, tCrit, df);
            narrower = tCrit * se < zCrit * seWald;
        } else {
            random = zEstimate(muRandom, seWald, zCrit);
        }

        double sumW2 = 0;
        for (double w : wFixed) {
            sumW2 += w * w;
        }
        double typicalVariance = df / (sumW - sumW2 / sumW);
        double iSquared = 100 * tau2 / (typicalVariance + tau2);
        double hSquared = tau2 / typicalVariance + 1;
        double[] tau2Ci = qProfile(yi, vi, tau2, level);
        Heterogeneity heterogeneity = new Heterogeneity(cochran, tau2, tau2Ci[0], tau2Ci[1], iSquared, hSquared);

        double[] prediction = null;
        if (k >= 3) {
            double spread = tQuantile(level, k - 2) * Math.sqrt(square(random.standardError()) + tau2);
            prediction = new double[] {muRandom - spread, muRandom + spread};
        }
        return new Pooling(fixed, random, heterogeneity, prediction, percentages(wFixed), percentages(wRandom),
                estimator, hartungKnapp, narrower, k);
    }

    /**
     * metafor's {@code leave1out(fit)}: the pooling of the other k - 1 studies for each study omitted in turn, with
     * the same estimator, test and level (index i = study i omitted).
     *
     * @throws IllegalArgumentException when k &lt; 3 or the inputs are invalid as for {@link #pool}
     */
    public static List<Pooling> leaveOneOut(double[] yi, double[] sei, TauEstimator estimator, boolean hartungKnapp,
                                            double level) {
        check(yi, sei, 3);
        int k = yi.length;
        List<Pooling> result = new ArrayList<>(k);
        for (int omitted = 0; omitted < k; omitted++) {
            double[] y = new double[k - 1];
            double[] s = new double[k - 1];
            for (int i = 0, j = 0; i < k; i++) {
                if (i != omitted) {
                    y[j] = yi[i];
                    s[j] = sei[i];
                    j++;
                }
            }
            result.add(pool(y, s, estimator, hartungKnapp, level));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Test for subgroup differences: Cochran's Q of the g subgroups' pooled estimates around their fixed-effect mean,
     * with g - 1 df (metafor: {@code rma(est, sei = se, method = "FE")$QE} and {@code $QEp}).
     *
     * @throws IllegalArgumentException when g &lt; 2, lengths differ, a value is not finite or an SE is not positive
     */
    public static Heterogeneity.Q subgroupDifferences(double[] estimates, double[] standardErrors) {
        check(estimates, standardErrors, 2);
        double[] vi = new double[estimates.length];
        for (int i = 0; i < vi.length; i++) {
            vi[i] = standardErrors[i] * standardErrors[i];
        }
        double q = Math.max(0, generalisedQ(estimates, vi, 0));
        int df = estimates.length - 1;
        return new Heterogeneity.Q(q, df, chiSquaredUpperTail(q, df));
    }

    private static double tauSquared(double[] yi, double[] vi, TauEstimator estimator) {
        return switch (estimator) {
            case DL -> derSimonianLaird(yi, vi);
            case PM -> pauleMandel(yi, vi);
            case REML -> reml(yi, vi);
        };
    }

    private static double derSimonianLaird(double[] yi, double[] vi) {
        double[] w = weights(vi, 0);
        double sumW = sum(w);
        double sumW2 = 0;
        for (double x : w) {
            sumW2 += x * x;
        }
        double q = generalisedQ(yi, vi, 0);
        return Math.max(0, (q - (yi.length - 1)) / (sumW - sumW2 / sumW));
    }

    /** metafor: 0 when Q(0) &lt; k - 1, else the root of Q(tau^2) = k - 1 (Q decreases in tau^2). */
    private static double pauleMandel(double[] yi, double[] vi) {
        double target = yi.length - 1;
        if (generalisedQ(yi, vi, 0) < target) {
            return 0;
        }
        double upper = TAU2_MAX;
        while (generalisedQ(yi, vi, upper) > target) {
            upper *= 10;
            if (Double.isInfinite(upper)) {
                throw new ArithmeticException("Paule-Mandel: no root of the generalised Q found");
            }
        }
        return root(t -> generalisedQ(yi, vi, t) - target, 0, upper);
    }

    /** Fisher scoring as metafor's rma.uni(method = "REML") for an intercept-only model; see {@link TauEstimator#REML}. */
    private static double reml(double[] yi, double[] vi) {
        int k = yi.length;
        double mean = 0;
        for (double y : yi) {
            mean += y / k;
        }
        double ss = 0;
        double sumV = 0;
        for (int i = 0; i < k; i++) {
            ss += square(yi[i] - mean);
            sumV += vi[i];
        }
        // Start: the Hedges (HE) estimate, (RSS - tr(PV)) / (k - 1) with P the OLS residual projector, at least 0.
        double tau2 = Math.max(0, (ss - (1 - 1.0 / k) * sumV) / (k - 1));
        double change = Double.POSITIVE_INFINITY;
        int iterations = 0;
        while (change > REML_THRESHOLD) {
            iterations++;
            double old = tau2;
            double[] w = weights(vi, tau2);
            double sumW = sum(w);
            double mu = weightedMean(yi, w);
            double sumW2 = 0;
            double sumW3 = 0;
            double ypy2 = 0; // Y'PPY with P = W - w w' / sum(w): |PY|^2, PY_i = w_i (y_i - mu)
            for (int i = 0; i < k; i++) {
                sumW2 += w[i] * w[i];
                sumW3 += w[i] * w[i] * w[i];
                ypy2 += square(w[i] * (yi[i] - mu));
            }
            double trP = sumW - sumW2 / sumW;
            double trPP = sumW2 - 2 * sumW3 / sumW + sumW2 * sumW2 / (sumW * sumW);
            double adj = (ypy2 - trP) / trPP;
            if (Double.isNaN(adj)) {
                adj = 0;
            }
            while (tau2 + adj < 0) {
                adj /= 2;
            }
            tau2 += adj;
            change = Math.abs(old - tau2);
            if (iterations > MAX_ITERATIONS) {
                throw new ArithmeticException("REML: Fisher scoring did not converge in " + MAX_ITERATIONS + " iterations");
            }
        }
        // metafor's check for a local maximum: a REML log-likelihood at tau^2 = 0 higher than at the solution.
        if (tau2 > REML_THRESHOLD && remlLogLikelihood(yi, vi, 0) - remlLogLikelihood(yi, vi, tau2) > REML_LL_TOLERANCE) {
            tau2 = 0;
        }
        return Math.max(0, tau2);
    }

    private static double remlLogLikelihood(double[] yi, double[] vi, double tau2) {
        int k = yi.length;
        double[] w = weights(vi, tau2);
        double sumW = sum(w);
        double mu = weightedMean(yi, w);
        double logDet = 0;
        double rss = 0;
        for (int i = 0; i < k; i++) {
            logDet += Math.log(vi[i] + tau2);
            rss += w[i] * square(yi[i] - mu);
        }
        return -0.5 * (k - 1) * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * Math.log(sumW) - 0.5 * rss;
    }

    /** confint.rma.uni(type = "QP") for tau^2, bounds as metafor (see {@link #pool}). */
    private static double[] qProfile(double[] yi, double[] vi, double tau2, double level) {
        int df = yi.length - 1;
        double alpha = 1 - level;
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, df, ACCURACY);
        double critUpper = chi2.inverseCumulativeProbability(1 - alpha / 2);
        double critLower = chi2.inverseCumulativeProbability(alpha / 2);
        double min = 0;
        double max = Math.max(TAU2_MAX, 10 * tau2);
        double qMin = generalisedQ(yi, vi, min);
        double qMax = generalisedQ(yi, vi, max);
        double lower;
        double upper;
        if (qMin < critLower) {
            lower = min;
            upper = min;
        } else {
            upper = qMax > critLower ? max : root(t -> generalisedQ(yi, vi, t) - critLower, min, max);
            lower = Double.NaN;
        }
        if (qMax > critUpper) {
            lower = max;
            upper = max;
        } else if (qMin < critUpper) {
            lower = min;
        } else {
            lower = root(t -> generalisedQ(yi, vi, t) - critUpper, min, max);
        }
        return new double[] {lower, upper};
    }

    /** The generalised Q: sum of (y - mu)^2 / (v + tau^2) around the weighted mean with those weights. */
    private static double generalisedQ(double[] yi, double[] vi, double tau2) {
        double[] w = weights(vi, tau2);
        double mu = weightedMean(yi, w);
        double q = 0;
        for (int i = 0; i < yi.length; i++) {
            q += w[i] * square(yi[i] - mu);
        }
        return q;
    }

    private static double root(UnivariateFunction f, double min, double max) {
        double fMin = f.value(min);
        if (fMin == 0) {
            return min;
        }
        double fMax = f.value(max);
        if (fMax == 0) {
            return max;
        }
        return new BrentSolver(1e-15, ACCURACY).solve(MAX_ITERATIONS, f, min, max);
    }

    private static Estimate zEstimate(double mu, double se, double crit) {
        double z = mu / se;
        return new Estimate(mu, se, mu - crit * se, mu + crit * se, z, Double.NaN,
                2 * NORMAL.cumulativeProbability(-Math.abs(z)), Estimate.Z);
    }

    private static Estimate tEstimate(double mu, double se, double crit, int df) {
        double t = mu / se;
        double p = 2 * new TDistribution(null, df, ACCURACY).cumulativeProbability(-Math.abs(t));
        return new Estimate(mu, se, mu - crit * se, mu + crit * se, t, df, p, Estimate.T);
    }

    private static double tQuantile(double level, int df) {
        return new TDistribution(null, df, ACCURACY).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** Upper tail of chi-squared(df) at q, from the regularised gamma function so that tiny p keep their precision. */
    private static double chiSquaredUpperTail(double q, int df) {
        return Gamma.regularizedGammaQ(df / 2.0, q / 2);
    }

    private static double[] weights(double[] vi, double tau2) {
        double[] w = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            w[i] = 1 / (vi[i] + tau2);
        }
        return w;
    }

    private static double weightedMean(double[] yi, double[] w) {
        double sumW = 0;
        double sumWY = 0;
        for (int i = 0; i < yi.length; i++) {
            sumW += w[i];
            sumWY += w[i] * yi[i];
        }
        return sumWY / sumW;
    }

    private static double[] percentages(double[] w) {
        double total = sum(w);
        double[] percent = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            percent[i] = 100 * w[i] / total;
        }
        return percent;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double square(double x) {
        return x * x;
    }

    private static void check(double[] effects, double[] standardErrors, int minimum) {
        if (effects == null || standardErrors == null) {
            throw new IllegalArgumentException("effects and standard errors are required");
        }
        if (effects.length != standardErrors.length) {
            throw new IllegalArgumentException("got " + effects.length + " effects but " + standardErrors.length + " standard errors");
        }
        if (effects.length < minimum) {
            throw new IllegalArgumentException("needs at least " + minimum + " studies, got " + effects.length);
        }
        for (int i = 0; i < effects.length; i++) {
            if (!Double.isFinite(effects[i])) {
                throw new IllegalArgumentException("effect " + i + " is not finite: " + effects[i]);
            }
            if (!(standardErrors[i] > 0) || !Double.isFinite(standardErrors[i])) {
                throw new IllegalArgumentException("standard error " + i + " must be finite and > 0, got " + standardErrors[i]);
            }
        }
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), got " + level);
        }
    }
}
