package org.trialevidence.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Puts trials side by side for one endpoint and lists the differences that make a naive comparison unsafe. */
@ApplicationScoped
public class ComparisonService {
    @Inject
    ResultService results;

    public TrialComparison compare(ResultFilter filter, Map<String, String> acronymsById) {
        if (acronymsById.size() < 2) {
            throw ProblemException.invalidParameter("trial", "Name at least two trials to compare (repeat the parameter: trial=A&trial=B).", null, null);
        }
        if (filter.endpoints().size() != 1) {
            throw ProblemException.invalidParameter("endpoint", "Name exactly one endpoint to compare on, e.g. endpoint=PFS.", null, null);
        }
        Map<String, StudySelection.Choice> choices = StudySelection.representatives(results.all(filter));
        List<TrialComparison.Row> rows = new ArrayList<>();
        choices.values().forEach(choice -> rows.add(row(choice)));
        List<String> withoutResult = acronymsById.entrySet().stream().filter(entry -> !choices.containsKey(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        return new TrialComparison(filter.endpoints().iterator().next(), StudySelection.REPRESENTATIVE_RULE, rows, differences(rows),
                withoutResult.isEmpty() ? null : withoutResult);
    }

    private static TrialComparison.Row row(StudySelection.Choice choice) {
        ResultView result = choice.chosen();
        return new TrialComparison.Row(result.trial(), result.setting(), result.biomarkers(), result,
                choice.others().stream().map(ResultView::id).toList());
    }

    private static List<TrialComparison.Difference> differences(List<TrialComparison.Row> rows) {
        List<TrialComparison.Difference> differences = new ArrayList<>();
        differ(differences, rows, "setting", "The trials were run in different settings.", TrialComparison.Row::setting);
        differ(differences, rows, "contrast", "The comparisons answer different randomized questions (what the experimental arm adds or"
                + " replaces, against what), so their effect estimates do not measure one effect.", row -> row.result().comparison() == null
                || row.result().comparison().contrast() == null ? "no treatment comparison" : row.result().comparison().contrast().question());
        differ(differences, rows, "comparator", "The control arms differ, so the effect estimates answer different questions.",
                row -> arm(row.result(), "control"));
        differ(differences, rows, "population", "The populations differ (biomarker selection or subgroup).",
                row -> row.result().population().type() + ": " + row.result().population().label() + " " + row.biomarkers());
        differ(differences, rows, "analysis", "The analyses are of different kinds or maturity.", row -> row.result().analysis().type());
        differ(differences, rows, "studyType", "The studies are of different designs.", row -> row.trial().studyType());
        differ(differences, rows, "effectMeasure", "The effect measures differ.",
                row -> row.result().comparison() == null ? "none" : String.valueOf(row.result().comparison().effectMeasure()));
        differ(differences, rows, "ciLevel", "The confidence levels differ.",
                row -> row.result().comparison() == null || row.result().comparison().ciLevel() == null ? "none" : row.result().comparison().ciLevel().toPlainString());
        Map<String, String> conflicts = new LinkedHashMap<>();
        rows.stream().filter(row -> row.result().conflicting())
                .forEach(row -> conflicts.put(row.trial().acronym(), Stream.concat(
                        row.result().conflictsWith().stream().map(other -> "conflicts with " + other),
                        row.result().disputedBy().stream().map(disputed -> "disputed: " + disputed.statement())).collect(Collectors.joining("; "))));
        if (!conflicts.isEmpty()) {
            differences.add(new TrialComparison.Difference("conflict", "Sources disagree on some of these values; see the conflicting results.", conflicts));
        }
        return differences;
    }

    private static void differ(List<TrialComparison.Difference> differences, List<TrialComparison.Row> rows, String aspect, String detail,
                               Function<TrialComparison.Row, String> value) {
        Map<String, String> values = rows.stream().collect(Collectors.toMap(row -> row.trial().acronym(), value, (a, b) -> a, LinkedHashMap::new));
        if (values.values().stream().distinct().count() > 1) {
            differences.add(new TrialComparison.Difference(aspect, detail, values));
        }
    }

    /** The arm of a role, by its drugs (labels differ in wording for the same treatment). */
    private static String arm(ResultView result, String role) {
        return result.arms().stream().filter(arm -> role.equals(arm.role())).map(arm -> String.join(" + ", arm.drugs()))
                .filter(Objects::nonNull).findFirst().orElse("not reported");
    }
}
