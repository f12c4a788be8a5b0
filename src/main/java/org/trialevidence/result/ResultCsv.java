package org.trialevidence.result;

import org.trialevidence.contrast.Contrast;
import org.trialevidence.contrast.ContrastTerm;
import org.trialevidence.paging.CsvColumns;
import org.trialevidence.paging.ListShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV shapes of results. Wide (one row per result): its JSON fields flattened, the arms as experimental.*,
 * control.* and other1.* to other4.*. Long (layout=arms): one row per arm. Column names hold only letters, digits and
 * dots, so that R's read.csv and pandas keep them as they are.
 */
public final class ResultCsv {
    /** The schema limits a result to this many arms; all of them may be neither the experimental nor the control arm. */
    static final int ARMS = 4;
    private static final List<String> ROLES = List.of("experimental", "control");
    /** Arm columns are named by the arm's role in the result, never by position (in some results the first arm is the control). */
    static final List<String> SLOTS = slotNames();
    public static final CsvColumns<ResultView> COLUMNS = columns();

    private ResultCsv() {
    }

    private static List<String> slotNames() {
        List<String> names = new ArrayList<>(ROLES);
        for (int other = 1; other <= ARMS; other++) {
            names.add("other" + other);
        }
        return List.copyOf(names);
    }

    private static CsvColumns<ResultView> columns() {
        CsvColumns<ResultView> columns = new CsvColumns<ResultView>()
                .add("id", ResultView::id)
                .add("trial.id", r -> r.trial().id())
                .add("trial.acronym", r -> r.trial().acronym())
                .add("trial.phase", r -> r.trial().phase())
                .add("trial.studyType", r -> r.trial().studyType())
                .add("setting", ResultView::setting)
                .add("endpoint", ResultView::endpoint)
                .add("timepoint", ResultView::timepoint)
                .add("population.type", r -> r.population().type())
                .add("population.label", r -> r.population().label())
                .add("population.biomarkers", r -> r.population().biomarkers())
                .add("analysis.type", r -> r.analysis().type())
                .add("analysis.assessor", r -> r.analysis().assessor())
                .add("biomarkers", ResultView::biomarkers);
        for (String slot : SLOTS) {
            columns.add(slot + ".arm", arm(slot, ResultView.ArmResult::arm))
                    .add(slot + ".label", arm(slot, ResultView.ArmResult::label))
                    .add(slot + ".role", arm(slot, ResultView.ArmResult::role))
                    .add(slot + ".drugs", arm(slot, ResultView.ArmResult::drugs))
                    .add(slot + ".measure", arm(slot, ResultView.ArmResult::measure))
                    .add(slot + ".value", arm(slot, ResultView.ArmResult::value))
                    .add(slot + ".unit", arm(slot, ResultView.ArmResult::unit))
                    .add(slot + ".notReached", arm(slot, ResultView.ArmResult::notReached))
                    .add(slot + ".ciLower", arm(slot, ResultView.ArmResult::ciLower))
                    .add(slot + ".ciUpper", arm(slot, ResultView.ArmResult::ciUpper))
                    .add(slot + ".patients", arm(slot, ResultView.ArmResult::patients));
        }
        return columns
                .add("comparison.experimentalArm", comparison(ResultView.Comparison::experimentalArm))
                .add("comparison.controlArm", comparison(ResultView.Comparison::controlArm))
                .add("comparison.effectMeasure", comparison(ResultView.Comparison::effectMeasure))
                .add("comparison.hazardRatio", comparison(ResultView.Comparison::hazardRatio))
                .add("comparison.estimate", comparison(ResultView.Comparison::estimate))
                .add("comparison.ciLower", comparison(ResultView.Comparison::ciLower))
                .add("comparison.ciUpper", comparison(ResultView.Comparison::ciUpper))
                .add("comparison.ciLevel", comparison(ResultView.Comparison::ciLevel))
                .add("comparison.pValue", comparison(ResultView.Comparison::pValue))
                .add("comparison.pValueComparator", comparison(ResultView.Comparison::pValueComparator))
                .add("comparison.pValueText", comparison(ResultView.Comparison::pValueText))
                .add("comparison.significant", comparison(ResultView.Comparison::significant))
                .add("comparison.contrast.id", contrast(Contrast::id))
                .add("comparison.contrast.label", contrast(Contrast::label))
                .add("comparison.contrast.question", contrast(Contrast::question))
                .add("comparison.contrast.design", contrast(Contrast::design))
                .add("comparison.contrast.added", contrast(contrast -> codes(contrast.added())))
                .add("comparison.contrast.continued", contrast(contrast -> codes(contrast.continued())))
                .add("comparison.contrast.removed", contrast(contrast -> codes(contrast.removed())))
                .add("comparison.contrast.common", contrast(contrast -> codes(contrast.common())))
                .add("comparison.contrast.comparatorClass", contrast(contrast -> contrast.comparatorClass().code()))
                .add("conflicting", ResultView::conflicting)
                .add("conflictsWith", ResultView::conflictsWith)
                .add("disputedBy", r -> r.disputedBy().stream().map(d -> d.statement() + " (" + d.source().document() + ", " + d.source().location() + ")").toList())
                .add("suspect", r -> r.suspect() == null ? null : r.suspect().reason() + " (resembles " + String.join(", ", r.suspect().resembles()) + ")")
                .add("rawText", ResultView::rawText)
                .add("notes", ResultView::notes)
                .add("corrections", r -> r.corrections().stream()
                        .map(c -> c.field() + ": source shows '" + c.sourceShows() + "', served " + c.served() + " (" + c.reason() + ")").toList())
                .add("source.document", r -> r.source().document())
                .add("source.location", r -> r.source().location())
                .add("source.excerpt", r -> r.source().excerpt());
    }

    private static Function<ResultView, Object> arm(String slot, Function<ResultView.ArmResult, Object> field) {
        return result -> {
            ResultView.ArmResult arm = slots(result).get(slot);
            return arm == null ? null : field.apply(arm);
        };
    }

    /**
     * The result's arms by column slot: the first arm whose role is experimental, the first whose role is control,
     * and every other arm in the result's order as other1, other2, ... (a second experimental arm of a three-arm
     * trial is other1, its role column says experimental).
     */
    static Map<String, ResultView.ArmResult> slots(ResultView result) {
        Map<String, ResultView.ArmResult> slots = new HashMap<>();
        int others = 0;
        for (ResultView.ArmResult arm : result.arms()) {
            if (ROLES.contains(arm.role()) && !slots.containsKey(arm.role())) {
                slots.put(arm.role(), arm);
            } else {
                slots.put("other" + ++others, arm);
            }
        }
        return slots;
    }

    /** layout=arms: one row per arm of a result, in the result's order. */
    public record ArmRow(ResultView result, ResultView.ArmResult arm) {
        public static List<ArmRow> of(ResultView result) {
            return result.arms().stream().map(arm -> new ArmRow(result, arm)).toList();
        }
    }

    /** The long shape: the value of one arm with the result's identity, and the source that prints it. */
    public static final CsvColumns<ArmRow> ARM_ROWS = new CsvColumns<ArmRow>()
            .add("resultId", row -> row.result().id())
            .add("trial", row -> row.result().trial().acronym())
            .add("trialId", row -> row.result().trial().id())
            .add("endpoint", row -> row.result().endpoint())
            .add("timepoint", row -> row.result().timepoint())
            .add("population", row -> row.result().population().label())
            .add("populationType", row -> row.result().population().type())
            .add("arm", row -> row.arm().arm())
            .add("label", row -> row.arm().label())
            .add("role", row -> row.arm().role())
            .add("drugs", row -> row.arm().drugs())
            .add("measure", row -> row.arm().measure())
            .add("value", row -> row.arm().value())
            .add("unit", row -> row.arm().unit())
            .add("notReached", row -> row.arm().notReached())
            .add("ciLower", row -> row.arm().ciLower())
            .add("ciUpper", row -> row.arm().ciUpper())
            .add("patients", row -> row.arm().patients())
            .add("source.document", row -> row.result().source().document())
            .add("source.location", row -> row.result().source().location())
            .add("source.excerpt", row -> row.result().source().excerpt());
    public static final ListShape<ResultView> RESULTS = new ListShape<>(COLUMNS, "results.csv", ResultView.class);
    static final ListShape<ArmRow> ARMS_SHAPE = new ListShape<>(ARM_ROWS, "result-arms.csv", ArmRow.class);

    private static Function<ResultView, Object> contrast(Function<Contrast, Object> field) {
        return result -> result.comparison() == null || result.comparison().contrast() == null ? null : field.apply(result.comparison().contrast());
    }

    private static List<String> codes(List<ContrastTerm> terms) {
        return terms.stream().map(ContrastTerm::code).toList();
    }

    private static Function<ResultView, Object> comparison(Function<ResultView.Comparison, Object> field) {
        return result -> result.comparison() == null ? null : field.apply(result.comparison());
    }
}
