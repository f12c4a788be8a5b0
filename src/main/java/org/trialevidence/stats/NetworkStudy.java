package org.trialevidence.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One study of a network in its basic-contrast form: the effects of its other arms relative to its first arm and
 * their covariance (for a multi-arm study the contrasts share the first arm, so they are correlated).
 *
 * @param name       the study label
 * @param arms       the study's treatments, the first the one the others are measured against
 * @param estimates  estimates[i] is arms[i + 1] relative to arms[0]
 * @param covariance their covariance matrix, positive definite
 */
public record NetworkStudy(String name, List<String> arms, double[] estimates, double[][] covariance) {
    /**
     * A multi-arm study's pairwise estimates must agree with each other (a - c = (a - b) + (b - c)) to this absolute
     * tolerance, netmeta's tol.multiarm default.
     */
    public static final double MULTI_ARM_TOLERANCE = 0.001;

    /** One pairwise comparison as netmeta takes it: treatment1 relative to treatment2; index is its place in the input. */
    public record Pair(int index, String study, String treatment1, String treatment2, double estimate, double standardError) { }

    /** A study whose pairs do not make a study: the message says why, index names the pair (-1 for the study as a whole). */
    public static final class InvalidStudyException extends IllegalArgumentException {
        private final int index;

        InvalidStudyException(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /**
     * Studies from pairwise comparisons in netmeta's long format, in the order the studies first appear. A study of k
     * arms must give every one of its k(k - 1)/2 pairs, once; the arm variances are the least-squares solution of
     * var(a - b) = v_a + v_b (exact when the standard errors come from arms), and the contrasts against the first arm
     * then share its variance as their covariance.
     */
    public static List<NetworkStudy> fromPairs(List<Pair> pairs) {
        Map<String, List<Pair>> byStudy = new LinkedHashMap<>();
        pairs.forEach(pair -> byStudy.computeIfAbsent(pair.study(), name -> new ArrayList<>()).add(pair));
        List<NetworkStudy> studies = new ArrayList<>();
        byStudy.forEach((name, studyPairs) -> studies.add(fromStudyPairs(name, studyPairs)));
        return studies;
    }

    private static NetworkStudy fromStudyPairs(String name, List<Pair> pairs) {
        List<String> arms = new ArrayList<>();
        Map<String, Pair> byKey = new HashMap<>();
        for (Pair pair : pairs) {
            if (pair.treatment1().equals(pair.treatment2())) {
                throw new InvalidStudyException(pair.index(), "Study '" + name + "' compares " + pair.treatment1() + " with itself.");
            }
            Pair earlier = byKey.put(key(pair.treatment1(), pair.treatment2()), pair);
            if (earlier != null) {
                throw new InvalidStudyException(pair.index(), "Study '" + name + "' gives the pair " + pair.treatment1() + " / " + pair.treatment2()
                        + " twice (also at index " + earlier.index() + "); a study gives each pair of its arms once.");
            }
            for (String treatment : List.of(pair.treatment1(), pair.treatment2())) {
                if (!arms.contains(treatment)) {
                    arms.add(treatment);
                }
            }
        }
        int k = arms.size();
        if (pairs.size() != k * (k - 1) / 2) {
            throw new InvalidStudyException(pairs.get(0).index(), "Study '" + name + "' has " + k + " arms (" + String.join(", ", arms) + ") but gives "
                    + pairs.size() + " of their " + k * (k - 1) / 2 + " pairs; a multi-arm study gives every pair of its arms.");
        }
        double[] basic = new double[k - 1];
        for (int j = 1; j < k; j++) {
            basic[j - 1] = oriented(byKey, arms.get(j), arms.get(0));
        }
        for (int i = 1; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double given = oriented(byKey, arms.get(i), arms.get(j));
                double implied = basic[i - 1] - basic[j - 1];
                if (Math.abs(given - implied) > MULTI_ARM_TOLERANCE) {
                    throw new InvalidStudyException(byKey.get(key(arms.get(i), arms.get(j))).index(), "The estimates of multi-arm study '" + name
                            + "' do not agree: " + arms.get(i) + " vs " + arms.get(j) + " is " + given + " but " + arms.get(i) + " vs " + arms.get(0)
                            + " minus " + arms.get(j) + " vs " + arms.get(0) + " is " + implied + " (tolerance " + MULTI_ARM_TOLERANCE + ").");
                }
            }
        }
        double[][] covariance = new double[k - 1][k - 1];
        if (k == 2) {
            double se = pairs.get(0).standardError();
            covariance[0][0] = se * se;
        } else {
            double[] armVariance = armVariances(arms, byKey);
            for (int i = 1; i < k; i++) {
                for (int j = 1; j < k; j++) {
                    covariance[i - 1][j - 1] = armVariance[0] + (i == j ? armVariance[i] : 0);
                }
            }
            try {
                new CholeskyDecomposition(new Array2DRowRealMatrix(covariance));
            } catch (NonPositiveDefiniteMatrixException e) {
                throw new InvalidStudyException(pairs.get(0).index(), "The standard errors of multi-arm study '" + name + "' fit no set of arm"
                        + " variances (var(a - b) = v_a + v_b with every v_a positive); check them.");
            }
        }
        return new NetworkStudy(name, List.copyOf(arms), basic, covariance);
    }

    /** Least squares of v_a + v_b = se_ab^2 over the k(k - 1)/2 pairs: (k - 2) I + J on the left. */
    private static double[] armVariances(List<String> arms, Map<String, Pair> byKey) {
        int k = arms.size();
        double[][] normal = new double[k][k];
        double[] right = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    normal[i][i] = k - 1;
                    continue;
                }
                normal[i][j] = 1;
                double se = byKey.get(key(arms.get(i), arms.get(j))).standardError();
                right[i] += se * se;
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(normal);
        return new LUDecomposition(matrix).getSolver().solve(new ArrayRealVector(right)).toArray();
    }

    private static double oriented(Map<String, Pair> byKey, String treatment, String versus) {
        Pair pair = byKey.get(key(treatment, versus));
        return pair.treatment1().equals(treatment) ? pair.estimate() : -pair.estimate();
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** The estimate of arm a relative to arm b in this study and its variance. */
    double[] contrast(String a, String b) {
        double[] weights = new double[estimates.length];
        int ia = arms.indexOf(a);
        int ib = arms.indexOf(b);
        if (ia > 0) {
            weights[ia - 1] += 1;
        }
        if (ib > 0) {
            weights[ib - 1] -= 1;
        }
        double estimate = 0;
        double variance = 0;
        for (int i = 0; i < weights.length; i++) {
            estimate += weights[i] * estimates[i];
            for (int j = 0; j < weights.length; j++) {
                variance += weights[i] * weights[j] * covariance[i][j];
            }
        }
        return new double[] {estimate, variance};
    }
}
