# Reference values for NetworkMetaAnalysisReferenceTest (package org.trialevidence.stats) and the POST of
# NetworkMetaAnalysisApiTest, computed with metafor, an implementation independent of ours. Generated under
# R 4.2.2 with metafor 3.8.1 and jsonlite (Debian bookworm: apt-get install r-base-core r-cran-metafor r-cran-jsonlite);
# the versions used are written into the JSON.
#
# Run from the repository root:  Rscript src/test/r/network-meta-analysis-reference.R
# It writes src/test/resources/stats/network-meta-analysis-reference.json, which is committed: the Java tests never run R.
#
# Two published networks with multi-arm studies that metafor ships (package metadat):
#   dat.senn2013       glucose-lowering agents, mean difference in HbA1c change (MD), 26 studies, 10 treatments, one 3-arm
#   dat.hasselblad1998 smoking cessation, odds ratio of quitting (OR), 24 studies, 4 treatments, two 3-arm
# Both are arm-level. Each arm gets a value and its variance (MD: mean, sd^2 / n; OR: logit x / (n - x),
# 1 / x + 1 / (n - x), with 0.5 added to every cell of a study that has a zero cell, as netmeta's pairwise() does);
# a study's contrasts are differences of its arms, so a multi-arm study's contrasts are consistent.
#
# What the Java code receives (as POST /api/v1/network-meta-analysis would): every pair of a study's arms in netmeta's
# convention, estimate = treatment1 relative to treatment2, standardError = sqrt(var1 + var2).
#
# What metafor fits: per study the contrasts of its other arms against its first arm, with V the block-diagonal
# covariance (the shared first arm's variance off the diagonal), and a design matrix X of the treatments other than the
# reference (+1 treatment, -1 the study's first arm):
#   fixed:   rma.mv(yi, V, mods = X, intercept = FALSE, method = "FE")
#   random:  rma.mv(yi, V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2, method = "REML")
# Every other number is computed here from those fits by formula:
#   league table   every ordered pair (i, j): c'b and sqrt(c' vcov c) with c = e_i - e_j (the reference's column is 0)
#   P-scores       Ruecker & Schwarzer 2015: mean over j != i of pnorm((theta_j - theta_i) / se_ij) when small values
#                  are desirable (pnorm((theta_i - theta_j) / se_ij) otherwise), per model
#   design-by-treatment Q (Krahn 2013): total = QE of the fixed fit; within designs = the sum of QE of fixed fits of each
#                  design's studies alone (a design: the set of treatments a study compares); between = total - within
#   node-splitting by separating the evidence: for each pair of treatments compared directly, direct = rma() of the
#                  studies that compare both (each study's own contrast of the two), indirect = the network of all other
#                  studies (their connected part holding both treatments); missing when those cannot link the two.
#                  Fixed: method = "FE"; random: both with tau^2 fixed at the network's REML tau^2.
#                  difference = direct - indirect, z = difference / sqrt(se_direct^2 + se_indirect^2), two-sided p.
# Treatments are ordered by code point (sort(method = "radix")), pairs (a, b) with a before b, estimate a relative to b.
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

CONTROL <- list(rel.tol = 1e-10, iter.max = 10000, eval.max = 10000)

senn_arms <- function() {
  d <- dat.senn2013
  data.frame(study = as.character(d$study), treatment = as.character(d$treatment), value = d$mi,
             variance = d$sdi^2 / d$ni, stringsAsFactors = FALSE)
}

hasselblad_arms <- function() {
  d <- dat.hasselblad1998
  d$label <- paste0(d$authors, " (", d$year, ")")
  zero <- tapply(d$xi == 0 | d$xi == d$ni, d$label, any)
  add <- ifelse(zero[d$label], 0.5, 0)
  events <- d$xi + add
  others <- d$ni - d$xi + add
  data.frame(study = d$label, treatment = as.character(d$trt), value = log(events / others),
             variance = 1 / events + 1 / others, stringsAsFactors = FALSE)
}

# Contrasts of each study's arms against its first arm, the covariance V and the design matrix X.
basic <- function(arms, treatments, reference) {
  rows <- list()
  blocks <- list()
  for (s in unique(arms$study)) {
    a <- arms[arms$study == s, ]
    others <- a[-1, ]
    rows[[length(rows) + 1]] <- data.frame(study = s, treatment = others$treatment, base = a$treatment[1],
                                           yi = others$value - a$value[1], stringsAsFactors = FALSE)
    v <- matrix(a$variance[1], nrow(others), nrow(others))
    diag(v) <- others$variance + a$variance[1]
    blocks[[length(blocks) + 1]] <- v
  }
  dat <- do.call(rbind, rows)
  dat$comp <- paste(dat$treatment, "vs", dat$base)
  columns <- setdiff(treatments, reference)
  X <- matrix(0, nrow(dat), length(columns), dimnames = list(NULL, columns))
  for (r in seq_len(nrow(dat))) {
    if (dat$treatment[r] != reference) X[r, dat$treatment[r]] <- 1
    if (dat$base[r] != reference) X[r, dat$base[r]] <- -1
  }
  list(dat = dat, V = bldiag(blocks), X = X, columns = columns)
}

fit_network <- function(arms, reference, method, tau2 = NULL) {
  treatments <- sort(unique(arms$treatment), method = "radix")
  b <- basic(arms, treatments, reference)
  fit <- if (method == "FE") {
    rma.mv(b$dat$yi, b$V, mods = b$X, intercept = FALSE, method = "FE")
  } else {
    rma.mv(b$dat$yi, b$V, mods = b$X, intercept = FALSE, random = ~ comp | study, rho = 1/2, method = "REML",
           data = b$dat, tau2 = tau2, control = CONTROL)
  }
  # coefficients and covariance with the reference's 0 added, in the order of treatments
  coef <- setNames(rep(0, length(treatments)), treatments)
  coef[b$columns] <- fit$beta[, 1]
  cov <- matrix(0, length(treatments), length(treatments), dimnames = list(treatments, treatments))
  cov[b$columns, b$columns] <- fit$vb
  list(fit = fit, treatments = treatments, coef = coef, cov = cov)
}

difference <- function(net, i, j) {
  c <- setNames(rep(0, length(net$treatments)), net$treatments)
  c[i] <- c[i] + 1
  c[j] <- c[j] - 1
  list(estimate = sum(c * net$coef), standardError = sqrt(drop(t(c) %*% net$cov %*% c)))
}

pscores <- function(net, small_desirable) {
  sapply(net$treatments, function(i) {
    mean(sapply(setdiff(net$treatments, i), function(j) {
      d <- difference(net, j, i)  # theta_j - theta_i
      z <- d$estimate / d$standardError
      if (small_desirable) pnorm(z) else pnorm(-z)
    }))
  })
}

design_of <- function(arms) tapply(arms$treatment, arms$study, function(t) paste(sort(t, method = "radix"), collapse = ":"))

q_decomposition <- function(arms, fe) {
  designs <- design_of(arms)
  within <- 0
  within_df <- 0
  for (d in unique(designs)) {
    studies <- names(designs)[designs == d]
    sub <- arms[arms$study %in% studies, ]
    if (length(studies) > 1) {
      ts <- sort(unique(sub$treatment), method = "radix")
      f <- fit_network(sub, ts[1], "FE")$fit
      within <- within + f$QE
      within_df <- within_df + f$k - f$p
    }
  }
  total_df <- fe$fit$k - fe$fit$p
  between <- fe$fit$QE - within
  between_df <- total_df - within_df
  list(total = list(q = fe$fit$QE, df = total_df, pValue = pchisq(fe$fit$QE, total_df, lower.tail = FALSE)),
       withinDesigns = list(q = within, df = within_df, pValue = if (within_df > 0) pchisq(within, within_df, lower.tail = FALSE) else NA),
       betweenDesigns = list(q = between, df = between_df, pValue = if (between_df > 0) pchisq(between, between_df, lower.tail = FALSE) else NA))
}

# The treatments connected to `from` by the studies of `arms`.
component <- function(arms, from) {
  reached <- from
  repeat {
    studies <- unique(arms$study[arms$treatment %in% reached])
    more <- unique(c(reached, arms$treatment[arms$study %in% studies]))
    if (length(more) == length(reached)) return(reached)
    reached <- more
  }
}

split_one <- function(arms, a, b, method, tau2) {
  both <- tapply(arms$treatment, arms$study, function(t) all(c(a, b) %in% t))
  direct_studies <- names(both)[both]
  yi <- sapply(direct_studies, function(s) arms$value[arms$study == s & arms$treatment == a] - arms$value[arms$study == s & arms$treatment == b])
  vi <- sapply(direct_studies, function(s) sum(arms$variance[arms$study == s & arms$treatment %in% c(a, b)]))
  direct <- if (method == "FE") rma(yi, vi, method = "FE") else rma(yi, vi, tau2 = tau2)
  rest <- arms[!(arms$study %in% direct_studies), ]
  out <- list(treatment = a, versus = b, studies = length(direct_studies),
              direct = list(estimate = direct$beta[1], standardError = direct$se))
  if (nrow(rest) > 0 && a %in% rest$treatment && b %in% component(rest, a)) {
    part <- rest[rest$treatment %in% component(rest, a), ]
    net <- fit_network(part, b, method, tau2)
    ind <- difference(net, a, b)
    diff <- out$direct$estimate - ind$estimate
    se <- sqrt(out$direct$standardError^2 + ind$standardError^2)
    out$indirect <- ind
    out$difference <- list(estimate = diff, standardError = se, z = diff / se, pValue = 2 * pnorm(-abs(diff / se)))
  }
  out
}

node_splits <- function(arms, method, tau2) {
  pairs <- list()
  for (s in unique(arms$study)) {
    t <- sort(arms$treatment[arms$study == s], method = "radix")
    for (p in combn(length(t), 2, simplify = FALSE)) pairs[[length(pairs) + 1]] <- c(t[p[1]], t[p[2]])
  }
  pairs <- unique(pairs)
  pairs <- pairs[order(sapply(pairs, `[`, 1), sapply(pairs, `[`, 2), method = "radix")]
  lapply(pairs, function(p) split_one(arms, p[1], p[2], method, tau2))
}

all_pairs <- function(arms) {
  do.call(rbind, lapply(unique(arms$study), function(s) {
    a <- arms[arms$study == s, ]
    cmb <- combn(nrow(a), 2)
    data.frame(study = s, treatment1 = a$treatment[cmb[1, ]], treatment2 = a$treatment[cmb[2, ]],
               estimate = a$value[cmb[1, ]] - a$value[cmb[2, ]],
               standardError = sqrt(a$variance[cmb[1, ]] + a$variance[cmb[2, ]]), stringsAsFactors = FALSE)
  }))
}

network <- function(name, description, measure, arms, reference, small_desirable) {
  fe <- fit_network(arms, reference, "FE")
  re <- fit_network(arms, reference, "REML")
  tau2 <- re$fit$tau2
  league <- list()
  for (i in fe$treatments) for (j in fe$treatments) if (i != j) {
    league[[length(league) + 1]] <- list(row = i, column = j, fixed = difference(fe, i, j), random = difference(re, i, j))
  }
  vs_reference <- function(net) lapply(setdiff(net$treatments, reference), function(t)
    c(list(treatment = t, versus = reference), difference(net, t, reference),
      list(ciLower = difference(net, t, reference)$estimate - qnorm(0.975) * difference(net, t, reference)$standardError,
           ciUpper = difference(net, t, reference)$estimate + qnorm(0.975) * difference(net, t, reference)$standardError)))
  list(name = name, description = description, effectMeasure = measure, reference = reference,
       smallValues = if (small_desirable) "desirable" else "undesirable",
       contrasts = all_pairs(arms), treatments = fe$treatments,
       fixed = list(estimates = vs_reference(fe), metaforCiLower = unname(fe$fit$ci.lb), metaforCiUpper = unname(fe$fit$ci.ub)),
       random = list(estimates = vs_reference(re), tauSquared = tau2, logLikelihood = re$fit$fit.stats["ll", "REML"],
                     metaforCiLower = unname(re$fit$ci.lb), metaforCiUpper = unname(re$fit$ci.ub)),
       league = league,
       pScores = list(fixed = as.list(pscores(fe, small_desirable)), random = as.list(pscores(re, small_desirable))),
       designByTreatment = q_decomposition(arms, fe),
       nodeSplit = list(fixed = node_splits(arms, "FE", NULL), random = node_splits(arms, "REML", tau2)))
}

networks <- list(
  network("senn2013", "dat.senn2013: glucose-lowering agents vs placebo, mean difference in HbA1c change (%)", "MD",
          senn_arms(), "placebo", TRUE),
  network("hasselblad1998", "dat.hasselblad1998: smoking cessation counselling, odds ratio of quitting", "OR",
          hasselblad_arms(), "no_contact", FALSE))

out <- list(
  generatedBy = "Rscript src/test/r/network-meta-analysis-reference.R",
  r = R.version.string, metafor = as.character(packageVersion("metafor")),
  jsonlite = as.character(packageVersion("jsonlite")), control = CONTROL,
  networks = networks)

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
           "src/test/resources/stats/network-meta-analysis-reference.json")
cat("wrote src/test/resources/stats/network-meta-analysis-reference.json (", R.version.string, ", metafor ",
    as.character(packageVersion("metafor")), ")\n", sep = "")
