package org.trialevidence.result;

import org.trialevidence.entity.Result;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.api.RawJson;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.dataset.SourceViews;
import org.trialevidence.seeding.TrialSeed;
import org.trialevidence.entity.Arm;
import org.trialevidence.entity.Trial;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A stored result as the API presents it (its view, and that view's JSON); the contrast of its comparison is derived here, once. */
@ApplicationScoped
public class ResultViews {
    @Inject
    SourceViews sourceViews;
    @Inject
    ObjectMapper mapper;

    public RawJson json(ResultView view) {
        return RawJson.of(mapper, view);
    }

    public String jsonOf(Result result) {
        return json(view(result)).json();
    }

    public ResultView view(Result result) {
        Trial trial = result.trial;
        Optional<Contrast> contrast = ResultContrast.of(result);
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
                result.armValues.stream().map(value -> armResult(trial.arm(value.arm()), value, ResultContrast.role(result, value.arm(), contrast.isPresent()))).toList(),
                comparison(result, contrast),
                result.rawText,
                List.copyOf(result.notes),
                result.corrections.stream().map(c -> new ResultView.Correction(c.field(), c.sourceShows(), c.served(), c.reason())).toList(),
                result.conflicting,
                List.copyOf(result.conflictsWith),
                result.disputedBy.stream().map(d -> new ResultView.DisputingStatement(d.statement(), sourceViews.of(d.source()))).toList(),
                result.suspect == null ? null : new ResultView.Suspect(result.suspect.reason(), List.copyOf(result.suspect.resembles())),
                sourceViews.of(result.sources.get(0)),
                sourceViews.of(result.sources));
    }

    private static ResultView.ArmResult armResult(Arm arm, TrialSeed.ArmValue value, String role) {
        return new ResultView.ArmResult(arm.armId, arm.label, role,
                arm.drugs.stream().map(drug -> drug.drug()).toList(), arm.dose,
                value.measure(), value.value(), unit(value.measure()), Boolean.TRUE.equals(value.notReached()),
                value.ciLower(), value.ciUpper(), value.patients());
    }

    static String unit(String measure) {
        return "median".equals(measure) ? "months" : "percent";
    }

    private static ResultView.Comparison comparison(Result result, Optional<Contrast> contrast) {
        if (result.experimentalArm == null) {
            return null;
        }
        BigDecimal estimate = printed(result, result.estimate, "comparison.estimate");
        return new ResultView.Comparison(result.experimentalArm.armId, result.controlArm.armId, result.effectMeasure,
                "HR".equals(result.effectMeasure) ? estimate : null, estimate, printed(result, result.ciLower, "comparison.ciLower"),
                printed(result, result.ciUpper, "comparison.ciUpper"),
                exact(result.ciLevel), exact(result.pValue), result.pValueComparator, result.pValueText, result.significant, contrast.orElse(null));
    }

    /** A statistic as its source prints it: 0.60 for a printed 0.60, not the column's 0.600000 nor 0.6. */
    private static BigDecimal printed(Result result, BigDecimal stored, String field) {
        return PrintedNumbers.of(stored, field, result.sources, result.corrections);
    }

    /** Database columns have a fixed scale; the API serves the number itself (0.95, not 0.9500). */
    private static BigDecimal exact(BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }
}
