package org.trialevidence.analysis;

import org.trialevidence.result.ResultView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses one result per trial from the results a query matched, and gives every other match its reason for not
 * being pooled. The rule looks at what was reported (population, comparison, availability of a CI, kind of
 * analysis, the curators' order), never at the value, so that the choice cannot favour an outcome.
 */
final class StudySelection {
    static final String RULE = "Results are grouped by contrast (comparison.contrast.id: what the experimental arm adds or replaces, against"
            + " what); a pool never spans two contrasts. Within a contrast, one result per trial, so that a multi-arm trial's shared control arm"
            + " is not counted twice and no trial counts twice through conflicting reports. Only treatment comparisons (a contrast between two"
            + " regimens) with a hazard ratio and its CI are poolable, and never a result flagged as a suspected copy. A trial's ITT result is"
            + " preferred; a subgroup result is pooled only when the trial has no matching ITT result and the query asks for subgroups"
            + " (population=subgroup) or names the subgroup's biomarker (biomarker=), never as a stand-in for the whole trial. Among a trial's"
            + " candidates: a subgroup defined by the queried biomarker first, then the analysis in the order primary, final, interim, not"
            + " stated, updated, exploratory, then the order of the trial's record. The value itself never decides. Every matching result that"
            + " is not pooled is listed in excluded with its reason.";

    /**
     * What the query asks about populations.
     *
     * @param subgroups  population=subgroup was asked for
     * @param biomarkers the biomarker codes the query names (with the terms under them)
     */
    record PopulationQuery(boolean subgroups, Set<String> biomarkers) { }

    /** Which analysis stands for a trial, first to last. */
    static final List<String> ANALYSIS_ORDER = List.of("primary", "final", "interim", "not-stated", "updated", "exploratory");
    static final String REPRESENTATIVE_RULE = "one result per trial: ITT before subgroups, then analyses in the order "
            + String.join(", ", ANALYSIS_ORDER) + ", then results with an effect estimate and CI, then curation order";

    /** A trial's representative result and the other candidates, for views that show every trial (comparison). */
    record Choice(ResultView chosen, List<ResultView> others) { }

    /** The pooled results and the excluded ones, each in the query's order. */
    record Selection(List<ResultView> pooled, List<MetaAnalysisView.Excluded> excluded) { }

    private StudySelection() {
    }

    /** Why a result cannot be pooled as a treatment effect on the hazard ratio scale, if it cannot. */
    static Optional<String> unpoolable(ResultView result) {
        ResultView.Comparison comparison = result.comparison();
        if (comparison == null) {
            return Optional.of("No comparison between arms is reported (per-arm values only).");
        }
        if (comparison.contrast() == null) {
            return Optional.of("Not a treatment comparison: it contrasts '" + comparison.experimentalArm() + "' with '" + comparison.controlArm()
                    + "', arms of the same treatment or one whose regimen is not curated, an association rather than the effect of a randomized treatment.");
        }
        if (result.suspect() != null) {
            return Optional.of("Flagged as a possible copy of " + String.join(", ", result.suspect().resembles()) + ": " + result.suspect().reason());
        }
        if (comparison.effectMeasure() == null) {
            return Optional.of("Only a p-value is reported for this comparison, no effect estimate.");
        }
        if (!"HR".equals(comparison.effectMeasure())) {
            return Optional.of("The effect measure is " + comparison.effectMeasure() + ", not a hazard ratio.");
        }
        if (comparison.hazardRatio() == null) {
            return Optional.of("No hazard ratio estimate is reported.");
        }
        if (comparison.ciLower() == null || comparison.ciUpper() == null) {
            return Optional.of("Hazard ratio without a confidence interval, so its standard error is unknown.");
        }
        if (comparison.ciLevel() == null) {
            return Optional.of("The level of the CI is not stated, so its standard error is unknown.");
        }
        if (comparison.ciLower().signum() <= 0 || comparison.hazardRatio().compareTo(comparison.ciLower()) < 0
                || comparison.hazardRatio().compareTo(comparison.ciUpper()) > 0 || comparison.ciLower().compareTo(comparison.ciUpper()) >= 0) {
            return Optional.of("The CI (" + comparison.ciLower().toPlainString() + " to " + comparison.ciUpper().toPlainString()
                    + ") is not a positive interval around the estimate " + comparison.hazardRatio().toPlainString() + ".");
        }
        if (comparison.ciLevel().signum() <= 0 || comparison.ciLevel().compareTo(BigDecimal.ONE) >= 0) {
            return Optional.of("The CI level " + comparison.ciLevel().toPlainString() + " is not a fraction between 0 and 1.");
        }
        return Optional.empty();
    }

    /** @param matches the results the query matched, in its order */
    static Selection select(List<ResultView> matches, ResultDetails.Details details, PopulationQuery query) {
        Map<String, List<ResultView>> byTrial = new LinkedHashMap<>();
        for (ResultView result : matches) {
            byTrial.computeIfAbsent(result.trial().id(), id -> new ArrayList<>()).add(result);
        }
        Comparator<ResultView> preference = Comparator
                .comparingInt((ResultView result) -> namesQueriedBiomarker(result, query) ? 0 : 1)
                .thenComparingInt(result -> rank(result.analysis().type()))
                .thenComparingInt(details::position)
                .thenComparing(ResultView::id);
        Map<String, ResultView> chosen = new LinkedHashMap<>();
        Map<String, Boolean> hasItt = new LinkedHashMap<>();
        byTrial.forEach((trial, results) -> {
            boolean itt = results.stream().anyMatch(StudySelection::itt);
            hasItt.put(trial, itt);
            results.stream().filter(result -> itt ? itt(result) : subgroupAskedFor(result, query))
                    .filter(result -> unpoolable(result).isEmpty())
                    .min(preference).ifPresent(result -> chosen.put(trial, result));
        });
        List<ResultView> pooled = new ArrayList<>();
        List<MetaAnalysisView.Excluded> excluded = new ArrayList<>();
        for (ResultView result : matches) {
            ResultView trialChoice = chosen.get(result.trial().id());
            if (trialChoice == result) {
                pooled.add(result);
            } else {
                excluded.add(new MetaAnalysisView.Excluded(result.id(), result.trial().acronym(),
                        reason(result, trialChoice, hasItt.get(result.trial().id()), details, query)));
            }
        }
        return new Selection(Collections.unmodifiableList(pooled), Collections.unmodifiableList(excluded));
    }

    /**
     * The representative result of each trial, poolable or not, by the same order as the pooling choice (the whole
     * population, then the analysis, then a result with an estimate and CI, then the query's order), per trial id in
     * the order the trials first appear. The others are kept so the view can list them, never dropped silently.
     */
    static Map<String, Choice> representatives(List<ResultView> results) {
        Map<String, List<ResultView>> byTrial = new LinkedHashMap<>();
        results.forEach(result -> byTrial.computeIfAbsent(result.trial().id(), id -> new ArrayList<>()).add(result));
        Comparator<ResultView> preference = Comparator.comparingInt((ResultView result) -> itt(result) ? 0 : 1)
                .thenComparingInt(result -> rank(result.analysis().type()))
                .thenComparingInt(result -> hasEstimateWithCi(result) ? 0 : 1);
        Map<String, Choice> choices = new LinkedHashMap<>();
        byTrial.forEach((trial, candidates) -> {
            List<ResultView> ranked = candidates.stream().sorted(preference).toList();
            choices.put(trial, new Choice(ranked.get(0), ranked.subList(1, ranked.size())));
        });
        return choices;
    }

    static int rank(String analysisType) {
        int index = ANALYSIS_ORDER.indexOf(analysisType == null ? "not-stated" : analysisType);
        return index < 0 ? ANALYSIS_ORDER.size() : index;
    }

    private static boolean hasEstimateWithCi(ResultView result) {
        return result.comparison() != null && result.comparison().estimate() != null
                && result.comparison().ciLower() != null && result.comparison().ciUpper() != null;
    }

    private static String reason(ResultView result, ResultView chosen, boolean trialHasItt, ResultDetails.Details details, PopulationQuery query) {
        String pooledInstead = chosen == null ? "" : " " + chosen.id() + " is pooled for this trial.";
        if (!itt(result) && trialHasItt) {
            return "Subgroup result; the trial's ITT result takes precedence."
                    + (chosen == null ? " None of the trial's matching ITT results can be pooled." : pooledInstead);
        }
        if (!itt(result) && !subgroupAskedFor(result, query)) {
            return "Subgroup result, and the trial has no matching ITT result: subgroups are pooled only with population=subgroup or a"
                    + " biomarker filter naming the subgroup's biomarker, never as a stand-in for the whole trial.";
        }
        Optional<String> unpoolable = unpoolable(result);
        if (unpoolable.isPresent()) {
            return unpoolable.get() + pooledInstead;
        }
        String kind;
        if (result.conflictsWith().contains(chosen.id()) || chosen.conflictsWith().contains(result.id())) {
            kind = "A conflicting report of the same result (another source or table).";
        } else if (!sameComparison(result, chosen)) {
            kind = "Another comparison in the same trial (" + details.arm(result, result.comparison().experimentalArm()).label() + " vs "
                    + details.arm(result, result.comparison().controlArm()).label() + "); a trial's shared control arm must not be counted twice.";
        } else if (!Objects.equals(result.population().label(), chosen.population().label())) {
            kind = "Another subgroup of the same trial (" + result.population().label() + ").";
        } else if (!Objects.equals(result.analysis().type(), chosen.analysis().type()) || !Objects.equals(result.timepoint(), chosen.timepoint())) {
            kind = "Another analysis of the same trial (" + describe(result) + ").";
        } else {
            kind = "Another result of the same trial.";
        }
        return kind + " One result per trial: " + chosen.id() + " is pooled (the rule is in 'method').";
    }

    private static boolean subgroupAskedFor(ResultView result, PopulationQuery query) {
        return query.subgroups() || namesQueriedBiomarker(result, query);
    }

    /** A subgroup defined by a biomarker the query names (not one matched through the trial's own selection). */
    private static boolean namesQueriedBiomarker(ResultView result, PopulationQuery query) {
        return !itt(result) && result.population().biomarkers().stream().anyMatch(query.biomarkers()::contains);
    }

    private static String describe(ResultView result) {
        String analysis = result.analysis().type() == null ? "analysis not stated" : result.analysis().type() + " analysis";
        return result.timepoint() == null ? analysis : analysis + ", " + result.timepoint();
    }

    private static boolean sameComparison(ResultView a, ResultView b) {
        return a.comparison().experimentalArm().equals(b.comparison().experimentalArm())
                && a.comparison().controlArm().equals(b.comparison().controlArm());
    }

    private static boolean itt(ResultView result) {
        return "itt".equals(result.population().type());
    }
}
