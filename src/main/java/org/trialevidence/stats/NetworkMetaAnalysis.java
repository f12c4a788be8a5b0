package org.trialevidence.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Gamma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Frequentist network meta-analysis on the contrast scale (the consistency model): one effect per treatment relative
 * to a reference, fitted by generalised least squares to every study's contrasts with their covariance.
 *
 * <p>Fixed effect: the within-study covariance only (equal to netmeta's graph-theoretical estimate and to metafor's
 * {@code rma.mv(yi, V, mods = X, method = "FE")}). Random effects: one heterogeneity variance tau^2 for every
 * comparison, the random effects of one multi-arm study's contrasts correlated 1/2 (metafor's
 * {@code rma.mv(yi, V, mods = X, random = ~ comp | study, rho = 1/2, method = "REML")}); tau^2 maximises the restricted
 * likelihood over tau^2 >= 0. CIs are Wald (z). Treatments are ordered by code point.
 */
public final class NetworkMetaAnalysis {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Within-study correlation of a multi-arm study's random effects: tau^2 / 2 is the covariance, as for any shared arm. */
    private static final double RHO = 0.5;
    /** The coarse search for the REML maximum: 0, then a geometric grid from 1e-6 to beyond any plausible tau^2 (~1e4). */
    private static final double GRID_START = 1e-6;
    private static final double GRID_FACTOR = 1.5;
    private static final int GRID_POINTS = 58;

    /** One treatment relative to another on the analysis scale (ln ratio, or the difference), with its Wald CI. */
    public record Comparison(String treatment, String versus, double estimate, double standardError, double ciLower, double ciUpper) { }

    /**
     * A fitted network.
     *
     * @param treatments   every treatment, ordered by code point
     * @param effects      each treatment's effect relative to the reference (0 for the reference)
     * @param covariance   their covariance (row and column of the reference 0)
     * @param tauSquared   the heterogeneity variance the fit used: 0 for fixed effect
     * @param q            the generalised residual sum of squares (r' W r) and its df (rows - parameters)
     */
    public record Fit(List<String> treatments, double[] effects, double[][] covariance, double tauSquared, Heterogeneity.Q q, double level) {
        /** Treatment relative to versus. */
        public Comparison compare(String treatment, String versus) {
            int a = treatments.indexOf(treatment);
            int b = treatments.indexOf(versus);
            double estimate = effects[a] - effects[b];
            double se = Math.sqrt(covariance[a][a] + covariance[b][b] - 2 * covariance[a][b]);
            double z = ConfidenceIntervals.normalQuantile(level);
            return new Comparison(treatment, versus, estimate, se, estimate - z * se, estimate + z * se);
        }

        /**
         * Rücker &amp; Schwarzer's P-score of every treatment: the mean over the other treatments of the one-sided
         * probability that it is better, Φ((θ_j - θ_i) / se_ij) when small values are desirable.
         */
        public Map<String, Double> pScores(boolean smallValuesDesirable) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (String treatment : treatments) {
                double sum = 0;
                for (String other : treatments) {
                    if (!other.equals(treatment)) {
                        Comparison difference = compare(other, treatment);
                        double z = difference.estimate() / difference.standardError();
                        sum += NORMAL.cumulativeProbability(smallValuesDesirable ? z : -z);
                    }
                }
                scores.put(treatment, sum / (treatments.size() - 1));
            }
            return scores;
        }
    }

    /** Krahn's decomposition of the fixed-effect Q: heterogeneity within designs and inconsistency between them. */
    public record DesignByTreatment(Heterogeneity.Q total, Heterogeneity.Q withinDesigns, Heterogeneity.Q betweenDesigns) { }

    /**
     * Direct against indirect evidence on one pair of treatments.
     *
     * @param studies    how many studies compare the two
     * @param direct     the pooled contrast of those studies
     * @param indirect   the network of all other studies; null when they cannot link the two treatments
     * @param difference direct - indirect, with the z test of it (null without indirect evidence)
     */
    public record NodeSplit(String treatment, String versus, int studies, Comparison direct, Comparison indirect, Difference difference) { }

    /** The difference of two independent estimates and its two-sided z test. */
    public record Difference(double estimate, double standardError, double z, double pValue) { }

    /** The whole analysis. */
    public record Result(String reference, Fit fixed, Fit random, DesignByTreatment designByTreatment,
                         List<NodeSplit> fixedNodeSplits, List<NodeSplit> randomNodeSplits) { }

    private NetworkMetaAnalysis() {
    }

    /** The connected parts of the network, each as its treatments in code-point order, the largest first. */
    public static List<List<String>> parts(Collection<NetworkStudy> studies) {
        Map<String, String> parent = new TreeMap<>();
        for (NetworkStudy study : studies) {
            study.arms().forEach(arm -> parent.putIfAbsent(arm, arm));
            for (String arm : study.arms()) {
                parent.put(root(parent, arm), root(parent, study.arms().get(0)));
            }
        }
        Map<String, List<String>> byRoot = new LinkedHashMap<>();
        parent.keySet().forEach(treatment -> byRoot.computeIfAbsent(root(parent, treatment), r -> new ArrayList<>()).add(treatment));
        List<List<String>> parts = new ArrayList<>(byRoot.values());
        parts.sort(Comparator.comparingInt((List<String> part) -> -part.size()).thenComparing(part -> part.get(0)));
        return parts;
    }

    private static String root(Map<String, String> parent, String treatment) {
        String at = treatment;
        while (!parent.get(at).equals(at)) {
            at = parent.get(at);
        }
        return at;
    }

    /**
     * Fits both models, decomposes Q by design and splits every directly compared pair.
     *
     * @throws IllegalArgumentException for a network with fewer than 2 treatments, not connected, or without the reference
     */
    public static Result analyse(List<NetworkStudy> studies, String reference, double level) {
        List<List<String>> parts = parts(studies);
        if (parts.size() != 1 || parts.get(0).size() < 2 || !parts.get(0).contains(reference)) {
            throw new IllegalArgumentException("a network needs at least 2 connected treatments and the reference among them");
        }
        List<String> treatments = parts.get(0);
        Fit fixed = fit(studies, treatments, reference, 0, level);
        Fit random = fit(studies, treatments, reference, remlTauSquared(studies, treatments, reference), level);
        return new Result(reference, fixed, random, designByTreatment(studies, fixed), nodeSplits(studies, fixed), nodeSplits(studies, random));
    }

    /** The GLS fit with this tau^2 (0: fixed effect). */
    static Fit fit(List<NetworkStudy> studies, List<String> treatments, String reference, double tauSquared, double level) {
        Gls gls = gls(studies, treatments, reference, tauSquared);
        int n = treatments.size();
        double[] effects = new double[n];
        double[][] covariance = new double[n][n];
        RealMatrix inverse = gls.normalSolver().getInverse();
        for (int i = 0; i < n; i++) {
            int pi = gls.column(i);
            if (pi < 0) {
                continue;
            }
            effects[i] = gls.coefficients()[pi];
            for (int j = 0; j < n; j++) {
                int pj = gls.column(j);
                covariance[i][j] = pj < 0 ? 0 : inverse.getEntry(pi, pj);
            }
        }
        return new Fit(List.copyOf(treatments), effects, covariance, tauSquared, q(gls.residual(), gls.rows() - (n - 1)), level);
    }

    /** Normal equations, solution and the pieces of the restricted likelihood. */
    private record Gls(List<String> treatments, String reference, DecompositionSolver normalSolver, double normalLogDeterminant,
                       double[] coefficients, double residual, double logDeterminant, int rows) {
        /** The coefficient of treatment i, -1 for the reference. */
        int column(int i) {
            int r = treatments.indexOf(reference);
            return i == r ? -1 : i < r ? i : i - 1;
        }

        double restrictedLogLikelihood() {
            return -0.5 * (logDeterminant + normalLogDeterminant + residual);
        }
    }

    private static Gls gls(List<NetworkStudy> studies, List<String> treatments, String reference, double tauSquared) {
        int p = treatments.size() - 1;
        int referenceIndex = treatments.indexOf(reference);
        double[][] normal = new double[p][p];
        double[] right = new double[p];
        double logDeterminant = 0;
        int rows = 0;
        List<double[][]> designs = new ArrayList<>();
        List<RealMatrix> weights = new ArrayList<>();
        for (NetworkStudy study : studies) {
            int m = study.estimates().length;
            double[][] sigma = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    sigma[i][j] = study.covariance()[i][j] + tauSquared * (i == j ? 1 : RHO);
                }
            }
            CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(sigma));
            logDeterminant += Math.log(cholesky.getDeterminant());
            RealMatrix w = cholesky.getSolver().getInverse();
            double[][] x = new double[m][p];
            int base = column(treatments.indexOf(study.arms().get(0)), referenceIndex);
            for (int i = 0; i < m; i++) {
                int arm = column(treatments.indexOf(study.arms().get(i + 1)), referenceIndex);
                if (arm >= 0) {
                    x[i][arm] += 1;
                }
                if (base >= 0) {
                    x[i][base] -= 1;
                }
            }
            for (int a = 0; a < p; a++) {
                for (int i = 0; i < m; i++) {
                    if (x[i][a] == 0) {
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        double xw = x[i][a] * w.getEntry(i, j);
                        right[a] += xw * study.estimates()[j];
                        for (int b = 0; b < p; b++) {
                            normal[a][b] += xw * x[j][b];
                        }
                    }
                }
            }
            designs.add(x);
            weights.add(w);
            rows += m;
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(normal));
        double[] coefficients = lu.getSolver().solve(new ArrayRealVector(right)).toArray();
        double residual = 0;
        for (int s = 0; s < studies.size(); s++) {
            NetworkStudy study = studies.get(s);
            double[][] x = designs.get(s);
            int m = x.length;
            double[] r = new double[m];
            for (int i = 0; i < m; i++) {
                r[i] = study.estimates()[i];
                for (int b = 0; b < p; b++) {
                    r[i] -= x[i][b] * coefficients[b];
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    residual += r[i] * weights.get(s).getEntry(i, j) * r[j];
                }
            }
        }
        return new Gls(treatments, reference, lu.getSolver(), Math.log(lu.getDeterminant()), coefficients, residual, logDeterminant, rows);
    }

    private static int column(int treatment, int reference) {
        return treatment == reference ? -1 : treatment < reference ? treatment : treatment - 1;
    }

    /**
     * The REML tau^2: the grid point of highest restricted likelihood, refined by Brent's method between its
     * neighbours. 0 when nothing is left to estimate it from (as many contrasts as parameters).
     */
    static double remlTauSquared(List<NetworkStudy> studies, List<String> treatments, String reference) {
        int rows = studies.stream().mapToInt(study -> study.estimates().length).sum();
        if (rows <= treatments.size() - 1) {
            return 0;
        }
        double[] grid = new double[GRID_POINTS];
        double value = GRID_START;
        for (int i = 1; i < GRID_POINTS; i++) {
            grid[i] = value;
            value *= GRID_FACTOR;
        }
        int best = 0;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID_POINTS; i++) {
            double likelihood = gls(studies, treatments, reference, grid[i]).restrictedLogLikelihood();
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = i;
            }
        }
        double lower = grid[Math.max(0, best - 1)];
        double upper = grid[Math.min(GRID_POINTS - 1, best + 1)];
        UnivariatePointValuePair optimum = new BrentOptimizer(1e-12, 1e-15).optimize(new MaxEval(1000), GoalType.MAXIMIZE,
                new SearchInterval(lower, upper, grid[best]),
                new UnivariateObjectiveFunction(tau -> gls(studies, treatments, reference, tau).restrictedLogLikelihood()));
        return optimum.getValue() >= bestLikelihood ? optimum.getPoint() : grid[best];
    }

    private static Heterogeneity.Q q(double value, int df) {
        // the upper tail directly, so that tiny p-values keep their precision
        return new Heterogeneity.Q(value, df, df > 0 ? Gamma.regularizedGammaQ(df / 2.0, Math.max(0, value) / 2) : Double.NaN);
    }

    /** Within designs: the Q of each design's studies fitted alone (a design is the set of treatments a study compares). */
    private static DesignByTreatment designByTreatment(List<NetworkStudy> studies, Fit fixed) {
        Map<String, List<NetworkStudy>> byDesign = new LinkedHashMap<>();
        for (NetworkStudy study : studies) {
            byDesign.computeIfAbsent(String.join("\u0000", new TreeSet<>(study.arms())), d -> new ArrayList<>()).add(study);
        }
        double within = 0;
        int withinDf = 0;
        for (List<NetworkStudy> design : byDesign.values()) {
            if (design.size() > 1) {
                List<String> treatments = List.copyOf(new TreeSet<>(design.get(0).arms()));
                Fit fit = fit(design, treatments, treatments.get(0), 0, fixed.level());
                within += fit.q().value();
                withinDf += fit.q().df();
            }
        }
        Heterogeneity.Q total = fixed.q();
        return new DesignByTreatment(total, q(within, withinDf), q(total.value() - within, total.df() - withinDf));
    }

    /**
     * For every pair of treatments some study compares: direct = the studies comparing both, pooled with the fit's
     * tau^2; indirect = the network of the other studies (their part that holds both), with the same tau^2.
     */
    private static List<NodeSplit> nodeSplits(List<NetworkStudy> studies, Fit network) {
        TreeSet<List<String>> pairs = new TreeSet<>(Comparator.comparing((List<String> pair) -> pair.get(0)).thenComparing(pair -> pair.get(1)));
        for (NetworkStudy study : studies) {
            List<String> arms = List.copyOf(new TreeSet<>(study.arms()));
            for (int i = 0; i < arms.size(); i++) {
                for (int j = i + 1; j < arms.size(); j++) {
                    pairs.add(List.of(arms.get(i), arms.get(j)));
                }
            }
        }
        double z = ConfidenceIntervals.normalQuantile(network.level());
        List<NodeSplit> splits = new ArrayList<>();
        for (List<String> pair : pairs) {
            String a = pair.get(0);
            String b = pair.get(1);
            List<NetworkStudy> direct = studies.stream().filter(study -> study.arms().containsAll(pair)).toList();
            double weightSum = 0;
            double weighted = 0;
            for (NetworkStudy study : direct) {
                double[] contrast = study.contrast(a, b);
                double weight = 1 / (contrast[1] + network.tauSquared());
                weightSum += weight;
                weighted += weight * contrast[0];
            }
            double directEstimate = weighted / weightSum;
            double directSe = Math.sqrt(1 / weightSum);
            Comparison directComparison = new Comparison(a, b, directEstimate, directSe, directEstimate - z * directSe, directEstimate + z * directSe);
            List<NetworkStudy> rest = studies.stream().filter(study -> !study.arms().containsAll(pair)).toList();
            List<String> part = parts(rest).stream().filter(treatments -> treatments.contains(a)).findFirst().orElse(List.of());
            if (!part.contains(b)) {
                splits.add(new NodeSplit(a, b, direct.size(), directComparison, null, null));
                continue;
            }
            List<NetworkStudy> linking = rest.stream().filter(study -> part.contains(study.arms().get(0))).toList();
            Comparison indirect = fit(linking, part, b, network.tauSquared(), network.level()).compare(a, b);
            double difference = directEstimate - indirect.estimate();
            double se = Math.sqrt(directSe * directSe + indirect.standardError() * indirect.standardError());
            double zValue = difference / se;
            splits.add(new NodeSplit(a, b, direct.size(), directComparison, indirect,
                    new Difference(difference, se, zValue, 2 * NORMAL.cumulativeProbability(-Math.abs(zValue)))));
        }
        return splits;
    }
}
