package org.trialevidence.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.trialevidence.dataset.SourceViews;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.seeding.TrialSeed;
import org.trialevidence.trial.Arm;
import org.trialevidence.trial.Trial;

import java.math.BigDecimal;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;

/** Runs the evidence query and presents results in their JSON contract. */
@ApplicationScoped
public class ResultService {
    @Inject
    EntityManager entityManager;
    @Inject
    SourceViews sourceViews;

    private static final String FROM = "from Result r join fetch r.trial t";

    @Transactional
    public Page<ResultView> search(ResultFilter filter, PageRequest page) {
        return filter.where().page(entityManager, Result.class, "r", FROM, "from Result r join r.trial t", filter.orderBy(), page, this::view);
    }

    /** Every matching result in the filter's order, streamed: for CSV with size=all, exports and analyses. */
    @Transactional
    public void forEach(ResultFilter filter, Consumer<ResultView> action) {
        filter.where().forEach(entityManager, Result.class, "r", FROM, filter.orderBy(), result -> action.accept(view(result)));
    }

    /** Every matching result, for views that need them all at once (comparison, meta-analysis, plots). */
    public List<ResultView> all(ResultFilter filter) {
        List<ResultView> all = new ArrayList<>();
        forEach(filter, all::add);
        return all;
    }

    public ResultView view(Result result) {
        Trial trial = result.trial;
        Set<String> biomarkers = new TreeSet<>(trial.biomarkers);
        biomarkers.addAll(result.populationBiomarkers);
        return new ResultView(
                result.id,
                new ResultView.TrialRef(trial.id, trial.acronym, trial.phase, trial.studyType),
                trial.setting,
                result.endpoint,
                result.timepoint,
                new ResultView.Population(result.populationType, result.populationLabel, List.copyOf(new TreeSet<>(result.populationBiomarkers))),
                new ResultView.Analysis(result.analysisType, result.assessor, result.analysisDescription),
                List.copyOf(biomarkers),
                result.armValues.stream().map(value -> armResult(trial.arm(value.arm()), value)).toList(),
                comparison(result),
                result.rawText,
                List.copyOf(result.notes),
                result.corrections.stream().map(c -> new ResultView.Correction(c.field(), c.sourceShows(), c.served(), c.reason())).toList(),
                result.conflicting,
                List.copyOf(result.conflictsWith),
                sourceViews.of(result.sources.get(0)),
                sourceViews.of(result.sources));
    }

    private static ResultView.ArmResult armResult(Arm arm, TrialSeed.ArmValue value) {
        return new ResultView.ArmResult(arm.armId, arm.label, arm.role, arm.drugs.stream().map(drug -> drug.drug()).toList(), arm.dose,
                value.measure(), value.value(), unit(value.measure()), Boolean.TRUE.equals(value.notReached()),
                value.ciLower(), value.ciUpper(), value.patients());
    }

    static String unit(String measure) {
        return "median".equals(measure) ? "months" : "percent";
    }

    private static ResultView.Comparison comparison(Result result) {
        if (result.experimentalArm == null) {
            return null;
        }
        BigDecimal estimate = exact(result.estimate);
        return new ResultView.Comparison(result.experimentalArm.armId, result.controlArm.armId, result.effectMeasure,
                "HR".equals(result.effectMeasure) ? estimate : null, estimate, exact(result.ciLower), exact(result.ciUpper),
                exact(result.ciLevel), exact(result.pValue), result.pValueComparator, result.pValueText, result.significant);
    }

    /** Database columns have a fixed scale; the API serves the number itself (0.44, not 0.440000). */
    private static BigDecimal exact(BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }
}
