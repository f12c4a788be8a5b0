package org.trialevidence.export;

import org.trialevidence.contrast.Contrast;
import org.trialevidence.contrast.ContrastTerm;
import org.trialevidence.result.ResultView;

import java.util.List;
import java.util.function.Function;

/** The CSV columns of a result: its JSON fields flattened, arms as arms[0] to arms[3]. */
public final class ResultCsv {
    /** The schema limits a result to this many arms. */
    static final int ARMS = 4;
    public static final CsvColumns<ResultView> COLUMNS = columns();

    private ResultCsv() {
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
        for (int i = 0; i < ARMS; i++) {
            String prefix = "arms[" + i + "].";
            columns.add(prefix + "arm", arm(i, ResultView.ArmResult::arm))
                    .add(prefix + "label", arm(i, ResultView.ArmResult::label))
                    .add(prefix + "role", arm(i, ResultView.ArmResult::role))
                    .add(prefix + "drugs", arm(i, ResultView.ArmResult::drugs))
                    .add(prefix + "measure", arm(i, ResultView.ArmResult::measure))
                    .add(prefix + "value", arm(i, ResultView.ArmResult::value))
                    .add(prefix + "unit", arm(i, ResultView.ArmResult::unit))
                    .add(prefix + "notReached", arm(i, ResultView.ArmResult::notReached))
                    .add(prefix + "ciLower", arm(i, ResultView.ArmResult::ciLower))
                    .add(prefix + "ciUpper", arm(i, ResultView.ArmResult::ciUpper))
                    .add(prefix + "patients", arm(i, ResultView.ArmResult::patients));
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

    private static Function<ResultView, Object> arm(int index, Function<ResultView.ArmResult, Object> field) {
        return result -> {
            List<ResultView.ArmResult> arms = result.arms();
            return index < arms.size() ? field.apply(arms.get(index)) : null;
        };
    }

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
