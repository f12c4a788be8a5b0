# Reference values for MetaAnalysisReferenceTest, computed with metafor (an implementation independent of ours).
# Run from the repository root:  Rscript src/test/r/meta-analysis-reference.R
# Needs R and metafor (Debian: apt-get install r-base-core r-cran-metafor). The test carries the printed numbers,
# so re-run this script and update the test when the studies below change.
suppressPackageStartupMessages(library(metafor))

# The standard error of ln(HR) from a CI of any level, as the API documents: (ln U - ln L) / (2 z).
se_from_ci <- function(lower, upper, level) (log(upper) - log(lower)) / (2 * qnorm(1 - (1 - level) / 2))
# Tight convergence, so that R's own stopping rule is not what the comparison measures.
tight <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)

report <- function(name, label, hr, lower, upper, level) {
  yi <- log(hr)
  sei <- se_from_ci(lower, upper, level)
  fe <- rma(yi = yi, sei = sei, method = "FE")
  f <- function(x) formatC(x, digits = 10, format = "g")
  cat("== ", name, " (k = ", fe$k, ")\n", sep = "")
  cat("fixed:  HR ", f(exp(fe$b[1])), "  CI ", f(exp(fe$ci.lb)), " ", f(exp(fe$ci.ub)),
      "  z ", f(fe$zval), "  p ", f(fe$pval), "\n", sep = "")
  for (method in c("REML", "DL", "PM")) {
    for (test in c("knha", "z")) {
      re <- rma(yi = yi, sei = sei, method = method, test = test, control = tight)
      ci <- confint(re, control = tight)$random
      # Prediction interval with t(k-2) (Higgins, Thompson & Spiegelhalter 2009); metafor: pi.type = "riley", lower case.
      pi <- predict(re, pi.type = "riley")
      cat("random ", method, " ", test, ": HR ", f(exp(re$b[1])), "  CI ", f(exp(re$ci.lb)), " ", f(exp(re$ci.ub)),
          "  stat ", f(re$zval), "  p ", f(re$pval), "  se ", f(re$se), "\n", sep = "")
      cat("  heterogeneity: Q ", f(re$QE), "  df ", re$k - 1, "  p ", f(re$QEp), "  I2 ", f(re$I2), "  H2 ", f(re$H2),
          "  tau2 ", f(re$tau2), "  tau2 CI ", f(ci["tau^2", "ci.lb"]), " ", f(ci["tau^2", "ci.ub"]), "\n", sep = "")
      cat("  prediction t(k-2): ", f(exp(pi$pi.lb)), " ", f(exp(pi$pi.ub)), "\n", sep = "")
      cat("  weights fixed % ", paste(f(weights(fe)), collapse = " "), "\n", sep = "")
      cat("  weights random % ", paste(f(weights(re)), collapse = " "), "\n", sep = "")
    }
  }
}

cat(R.version.string, "; metafor ", as.character(packageVersion("metafor")), "\n", sep = "")

# (a) Hand-chosen: B has a 90% CI; C is asymmetric on the log scale (ln 0.80 - ln 0.60 = 0.288, ln 1.20 - ln 0.80 = 0.405).
report("hand-chosen",
       label = c("A", "B (90% CI)", "C (asymmetric CI)", "D", "E"),
       hr    = c(0.45, 0.74, 0.80, 1.05, 0.62),
       lower = c(0.35, 0.57, 0.60, 0.85, 0.50),
       upper = c(0.58, 0.98, 1.20, 1.30, 0.77),
       level = c(0.95, 0.90, 0.95, 0.95, 0.95))

# (b) What GET /api/v1/meta-analysis?added=CDK4/6i&comparator=endocrine-therapy&endpoint=PFS&setting=metastatic pools
#     (values as in seed-data/trials/<trial>.json, result ids in the labels).
report("real query",
       label = c("monaleesa-2-pfs-itt", "monaleesa-3-pfs-itt", "monaleesa-7-pfs-itt-review-001-table", "monarch-2-pfs-itt",
                 "monarch-3-pfs-itt-review-001-table", "paloma-1-pfs-itt", "paloma-2-pfs-itt-review-001-table", "paloma-3-pfs-itt"),
       hr    = c(0.568, 0.593, 0.553, 0.553, 0.54, 0.488, 0.563, 0.46),
       lower = c(0.457, 0.48, 0.441, 0.449, 0.418, 0.319, 0.461, 0.36),
       upper = c(0.704, 0.732, 0.694, 0.681, 0.698, 0.748, 0.687, 0.59),
       level = rep(0.95, 8))
