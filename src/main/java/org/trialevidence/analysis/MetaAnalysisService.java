package org.trialevidence.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Meta-analyses of hazard ratios: of the results a query matches (one per trial), or of studies sent in a request. */
@ApplicationScoped
public class MetaAnalysisService {
    static final String POOLING = "Inverse-variance pooling of ln(HR) with SE = (ln upper - ln lower) / (2 z), z the normal quantile of each"
            + " study's own CI level (an asymmetric CI counts by its width). Fixed effect and DerSimonian-Laird random effects, each with"
            + " a 95% CI and a two-sided z-test; Cochran's Q, I^2 = max(0, (Q - df) / Q), tau^2 (DerSimonian-Laird); 95% prediction"
            + " interval from t with k-2 df (Higgins 2009), absent below 3 studies. Validated against R metafor 3.8.1.";
    static final String SELECTION = " Studies: one treatment comparison per trial with an HR and CI - the ITT result (a subgroup only"
            + " with population=subgroup or a biomarker filter naming it), then the primary, final, interim, unstated, updated, exploratory"
            + " analysis in that order, then the trial record's order; every other match is in excluded with its reason.";
    /** Significant digits of computed numbers: below the 1e-4 agreement with metafor for any value under 1000. */
    private static final MathContext DIGITS = new MathContext(7);

    @Inject
    ResultService results;
    @Inject
    ResultDetails details;
    @Inject
    ObjectMapper mapper;

    private ObjectReader poolRequests;

    @PostConstruct
    void strictReader() {
        poolRequests = PoolRequest.strictReader(mapper);
    }

    /** A study to pool, from the dataset (result and trial set) or from a request. */
    record Input(String result, String trial, String label, BigDecimal hazardRatio, BigDecimal ciLower, BigDecimal ciUpper, BigDecimal ciLevel) { }

    /** A meta-analysis of the dataset: the view, and the pooled results behind its studies (same order). */
    record Analysis(MetaAnalysisView view, List<ResultView> pooled, ResultDetails.Details details) { }

    MetaAnalysisView analyse(ResultFilter filter, EffectModel model, QueryText query) {
        return analysis(filter, model, query).view();
    }

    Analysis analysis(ResultFilter filter, EffectModel model, QueryText query) {
        refuseOutcomeSelection(filter);
        List<ResultView> matches = results.all(filter);
        ResultDetails.Details resultDetails = details.of(matches);
        TreeSet<String> endpoints = new TreeSet<>();
        matches.stream().filter(result -> StudySelection.unpoolable(result, resultDetails).isEmpty()).forEach(result -> endpoints.add(result.endpoint()));
        if (endpoints.size() > 1) {
            throw ProblemException.cannotAnalyse("endpoint", "Hazard ratios of different endpoints (" + String.join(", ", endpoints)
                    + ") are not pooled together; choose one with endpoint=.", List.copyOf(endpoints));
        }
        StudySelection.Selection selection = StudySelection.select(matches, resultDetails,
                new StudySelection.PopulationQuery(filter.populationType().filter("subgroup"::equals).isPresent(), filter.biomarkers()));
        if (selection.pooled().size() < 2) {
            throw ProblemException.cannotAnalyse(query.parameters(), "Pooling needs at least 2 trials with a hazard ratio and its CI; the "
                    + matches.size() + " results matching " + query.text() + " give " + selection.pooled().size()
                    + ". GET /api/v1/results with the same parameters lists them.", null);
        }
        List<Input> inputs = selection.pooled().stream().map(result -> new Input(result.id(), result.trial().acronym(),
                result.trial().acronym() + ": " + result.population().label(), result.comparison().hazardRatio(),
                result.comparison().ciLower(), result.comparison().ciUpper(), result.comparison().ciLevel())).toList();
        MetaAnalysisView view = pool(inputs, selection.excluded(), model, POOLING + SELECTION);
        return new Analysis(view, selection.pooled(), resultDetails);
    }

    MetaAnalysisView pool(String body) {
        PoolRequest request = PoolRequest.read(poolRequests, body);
        List<Input> inputs = request.studies().stream().map(study -> new Input(null, null, study.label(), study.hazardRatio(),
                study.ciLower(), study.ciUpper(), study.ciLevel())).toList();
        return pool(inputs, List.of(), EffectModel.fromBody(request.model()), POOLING);
    }

    /**
     * Pooling on a filtered selection of results is only honest when the filter does not look at the outcome:
     * keeping the significant (or small) hazard ratios and pooling them would report a biased effect.
     */
    private static void refuseOutcomeSelection(ResultFilter filter) {
        if (filter.significant().isPresent()) {
            throw ProblemException.invalidParameter("significant", "significant selects results by their outcome; pooling such a selection"
                    + " overstates the effect, so the meta-analysis does not take it.", null, null);
        }
        if (filter.maxHazardRatio().isPresent()) {
            throw ProblemException.invalidParameter("maxHazardRatio", "maxHazardRatio selects results by their outcome; pooling such a"
                    + " selection overstates the effect, so the meta-analysis does not take it.", null, null);
        }
    }

    private static MetaAnalysisView pool(List<Input> inputs, List<MetaAnalysisView.Excluded> excluded, EffectModel model, String method) {
        List<InverseVariance.Study> studies = inputs.stream().map(input -> new InverseVariance.Study(Math.log(input.hazardRatio().doubleValue()),
                InverseVariance.standardError(input.ciLower().doubleValue(), input.ciUpper().doubleValue(), input.ciLevel().doubleValue()))).toList();
        InverseVariance.Pooled pooled = InverseVariance.pool(studies);
        List<MetaAnalysisView.Study> views = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            views.add(new MetaAnalysisView.Study(input.result(), input.trial(), input.label(), input.hazardRatio().stripTrailingZeros(),
                    input.ciLower().stripTrailingZeros(), input.ciUpper().stripTrailingZeros(), input.ciLevel().stripTrailingZeros(),
                    round(pooled.weightsFixed()[i]), round(pooled.weightsRandom()[i])));
        }
        Optional<MetaAnalysisView.Interval> prediction = pooled.prediction()
                .map(interval -> new MetaAnalysisView.Interval(round(Math.exp(interval[0])), round(Math.exp(interval[1]))));
        return new MetaAnalysisView(model.code(), estimate(pooled.fixed()), estimate(pooled.random()),
                new MetaAnalysisView.Heterogeneity(round(pooled.q()), pooled.df(), round(pooled.qPValue()), round(pooled.iSquared()), round(pooled.tauSquared())),
                prediction.orElse(null), views, excluded, method);
    }

    private static MetaAnalysisView.Pooled estimate(InverseVariance.Estimate estimate) {
        return new MetaAnalysisView.Pooled(round(Math.exp(estimate.logEffect())), round(Math.exp(estimate.lower())), round(Math.exp(estimate.upper())),
                round(estimate.z()), round(estimate.p()));
    }

    static BigDecimal round(double value) {
        return new BigDecimal(value).round(DIGITS).stripTrailingZeros();
    }
}
