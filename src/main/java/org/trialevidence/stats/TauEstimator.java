package org.trialevidence.stats;

/**
 * Estimators of the between-study variance tau^2, each as metafor's {@code rma(..., method = ...)} computes it.
 */
public enum TauEstimator {
    /**
     * Restricted maximum likelihood by Fisher scoring, as metafor: started at the Hedges (HE) estimate truncated at 0,
     * steps halved while they would leave [0, inf), stopped when tau^2 changes by less than 1e-12 (metafor's default
     * threshold is 1e-5; the reference vectors were generated with 1e-12), and set to 0 when the REML log-likelihood at
     * 0 exceeds the one at the solution by more than {@code .Machine$double.eps^0.25} (metafor's local-maximum check).
     */
    REML,
    /** DerSimonian-Laird: (Q - (k - 1)) / (sum w - sum w^2 / sum w), truncated at 0. */
    DL,
    /**
     * Paule-Mandel: the root of the generalised Q(tau^2) = k - 1, and 0 when Q(0) &lt; k - 1. metafor searches
     * [0, 100] and stops with an error when the root lies above 100; this implementation widens the bracket instead.
     */
    PM
}
