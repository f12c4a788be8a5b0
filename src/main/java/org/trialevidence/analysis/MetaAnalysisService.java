package org.trialevidence.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;
import org.trialevidence.stats.ConfidenceIntervals;
import org.trialevidence.stats.Estimate;
import org.trialevidence.stats.Heterogeneity;
import org.trialevidence.stats.Pooling;
import org.trialevidence.stats.RandomEffects;
import org.trialevidence.stats.TauEstimator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Meta-analyses of hazard ratios: of the results a query matches (one per trial within each contrast, never across
 * contrasts), or of studies sent in a request.
 */
@ApplicationScoped
public class MetaAnalysisService {
    static final double LEVEL = 0.95;
    static final String SELECTION = " Studies: results are grouped by their contrast (comparison.contrast.id, the randomized question: what the"
            + " experimental arm adds or replaces, against what); a pool never spans two contrasts, and several contrasts give one subgroup each."
            + " Within a contrast, one treatment comparison per trial with an HR and CI - the ITT result (a subgroup only with population=subgroup"
            + " or a biomarker filter naming it), then the primary, final, interim, unstated, updated, exploratory analysis in that order, then the"
            + " trial record's order. Results flagged as suspect copies are not pooled. A contrast with one trial is not pooled. Every other match"
            + " is in excluded with its reason.";
    /** Where the Q-profile search for the upper bound of tau^2 stops (metafor: max(100, 10 tau^2)). */
    private static final double TAU_SQUARED_SEARCH_LIMIT = 100;
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

    /** A study to pool, from the dataset (result and trial) or from a request. */
    record Input(String result, String trial, String label, String contrast, BigDecimal hazardRatio, BigDecimal ciLower, BigDecimal ciUpper,
                 BigDecimal ciLevel) { }

    /** The pooled results of one contrast, in the query's order. */
    public record ContrastPool(Contrast contrast, List<ResultView> pooled, MetaAnalysisView.Subgroup view) { }

    /** A meta-analysis of the dataset: the view, and the pools behind it. */
    public record Analysis(MetaAnalysisView view, List<ContrastPool> pools, ResultDetails.Details details) { }

    MetaAnalysisView analyse(ResultFilter filter, PoolingOptions options, QueryText query) {
        return analysis(filter, options, query).view();
    }

    /** The results chosen for one contrast and endpoint: one per trial, in the query's order. */
    record Chosen(Contrast contrast, List<ResultView> results) { }

    /** The matches of a query, the results chosen per contrast (single trials included) and why every other match is left out. */
    record ContrastSelection(List<ResultView> matches, List<Chosen> chosen, Map<String, String> excludedReasons, ResultDetails.Details details) { }

    /**
     * Groups the matches by endpoint and contrast and chooses one result per trial in each group (the meta-analysis
     * takes one endpoint, so its groups are the contrasts).
     */
    ContrastSelection select(ResultFilter filter) {
        List<ResultView> matches = results.all(filter);
        ResultDetails.Details resultDetails = details.of(matches);
        Map<List<String>, List<ResultView>> groups = new LinkedHashMap<>();
        for (ResultView result : matches) {
            Contrast contrast = result.comparison() == null ? null : result.comparison().contrast();
            groups.computeIfAbsent(List.of(result.endpoint(), contrast == null ? "" : contrast.id()), key -> new ArrayList<>()).add(result);
        }
        StudySelection.PopulationQuery population = new StudySelection.PopulationQuery(
                filter.populationType().filter("subgroup"::equals).isPresent(), filter.biomarkers());
        Map<String, String> excludedReasons = new HashMap<>();
        List<Chosen> chosen = new ArrayList<>();
        for (List<ResultView> group : groups.values()) {
            StudySelection.Selection selection = StudySelection.select(group, resultDetails, population);
            selection.excluded().forEach(excluded -> excludedReasons.put(excluded.result(), excluded.reason()));
            if (!selection.pooled().isEmpty()) {
                chosen.add(new Chosen(selection.pooled().get(0).comparison().contrast(), selection.pooled()));
            }
        }
        return new ContrastSelection(matches, chosen, excludedReasons, resultDetails);
    }

    public Analysis analysis(ResultFilter filter, PoolingOptions options, QueryText query) {
        refuseOutcomeSelection(filter);
        ContrastSelection selection = select(filter);
        List<ResultView> matches = selection.matches();
        TreeSet<String> endpoints = new TreeSet<>();
        matches.stream().filter(result -> StudySelection.unpoolable(result).isEmpty()).forEach(result -> endpoints.add(result.endpoint()));
        if (endpoints.size() > 1) {
            throw ProblemException.cannotAnalyse("endpoint", "Hazard ratios of different endpoints (" + String.join(", ", endpoints)
                    + ") are not pooled together; choose one with endpoint=.", List.copyOf(endpoints));
        }
        Map<String, String> excludedReasons = new HashMap<>(selection.excludedReasons());
        List<ContrastPool> pools = new ArrayList<>();
        for (Chosen chosen : selection.chosen()) {
            if (chosen.results().size() == 1) {
                ResultView alone = chosen.results().get(0);
                excludedReasons.put(alone.id(), "The only trial of its contrast (" + chosen.contrast().question() + ") among the matches:"
                        + " nothing to pool it with, and it is never pooled with another contrast.");
            } else {
                pools.add(new ContrastPool(chosen.contrast(), chosen.results(), subgroup(chosen.contrast(), chosen.results(), options)));
            }
        }
        if (pools.isEmpty()) {
            throw ProblemException.cannotAnalyse(query.parameters(), "Pooling needs at least 2 trials of one contrast with a hazard ratio and its CI;"
                    + " the " + matches.size() + " results matching " + query.text() + " have none. GET /api/v1/results with the same parameters"
                    + " lists them; GET /api/v1/contrasts lists their contrasts.", null);
        }
        ResultDetails.Details resultDetails = selection.details();
        List<MetaAnalysisView.Excluded> excluded = matches.stream().filter(result -> excludedReasons.containsKey(result.id()))
                .map(result -> new MetaAnalysisView.Excluded(result.id(), result.trial().acronym(), excludedReasons.get(result.id()))).toList();
        MetaAnalysisView.Method method = method(options, SELECTION);
        if (pools.size() == 1) {
            MetaAnalysisView.Subgroup only = pools.get(0).view();
            return new Analysis(new MetaAnalysisView(options.model().code(), method, only.contrast(), only.fixedEffect(), only.randomEffects(),
                    only.heterogeneity(), only.predictionInterval(), only.studies(), only.leaveOneOut(), only.warnings(), null, null, excluded),
                    pools, resultDetails);
        }
        return new Analysis(new MetaAnalysisView(options.model().code(), method, null, null, null, null, null, null, null,
                subgroupWarnings(pools), pools.stream().map(ContrastPool::view).toList(), differences(pools), excluded), pools, resultDetails);
    }

    /**
     * A chosen comparison (one per trial, endpoint and contrast) on the log scale.
     *
     * @param logHazardRatio ln(HR) of the experimental arm relative to the control arm
     * @param standardError  its SE from the CI at the CI's own level
     */
    public record PoolableComparison(ResultView result, Contrast contrast, double logHazardRatio, double standardError) { }

    /** The chosen comparisons of every contrast, each with a hazard ratio and CI, in the query's order per contrast. */
    public List<PoolableComparison> poolableComparisons(ResultFilter filter) {
        List<PoolableComparison> comparisons = new ArrayList<>();
        for (Chosen chosen : select(filter).chosen()) {
            for (ResultView result : chosen.results()) {
                ResultView.Comparison comparison = result.comparison();
                double se = ConfidenceIntervals.logStandardError(comparison.ciLower().doubleValue(), comparison.ciUpper().doubleValue(),
                        comparison.ciLevel().doubleValue());
                // the result's own contrast: the group's shares its id but names the first trial's drugs
                comparisons.add(new PoolableComparison(result, comparison.contrast(), Math.log(comparison.hazardRatio().doubleValue()), se));
            }
        }
        return comparisons;
    }

    /** The chosen comparisons of every contrast, with a hazard ratio and CI, in netmeta's long format. */
    List<ContrastRow> contrastRows(ResultFilter filter) {
        return poolableComparisons(filter).stream().map(chosen -> {
            ResultView result = chosen.result();
            ResultView.Comparison comparison = result.comparison();
            Contrast contrast = chosen.contrast();
            return new ContrastRow(result.trial().acronym(), contrast.experimentalTreatment(), contrast.controlTreatment(),
                    precise(chosen.logHazardRatio()), precise(chosen.standardError()), result.id(), result.trial().id(), result.endpoint(),
                    result.population().label(), contrast.question(), contrast.id(), comparison.hazardRatio(), comparison.ciLower(),
                    comparison.ciUpper(), comparison.ciLevel());
        }).toList();
    }

    /** Full double precision, so that R reading the CSV computes what the service computes. */
    private static BigDecimal precise(double value) {
        return new BigDecimal(value).round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    MetaAnalysisView pool(String body) {
        PoolRequest request = PoolRequest.read(poolRequests, body);
        PoolingOptions options = PoolingOptions.fromBody(request.model(), request.tauEstimator(), request.hartungKnapp(), request.sensitivity());
        List<Input> inputs = request.studies().stream().map(study -> new Input(null, null, study.label(), null, study.hazardRatio(),
                study.ciLower(), study.ciUpper(), study.ciLevel())).toList();
        MetaAnalysisView.Subgroup pooled = pool(null, inputs, options);
        return new MetaAnalysisView(options.model().code(), method(options, ""), null, pooled.fixedEffect(), pooled.randomEffects(),
                pooled.heterogeneity(), pooled.predictionInterval(), pooled.studies(), pooled.leaveOneOut(), pooled.warnings(), null, null, List.of());
    }

    private static MetaAnalysisView.Subgroup subgroup(Contrast contrast, List<ResultView> pooled, PoolingOptions options) {
        List<Input> inputs = pooled.stream().map(result -> new Input(result.id(), result.trial().acronym(),
                result.trial().acronym() + ": " + result.population().label(), result.comparison().contrast().label(),
                result.comparison().hazardRatio(), result.comparison().ciLower(), result.comparison().ciUpper(), result.comparison().ciLevel())).toList();
        return pool(contrast, inputs, options);
    }

    /**
     * Pooling on a filtered selection of results is only honest when the filter does not look at the outcome:
     * keeping the significant (or small) hazard ratios and pooling them would report a biased effect.
     */
    public static void refuseOutcomeSelection(ResultFilter filter) {
        if (filter.significant().isPresent()) {
            throw ProblemException.invalidParameter("significant", "significant selects results by their outcome; pooling such a selection"
                    + " overstates the effect, so the meta-analysis does not take it.", null, null);
        }
        if (filter.maxHazardRatio().isPresent()) {
            throw ProblemException.invalidParameter("maxHazardRatio", "maxHazardRatio selects results by their outcome; pooling such a"
                    + " selection overstates the effect, so the meta-analysis does not take it.", null, null);
        }
    }

    private static MetaAnalysisView.Subgroup pool(Contrast contrast, List<Input> inputs, PoolingOptions options) {
        int k = inputs.size();
        double[] yi = new double[k];
        double[] sei = new double[k];
        for (int i = 0; i < k; i++) {
            Input input = inputs.get(i);
            yi[i] = Math.log(input.hazardRatio().doubleValue());
            sei[i] = ConfidenceIntervals.logStandardError(input.ciLower().doubleValue(), input.ciUpper().doubleValue(), input.ciLevel().doubleValue());
        }
        Pooling pooling = RandomEffects.pool(yi, sei, options.tauEstimator(), options.hartungKnapp(), LEVEL);
        List<MetaAnalysisView.Study> studies = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Input input = inputs.get(i);
            studies.add(new MetaAnalysisView.Study(input.result(), input.trial(), input.label(), input.contrast(), input.hazardRatio(),
                    input.ciLower(), input.ciUpper(), input.ciLevel().stripTrailingZeros(),
                    round(pooling.weightsFixedPercent()[i]), round(pooling.weightsRandomPercent()[i])));
        }
        List<MetaAnalysisView.LeaveOneOut> leaveOneOut = null;
        if (options.leaveOneOut() && k >= 3) {
            List<Pooling> without = RandomEffects.leaveOneOut(yi, sei, options.tauEstimator(), options.hartungKnapp(), LEVEL);
            leaveOneOut = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                Estimate random = without.get(i).random();
                Input omitted = inputs.get(i);
                leaveOneOut.add(new MetaAnalysisView.LeaveOneOut(omitted.trial() != null ? omitted.trial() : omitted.label(),
                        ratio(random.estimate()), ratio(random.ciLower()), ratio(random.ciUpper())));
            }
        }
        double[] prediction = pooling.predictionInterval();
        Heterogeneity heterogeneity = pooling.heterogeneity();
        return new MetaAnalysisView.Subgroup(contrast, estimate(pooling.fixed()), estimate(pooling.random()),
                new MetaAnalysisView.Heterogeneity(round(heterogeneity.q().value()), heterogeneity.q().df(), round(heterogeneity.q().pValue()),
                        round(heterogeneity.tauSquared()), round(heterogeneity.tauSquaredCiLower()), round(heterogeneity.tauSquaredCiUpper()),
                        round(heterogeneity.iSquared()), round(heterogeneity.hSquared())),
                prediction == null ? null : new MetaAnalysisView.Interval(ratio(prediction[0]), ratio(prediction[1])),
                studies, leaveOneOut, warnings(pooling, options));
    }

    private static List<String> warnings(Pooling pooling, PoolingOptions options) {
        List<String> warnings = new ArrayList<>();
        if (pooling.k() < 3) {
            warnings.add("Only " + pooling.k() + " studies: tau^2 is barely estimable and no prediction interval is given"
                    + (options.hartungKnapp() ? "; the Hartung-Knapp interval uses t with 1 df and is very wide." : "."));
        } else if (pooling.k() < 5 && !options.hartungKnapp()) {
            warnings.add("Fewer than 5 studies with Wald (z) intervals: the random-effects CI is likely too narrow; hartungKnapp=true widens it.");
        }
        if (options.leaveOneOut() && pooling.k() < 3) {
            warnings.add("Leave-one-out needs at least 3 studies; with " + pooling.k() + " it would pool a single study.");
        }
        Heterogeneity heterogeneity = pooling.heterogeneity();
        double searchLimit = Math.max(TAU_SQUARED_SEARCH_LIMIT, 10 * heterogeneity.tauSquared());
        if (heterogeneity.tauSquaredCiUpper() >= searchLimit * (1 - 1e-9)) {
            warnings.add("The upper bound of the tau^2 CI is at least " + round(searchLimit) + ": the Q-profile search stops there (as metafor's"
                    + " does, which prints it as '>'), so the served bound is a lower limit of the true one.");
        }
        if (options.hartungKnapp() && pooling.random().standardError() == 0) {
            warnings.add("The studies' estimates are identical, so the Hartung-Knapp standard error is 0 and its interval has no width (metafor"
                    + " gives the same); hartungKnapp=false gives the Wald interval.");
        }
        if (pooling.hartungKnappNarrowerThanWald()) {
            warnings.add("The Hartung-Knapp CI is narrower than the Wald (z) CI of the same estimate, which happens when the studies agree more than"
                    + " their standard errors predict; the wider Wald interval (hartungKnapp=false) is the cautious reading.");
        }
        return warnings;
    }

    private static List<String> subgroupWarnings(List<ContrastPool> pools) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new TreeSet<>();
        for (ContrastPool pool : pools) {
            pool.pooled().forEach(result -> {
                if (!seen.add(result.trial().id())) {
                    shared.add(result.trial().acronym());
                }
            });
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("The matched results answer " + pools.size() + " different randomized questions (contrasts): each subgroup is pooled on its own"
                + " and no estimate across them is given. Narrow the query with added= and comparator= for one contrast.");
        if (!shared.isEmpty()) {
            warnings.add("The test for subgroup differences treats subgroups as independent, but " + String.join(", ", shared)
                    + " contributes to more than one (a multi-arm trial's shared control arm), so its p-value is approximate.");
        }
        return warnings;
    }

    private static MetaAnalysisView.SubgroupDifferences differences(List<ContrastPool> pools) {
        double[] estimates = new double[pools.size()];
        double[] errors = new double[pools.size()];
        for (int i = 0; i < pools.size(); i++) {
            MetaAnalysisView.Pooled random = pools.get(i).view().randomEffects();
            estimates[i] = Math.log(random.hazardRatio().doubleValue());
            errors[i] = random.standardError().doubleValue();
        }
        Heterogeneity.Q q = RandomEffects.subgroupDifferences(estimates, errors);
        return new MetaAnalysisView.SubgroupDifferences(round(q.value()), q.df(), round(q.pValue()));
    }

    private static MetaAnalysisView.Method method(PoolingOptions options, String selection) {
        TauEstimator estimator = options.tauEstimator();
        String tau = switch (estimator) {
            case REML -> "restricted maximum likelihood (REML)";
            case DL -> "DerSimonian-Laird (DL)";
            case PM -> "Paule-Mandel (PM)";
        };
        String description = "Inverse-variance pooling of ln(HR) with SE = (ln upper - ln lower) / (2 z), z the normal quantile of each study's own CI"
                + " level (an asymmetric CI counts by its width). Fixed effect with a Wald 95% CI; random effects with tau^2 by " + tau + " and a 95% CI"
                + (options.hartungKnapp() ? " by Hartung-Knapp-Sidik-Jonkman (t with k-1 df, no truncation)" : " by Wald (z)")
                + "; Cochran's Q; tau^2 95% CI by the Q-profile method; I^2 and H^2 from tau^2; 95% prediction interval from t with k-2 df"
                + " (Higgins 2009; metafor predict(pi.type = \"Riley\")), absent below 3 studies. Test for subgroup differences: Q of the subgroups'"
                + " random-effects estimates. Equal to R metafor 3.8.1 " + options.r() + " within 1e-4." + selection;
        return new MetaAnalysisView.Method(estimator.name(), options.hartungKnapp(), options.r(), description);
    }

    private static MetaAnalysisView.Pooled estimate(Estimate estimate) {
        boolean t = Estimate.T.equals(estimate.distribution());
        return new MetaAnalysisView.Pooled(ratio(estimate.estimate()), ratio(estimate.ciLower()), ratio(estimate.ciUpper()),
                round(estimate.standardError()), estimate.distribution(), round(estimate.statistic()), t ? (int) Math.round(estimate.df()) : null,
                round(estimate.pValue()));
    }

    private static BigDecimal ratio(double logValue) {
        return round(Math.exp(logValue));
    }

    /** Null for a value that is not a number (a statistic over a zero standard error): JSON has no infinity. */
    public static BigDecimal round(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return new BigDecimal(value).round(DIGITS).stripTrailingZeros();
    }
}
