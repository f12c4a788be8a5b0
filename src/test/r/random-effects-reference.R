# Reference values for RandomEffectsReferenceTest (package org.trialevidence.stats), computed with metafor, an
# implementation independent of ours. Generated under R 4.2.2 Patched (2022-11-10 r83330) with metafor 3.8.1 and
# jsonlite (Debian bookworm: apt-get install r-base-core r-cran-metafor r-cran-jsonlite); the versions used are also
# written into the JSON.
#
# Run from the repository root:  Rscript src/test/r/random-effects-reference.R
# It writes src/test/resources/stats/random-effects-reference.json, which is committed: the Java test never runs R.
#
# For every dataset and every estimator (REML, DL, PM) x test ("z", "knha") it records
#   fixed:   rma(yi, sei = sei, method = "FE")                      (always z)
#   random:  rma(yi, sei = sei, method = <est>, test = <test>)
#   heterogeneity: Q, df, p (fixed weights), tau^2, its Q-profile CI (confint(fit)$random["tau^2", ]), I^2, H^2
#   prediction interval: predict(fit, pi.type = "riley") -- lower case: metafor 3.8.1 compares the argument
#     case-sensitively and silently falls back to the default (normal quantile under test = "z") for "Riley".
#     "riley" uses t with k - 2 df; metafor clamps that df to 1 for k = 2 (recorded as predictionDf; the Java
#     package returns no prediction interval below 3 studies).
#   weights(fit) for both models (percent), and leave1out(fit) for k >= 3.
# Convergence of R itself is tightened so that its tolerance is not what limits the comparison:
#   rma(control = list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)) -- Fisher scoring for REML (threshold),
#   uniroot() for PM (tol); leave1out() refits with the same control. confint(control = list(tol = 1e-12)) for the
#   Q-profile roots (default tol is .Machine$double.eps^0.25 = 1.2e-4, absolute, on tau^2).
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

CONTROL <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)
CONFINT_CONTROL <- list(tol = 1e-12)

# The standard error of ln(HR) from a CI, as the API documents: (ln U - ln L) / (2 z).
se_from_ci <- function(lower, upper, level) (log(upper) - log(lower)) / (2 * qnorm(1 - (1 - level) / 2))

estimate <- function(fit) {
  t_based <- fit$test != "z"
  list(estimate = fit$b[1], standardError = fit$se, ciLower = fit$ci.lb, ciUpper = fit$ci.ub,
       statistic = fit$zval, df = if (t_based) fit$ddf else NA, pValue = fit$pval,
       distribution = if (t_based) "t" else "z")
}

fit_all <- function(yi, sei, level, method, test) {
  k <- length(yi)
  fe <- rma(yi = yi, sei = sei, method = "FE", level = level * 100)
  re <- rma(yi = yi, sei = sei, method = method, test = test, level = level * 100, control = CONTROL)
  # The z-based fit of the same estimator: is the Hartung-Knapp CI narrower than it?
  re_z <- rma(yi = yi, sei = sei, method = method, test = "z", level = level * 100, control = CONTROL)
  ci <- confint(re, control = CONFINT_CONTROL)$random
  pr <- predict(re, pi.type = "riley")
  out <- list(
    estimator = method, test = test,
    fixed = estimate(fe), random = estimate(re),
    heterogeneity = list(q = re$QE, df = k - 1, qPValue = re$QEp, tauSquared = re$tau2,
                         tauSquaredCiLower = ci["tau^2", "ci.lb"], tauSquaredCiUpper = ci["tau^2", "ci.ub"],
                         iSquared = re$I2, hSquared = re$H2),
    predictionInterval = c(pr$pi.lb, pr$pi.ub),
    predictionDf = max(1, k - 2),
    weightsFixedPercent = unname(weights(fe)), weightsRandomPercent = unname(weights(re)),
    hartungKnappNarrowerThanWald = test == "knha" && (re$ci.ub - re$ci.lb) < (re_z$ci.ub - re_z$ci.lb))
  if (k >= 3) {
    l1o <- leave1out(re)
    stat <- if (test == "z") l1o$zval else l1o$tval  # leave1out() names the statistic tval under knha
    out$leaveOneOut <- lapply(seq_len(k), function(i) list(
      estimate = l1o$estimate[i], standardError = l1o$se[i], statistic = stat[i], pValue = l1o$pval[i],
      ciLower = l1o$ci.lb[i], ciUpper = l1o$ci.ub[i], q = l1o$Q[i], qPValue = l1o$Qp[i],
      tauSquared = l1o$tau2[i], iSquared = l1o$I2[i], hSquared = l1o$H2[i]))
  }
  out
}

dataset <- function(name, description, yi, sei, level = 0.95) {
  fits <- list()
  for (method in c("REML", "DL", "PM")) {
    for (test in c("z", "knha")) {
      fits[[length(fits) + 1]] <- fit_all(yi, sei, level, method, test)
    }
  }
  list(name = name, description = description, level = level, yi = yi, sei = sei, fits = fits)
}

set.seed(20240611)
# Heterogeneous: true effects vary with tau^2 = 0.15 around ln(0.7); standard errors 0.08 to 0.30.
sei5 <- round(runif(5, 0.08, 0.30), 4)
yi5 <- round(rnorm(5, log(0.7), sqrt(0.15 + sei5^2)), 4)
# Clearly heterogeneous 13: true effects vary with tau^2 = 0.20 around ln(0.8); standard errors 0.05 to 0.25. These
# draws were once tau^2 = 0.08 with SEs 0.06 to 0.35, which came out only mildly heterogeneous (REML tau^2 0.004,
# I^2 15%, Q-profile CI from 0). Only the parameters changed, not the number of runif()/rnorm() draws, so the random
# stream -- and every dataset generated after this one -- is unchanged. With these draws REML gives tau^2 = 0.054
# (Q-profile 95% CI 0.016 to 0.22, excluding 0), I^2 = 79%, Q = 45.2 on 12 df (p < 1e-4).
sei13 <- round(runif(13, 0.05, 0.25), 4)
yi13 <- round(rnorm(13, log(0.8), sqrt(0.20 + sei13^2)), 4)
# Homogeneous: the spread is far below the standard errors, so Q < qchisq(0.025, k - 1), every tau^2 estimate is 0
# and the Q-profile CI of tau^2 is [0, 0].
sei_hom <- round(runif(6, 0.10, 0.25), 4)
yi_hom <- round(log(0.75) + rnorm(6, 0, 0.15 * sei_hom), 4)
sei2 <- round(runif(2, 0.10, 0.25), 4)
yi2 <- round(c(log(0.6), log(0.95)) + rnorm(2, 0, 0.02), 4)
sei3 <- round(runif(3, 0.10, 0.25), 4)
yi3 <- round(rnorm(3, log(0.7), sqrt(0.20 + sei3^2)), 4)

# The six hazard ratios of MetaAnalysisReferenceTest's real query (seed-data), SEs from their 95% CIs.
hr <- c(0.568, 0.54, 0.488, 0.563, 0.54, 0.44)
lower <- c(0.457, 0.418, 0.319, 0.461, 0.36, 0.31)
upper <- c(0.704, 0.698, 0.748, 0.687, 0.79, 0.60)

datasets <- list(
  dataset("heterogeneous-5", "5 simulated studies, tau^2 = 0.15 around ln 0.7", yi5, sei5),
  dataset("heterogeneous-5-level-90", "the same 5 studies with 90% intervals", yi5, sei5, level = 0.90),
  dataset("heterogeneous-13", "13 simulated studies, tau^2 = 0.20 around ln 0.8 (REML estimate 0.054, Q-profile CI 0.016 to 0.22, I^2 79%)", yi13, sei13),
  dataset("homogeneous-6", "6 studies spread far less than their SEs: tau^2 = 0 and its CI [0, 0]", yi_hom, sei_hom),
  dataset("two-studies", "k = 2: no leave-one-out, no prediction interval", yi2, sei2),
  dataset("three-studies", "k = 3: the smallest k with a prediction interval and leave-one-out", yi3, sei3),
  dataset("real-query-cdk46-pfs", "MetaAnalysisReferenceTest's real query: ln HR, SE from the 95% CI",
          log(hr), se_from_ci(lower, upper, 0.95)))

# Test for subgroup differences: the 13 studies in 3 subgroups, each pooled by REML (z), then Cochran's Q of the
# subgroup estimates around their fixed-effect mean, rma(est, sei = se, method = "FE")$QE with df = g - 1.
group <- rep(c("a", "b", "c"), length.out = 13)
sub <- lapply(c("a", "b", "c"), function(g) rma(yi = yi13[group == g], sei = sei13[group == g], method = "REML",
                                                 control = CONTROL))
est <- sapply(sub, function(f) f$b[1])
se <- sapply(sub, function(f) f$se)
between <- rma(yi = est, sei = se, method = "FE")
subgroups <- list(
  description = "heterogeneous-13 split into subgroups a, b, c by position (1, 4, 7, ... are a), each pooled by REML (z)",
  groups = group, estimates = est, standardErrors = se,
  q = between$QE, df = length(est) - 1, pValue = between$QEp)

out <- list(
  generatedBy = "Rscript src/test/r/random-effects-reference.R",
  r = R.version.string, metafor = as.character(packageVersion("metafor")),
  jsonlite = as.character(packageVersion("jsonlite")),
  control = list(rma = CONTROL, confint = CONFINT_CONTROL),
  datasets = datasets, subgroupDifferences = subgroups)

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
           "src/test/resources/stats/random-effects-reference.json")
cat("wrote src/test/resources/stats/random-effects-reference.json (", R.version.string, ", metafor ",
    as.character(packageVersion("metafor")), ")\n", sep = "")
