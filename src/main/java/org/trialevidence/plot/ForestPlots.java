package org.trialevidence.plot;

import org.trialevidence.analysis.MetaAnalysisService;
import org.trialevidence.analysis.MetaAnalysisView;
import org.trialevidence.analysis.ResultDetails;
import org.trialevidence.analysis.PoolingOptions;
import org.trialevidence.analysis.EffectModel;
import org.trialevidence.analysis.QueryText;
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
import java.util.Locale;

/** Forest plots (SVG) of the results a query matches, and of the meta-analysis of them. */
@ApplicationScoped
class ForestPlots {
    static final String MEDIA_TYPE = "image/svg+xml";
    private static final BigDecimal LEVEL_95 = new BigDecimal("0.95");
    private static final double RESULT_MARKER = 9;
    private static final double MIN_MARKER = 4;

    @Inject
    ResultService results;
    @Inject
    ResultDetails details;
    @Inject
    MetaAnalysisService metaAnalyses;

    /** One row per matching result with an effect estimate and a CI, in the query's order. */
    String results(ResultFilter filter, QueryText query, PlotTitle title) {
        List<ResultView> matches = results.all(filter);
        List<ResultView> plotted = matches.stream().filter(ForestPlots::plottable).toList();
        if (plotted.isEmpty()) {
            throw ProblemException.cannotAnalyse(query.parameters(), "None of the " + matches.size() + " results matching " + query.text()
                    + " has an effect estimate with a CI: nothing to plot. GET /api/v1/results with the same parameters lists them.", null);
        }
        ResultDetails.Details resultDetails = details.of(plotted);
        boolean hazardRatios = plotted.stream().allMatch(result -> "HR".equals(result.comparison().effectMeasure()));
        // Which side favours whom holds for treatment effects on harmful events, not for associations (TILs, subtypes).
        boolean treatmentEffects = plotted.stream().allMatch(result -> result.comparison().contrast() != null);
        List<ForestPlot.Row> rows = plotted.stream().map(result -> {
            ResultView.Comparison comparison = result.comparison();
            String value = (hazardRatios ? "" : comparison.effectMeasure() + " ") + interval(comparison.estimate(), comparison.ciLower(), comparison.ciUpper(), comparison.ciLevel());
            return row(result, resultDetails, value, List.of(), RESULT_MARKER);
        }).toList();
        int hidden = matches.size() - plotted.size();
        String subtitle = plotted.size() + (plotted.size() == 1 ? " result" : " results") + " with an effect estimate and a CI"
                + (hidden == 0 ? "." : "; " + hidden + " matching " + (hidden == 1 ? "result" : "results") + " without one " + (hidden == 1 ? "is" : "are") + " not shown.");
        List<String> notes = new ArrayList<>();
        notes.add("Squares: point estimates; lines: their CIs (95% unless the value says otherwise). Rows in the query's order (sort= changes it).");
        if (plotted.stream().anyMatch(ResultView::conflicting)) {
            notes.add("'conflicting report': another source reports the same result differently (GET /api/v1/results?conflicting=true).");
        }
        return ForestPlot.render(new ForestPlot.Spec(title.orElse((hazardRatios ? "Hazard ratios \u2014 " : "Effect estimates \u2014 ") + query.words()), subtitle,
                hazardRatios ? "HR (CI)" : "Estimate (CI)", null, List.of(), (hazardRatios ? "Hazard ratio" : "Hazard, odds or risk ratio") + " (log scale)",
                hazardRatios && treatmentEffects, List.of(new ForestPlot.Block(null, null, rows, List.of(), null, null)), notes));
    }

    String metaAnalysis(ResultFilter filter, PoolingOptions options, QueryText query, PlotTitle title) {
        MetaAnalysisService.Analysis analysis = metaAnalyses.analysis(filter, options, query);
        MetaAnalysisView view = analysis.view();
        EffectModel model = options.model();
        String random = "Random effects (" + options.tauEstimator().name() + (options.hartungKnapp() ? ", Hartung-Knapp)" : ", Wald)");
        List<ForestPlot.Block> blocks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int trials = 0;
        for (MetaAnalysisService.ContrastPool pool : analysis.pools()) {
            MetaAnalysisView.Subgroup subgroup = pool.view();
            double heaviest = subgroup.studies().stream().mapToDouble(study -> weight(study, model)).max().orElse(1);
            List<ForestPlot.Row> rows = new ArrayList<>();
            for (int i = 0; i < subgroup.studies().size(); i++) {
                MetaAnalysisView.Study study = subgroup.studies().get(i);
                double side = Math.max(MIN_MARKER, ForestPlot.MAX_MARKER * Math.sqrt(weight(study, model) / heaviest));
                rows.add(row(pool.pooled().get(i), analysis.details(), interval(study.hazardRatio(), study.ciLower(), study.ciUpper(), study.ciLevel()),
                        List.of(percent(study.weightFixed()), percent(study.weightRandom())), side));
            }
            trials += rows.size();
            List<ForestPlot.Summary> summaries = List.of(
                    summary("fixed", "Fixed effect (inverse variance)", subgroup.fixedEffect(), List.of("100", ""), model == EffectModel.FIXED),
                    summary("random", random, subgroup.randomEffects(), List.of("", "100"), model == EffectModel.RANDOM));
            ForestPlot.Band band = subgroup.predictionInterval() == null ? null : new ForestPlot.Band("95% prediction interval (random effects)",
                    subgroup.predictionInterval().lower().doubleValue(), subgroup.predictionInterval().upper().doubleValue(),
                    ratio(subgroup.predictionInterval().lower()) + "\u2013" + ratio(subgroup.predictionInterval().upper()));
            ForestPlot.Summary emphasised = summaries.get(model == EffectModel.FIXED ? 0 : 1);
            String blockTitle = "Contrast: " + pool.contrast().question() + " (" + rows.size() + " trials)";
            blocks.add(new ForestPlot.Block(pool.contrast().id(), blockTitle, rows, summaries, band, emphasised.estimate()));
            MetaAnalysisView.Heterogeneity heterogeneity = subgroup.heterogeneity();
            notes.add((analysis.pools().size() == 1 ? "Heterogeneity" : pool.contrast().question()) + ": Q = " + fixed(heterogeneity.q(), 2)
                    + ", df = " + heterogeneity.df() + ", " + p(heterogeneity.pValue()) + "; I\u00b2 = " + fixed(heterogeneity.iSquared(), 1)
                    + "%; \u03c4\u00b2 = " + fixed(heterogeneity.tauSquared(), 4)
                    + (subgroup.predictionInterval() == null ? "; no prediction interval below 3 studies." : "."));
        }
        if (view.subgroupDifferences() != null) {
            notes.add("Test for subgroup differences (random effects): Q = " + fixed(view.subgroupDifferences().q(), 2) + ", df = "
                    + view.subgroupDifferences().df() + ", " + p(view.subgroupDifferences().pValue()) + ". No estimate across contrasts.");
        }
        notes.add("Square areas are proportional to the weights of the model asked for (model=" + model.code() + "); its diamond is filled and its"
                + " estimate dashed.");
        notes.add("SE of ln(HR) from each CI's width and level; one result per trial and contrast; the results left out and why: GET /api/v1/meta-analysis.");
        int excluded = view.excluded().size();
        String subtitle = trials + " trials pooled in " + blocks.size() + (blocks.size() == 1 ? " contrast" : " contrasts, each on its own") + "; "
                + excluded + " matching " + (excluded == 1 ? "result" : "results") + " not pooled.";
        return ForestPlot.render(new ForestPlot.Spec(title.orElse("Meta-analysis of hazard ratios \u2014 " + query.words()), subtitle, "HR (CI)", "Weight %",
                List.of("Fixed", "Random"), "Hazard ratio (log scale)", true, blocks, notes));
    }

    private static boolean plottable(ResultView result) {
        ResultView.Comparison comparison = result.comparison();
        return comparison != null && comparison.estimate() != null && comparison.ciLower() != null && comparison.ciUpper() != null
                && comparison.estimate().signum() > 0 && comparison.ciLower().signum() > 0 && comparison.ciUpper().signum() > 0;
    }

    private static ForestPlot.Row row(ResultView result, ResultDetails.Details details, String value, List<String> columns, double marker) {
        ResultView.Comparison comparison = result.comparison();
        return new ForestPlot.Row(result.id(), result.trial().acronym(), detail(result), details.arm(result, comparison.experimentalArm()).label(),
                details.arm(result, comparison.controlArm()).label(), comparison.estimate().doubleValue(),
                comparison.ciLower().doubleValue(), comparison.ciUpper().doubleValue(), value, columns, marker);
    }

    /** Endpoint (and timepoint), population, the kind of analysis where stated, and whether another source disagrees. */
    private static String detail(ResultView result) {
        StringBuilder detail = new StringBuilder(result.endpoint());
        if (result.timepoint() != null) {
            detail.append(' ').append(result.timepoint());
        }
        detail.append(" \u00b7 ").append(result.population().label());
        String analysis = result.analysis().type();
        if (analysis != null && !"not-stated".equals(analysis)) {
            detail.append(" \u00b7 ").append(analysis);
        }
        if (result.conflicting()) {
            detail.append(" \u00b7 conflicting report");
        }
        return detail.toString();
    }

    private static ForestPlot.Summary summary(String id, String label, MetaAnalysisView.Pooled pooled, List<String> columns, boolean emphasised) {
        return new ForestPlot.Summary(id, label + ", " + p(pooled.pValue()), pooled.hazardRatio().doubleValue(), pooled.ciLower().doubleValue(),
                pooled.ciUpper().doubleValue(), ratio(pooled.hazardRatio()) + " (" + ratio(pooled.ciLower()) + "\u2013" + ratio(pooled.ciUpper()) + ")",
                columns, emphasised);
    }

    private static double weight(MetaAnalysisView.Study study, EffectModel model) {
        return (model == EffectModel.FIXED ? study.weightFixed() : study.weightRandom()).doubleValue();
    }

    /** A study's values as the source printed them, with the CI level when it is not 95%. */
    private static String interval(BigDecimal estimate, BigDecimal lower, BigDecimal upper, BigDecimal level) {
        String text = plain(estimate) + " (" + plain(lower) + "\u2013" + plain(upper) + ")";
        if (level == null) {
            return text + ", CI level not stated";
        }
        return level.compareTo(LEVEL_95) == 0 ? text : text + ", " + plain(level.movePointRight(2)) + "% CI";
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    /** Computed ratios: two decimals, or three significant digits below 0.1. */
    private static String ratio(BigDecimal value) {
        return value.compareTo(new BigDecimal("0.1")) >= 0 ? fixed(value, 2) : value.round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String fixed(BigDecimal value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(BigDecimal weight) {
        return fixed(weight, 1);
    }

    private static String p(BigDecimal p) {
        return p.compareTo(new BigDecimal("0.001")) < 0 ? "p < 0.001" : "p = " + fixed(p, 3);
    }
}
