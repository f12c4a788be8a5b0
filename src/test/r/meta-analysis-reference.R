# Reference values for MetaAnalysisReferenceTest, computed with metafor (an implementation independent of ours).
# Run from the repository root:  Rscript src/test/r/meta-analysis-reference.R
# Needs R and metafor (Debian: apt-get install r-base-core r-cran-metafor). CI has no R: the test carries the
# printed numbers, so re-run this script and update the test when the studies below change.
suppressPackageStartupMessages(library(metafor))

# The standard error of ln(HR) from a CI of any level, as the API documents: (ln U - ln L) / (2 z).
se_from_ci <- function(lower, upper, level) (log(upper) - log(lower)) / (2 * qnorm(1 - (1 - level) / 2))

report <- function(name, label, hr, lower, upper, level) {
  yi <- log(hr)
  sei <- se_from_ci(lower, upper, level)
  fe <- rma(yi = yi, sei = sei, method = "FE")
  dl <- rma(yi = yi, sei = sei, method = "DL")
  # Prediction interval with t(k-2) (Higgins, Thompson & Spiegelhalter 2009); metafor: pi.type = "riley", lower case.
  # predict()'s default with test = "z" uses the normal quantile instead; both are printed.
  pi_t <- predict(dl, pi.type = "riley")
  pi_z <- predict(dl)
  f <- function(x) formatC(x, digits = 10, format = "g")
  cat("== ", name, " (k = ", dl$k, ")\n", sep = "")
  cat("fixed:  HR ", f(exp(fe$b[1])), "  CI ", f(exp(fe$ci.lb)), " ", f(exp(fe$ci.ub)),
      "  z ", f(fe$zval), "  p ", f(fe$pval), "\n", sep = "")
  cat("random: HR ", f(exp(dl$b[1])), "  CI ", f(exp(dl$ci.lb)), " ", f(exp(dl$ci.ub)),
      "  z ", f(dl$zval), "  p ", f(dl$pval), "\n", sep = "")
  cat("heterogeneity: Q ", f(dl$QE), "  df ", dl$k - 1, "  p ", f(dl$QEp), "  I2 ", f(dl$I2),
      "  tau2 ", f(dl$tau2), "\n", sep = "")
  cat("prediction t(k-2): ", f(exp(pi_t$pi.lb)), " ", f(exp(pi_t$pi.ub)),
      "   (predict() default, normal: ", f(exp(pi_z$pi.lb)), " ", f(exp(pi_z$pi.ub)), ")\n", sep = "")
  for (i in seq_along(label)) {
    cat("  ", label[i], ": sei ", f(sei[i]), "  weight fixed % ", f(weights(fe)[i]),
        "  weight random % ", f(weights(dl)[i]), "\n", sep = "")
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

# (b) What GET /api/v1/meta-analysis?endpoint=PFS&drugClass=CDK4/6i&setting=metastatic-first-line pools
#     (values as in seed-data/trials/<trial>.json, result ids in the labels).
report("real query",
       label = c("monaleesa-2-pfs-itt", "monarch-3-pfs-itt-review-001-table", "paloma-1-pfs-itt",
                 "paloma-2-pfs-itt-review-001-table", "right-choice-pfs-itt", "serena-6-pfs-itt"),
       hr    = c(0.568, 0.54, 0.488, 0.563, 0.54, 0.44),
       lower = c(0.457, 0.418, 0.319, 0.461, 0.36, 0.31),
       upper = c(0.704, 0.698, 0.748, 0.687, 0.79, 0.60),
       level = c(0.95, 0.95, 0.95, 0.95, 0.95, 0.95))
