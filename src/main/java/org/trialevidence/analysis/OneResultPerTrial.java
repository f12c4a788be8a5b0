package org.trialevidence.analysis;

import org.trialevidence.result.ResultView;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which result stands for a trial when a view needs one per trial: the whole population before a subgroup, then
 * the analysis by {@link #ANALYSIS_ORDER}, then the one with an effect estimate and CI, then the first curated. The others are kept so the view can list them, never dropped silently.
 */
public final class OneResultPerTrial {
    /** Which analysis stands for a trial, first to last; the meta-analysis chooses by the same order. */
    static final List<String> ANALYSIS_ORDER = List.of("primary", "final", "interim", "not-stated", "updated", "exploratory");
    static final String RULE = "one result per trial: ITT before subgroups, then analyses in the order " + String.join(", ", ANALYSIS_ORDER)
            + ", then results with an effect estimate and CI, then curation order";

    /** A trial's chosen result and the other candidates. */
    public record Choice(ResultView chosen, List<ResultView> others) { }

    private OneResultPerTrial() {
    }

    /** Per trial id, in the order the trials first appear. */
    public static Map<String, Choice> choose(List<ResultView> results) {
        Map<String, List<ResultView>> byTrial = new LinkedHashMap<>();
        results.forEach(result -> byTrial.computeIfAbsent(result.trial().id(), id -> new java.util.ArrayList<>()).add(result));
        Map<String, Choice> choices = new LinkedHashMap<>();
        byTrial.forEach((trial, candidates) -> {
            List<ResultView> ranked = candidates.stream().sorted(PREFERENCE).toList();
            choices.put(trial, new Choice(ranked.get(0), ranked.subList(1, ranked.size())));
        });
        return choices;
    }

    private static final Comparator<ResultView> PREFERENCE = Comparator
            .comparing((ResultView result) -> "itt".equals(result.population().type()) ? 0 : 1)
            .thenComparing(result -> rank(result.analysis().type()))
            .thenComparing(result -> hasEstimateWithCi(result) ? 0 : 1);

    static int rank(String analysisType) {
        int index = ANALYSIS_ORDER.indexOf(analysisType == null ? "not-stated" : analysisType);
        return index < 0 ? ANALYSIS_ORDER.size() : index;
    }

    static boolean hasEstimateWithCi(ResultView result) {
        return result.comparison() != null && result.comparison().estimate() != null
                && result.comparison().ciLower() != null && result.comparison().ciUpper() != null;
    }
}
