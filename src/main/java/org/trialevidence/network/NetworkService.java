package org.trialevidence.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.analysis.MetaAnalysisService;
import org.trialevidence.analysis.PoolRequest;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.contrast.ContrastTerm;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.stats.Heterogeneity;
import org.trialevidence.stats.NetworkMetaAnalysis;
import org.trialevidence.stats.NetworkStudy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleFunction;

/** Network meta-analyses of contrasts sent in a request or of the curated results a query matches. */
@ApplicationScoped
public class NetworkService {
    static final double LEVEL = 0.95;
    static final String METHOD = "Frequentist consistency model on the contrast scale (ln ratio for HR, OR, RR; the difference for MD):"
            + " one effect per treatment relative to the reference, fitted by generalised least squares to every study's contrasts with"
            + " their covariance (a multi-arm study's contrasts share an arm, so they are correlated). Fixed effect: netmeta's"
            + " graph-theoretical estimate, equal to metafor rma.mv(yi, V, mods = X, method = \"FE\"). Random effects: one heterogeneity"
            + " variance tau^2 for every comparison, by REML, the random effects of one multi-arm study correlated 1/2 (rma.mv(..., random ="
            + " ~ comp | study, rho = 1/2, method = \"REML\")). Wald 95% CIs. P-scores (Rücker & Schwarzer 2015): the mean over the other"
            + " treatments of the one-sided probability of being better. Inconsistency: Krahn's design-by-treatment decomposition of the"
            + " fixed-effect Q, and node-splitting that separates the evidence: direct = the studies comparing the two treatments, indirect ="
            + " the network of all other studies, both with the network's tau^2 (random effects), compared by a z test. Assumes transitivity"
            + " (the treatments' effects do not depend on which trials compared them: populations, lines and backgrounds alike across the"
            + " network) and one tau^2 for all comparisons. Do not trust a comparison that rests on one trial, nor an answer whose"
            + " design-by-treatment Q between designs or a node-split shows inconsistency.";
    private static final String NODE_SPLIT_METHOD = "Separating the evidence: direct = the pooled contrast of the studies comparing the two (each"
            + " study's own contrast), indirect = the network of all other studies (their connected part holding both), each with the"
            + " network's tau^2 for random effects; difference = direct - indirect, two-sided z test. Missing indirect: no other study links them.";
    /** Node-split and between-design p-values below this are warned about. */
    private static final double INCONSISTENCY_P = 0.05;

    @Inject
    MetaAnalysisService metaAnalyses;
    @Inject
    ObjectMapper mapper;

    private ObjectReader requests;

    @PostConstruct
    void strictReader() {
        requests = PoolRequest.strictReader(mapper, NetworkRequest.class);
    }

    /** What the analysis takes, besides the studies: how to name, scale and orient. */
    record Setting(String effectMeasure, boolean ratio, String reference, boolean smallValuesDesirable) { }

    /** A study with what it came from. */
    record Source(NetworkStudy study, String trial, List<String> resultIds) { }

    NetworkView analyse(String body) {
        NetworkRequest request = NetworkRequest.read(requests, body);
        List<NetworkStudy.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < request.contrasts().size(); i++) {
            NetworkRequest.ContrastInput contrast = request.contrasts().get(i);
            pairs.add(new NetworkStudy.Pair(i, contrast.study().strip(), contrast.treatment1().strip(), contrast.treatment2().strip(),
                    contrast.estimate().doubleValue(), contrast.standardError().doubleValue()));
        }
        List<NetworkStudy> studies;
        try {
            studies = NetworkStudy.fromPairs(pairs);
        } catch (NetworkStudy.InvalidStudyException e) {
            throw ProblemException.invalidBody(e.index() < 0 ? "contrasts" : "contrasts[" + e.index() + "]", e.getMessage(), null);
        }
        List<List<String>> parts = NetworkMetaAnalysis.parts(studies);
        List<String> treatments = parts.stream().flatMap(List::stream).sorted().toList();
        if (treatments.size() < 2) {
            throw ProblemException.invalidBody("contrasts", "A network needs at least 2 treatments; got " + treatments.size() + ".", null);
        }
        if (parts.size() > 1) {
            StringBuilder detail = new StringBuilder("The network is not connected: no chain of studies links its " + parts.size() + " parts, ");
            for (int i = 0; i < parts.size(); i++) {
                detail.append(i == 0 ? "" : "; ").append("part ").append(i + 1).append(": ").append(String.join(", ", parts.get(i)));
            }
            throw ProblemException.invalidBody("contrasts", detail + ". Analyse each part on its own.", null);
        }
        String reference = request.reference().strip();
        if (!treatments.contains(reference)) {
            throw ProblemException.invalidBody("reference", "'" + reference + "' is not a treatment of the contrasts.", treatments);
        }
        Setting setting = new Setting(request.effectMeasure(), request.ratio(), reference, request.smallValuesDesirable());
        List<Source> sources = studies.stream().map(study -> new Source(study, null, null)).toList();
        return view(setting, sources, List.of(), List.of());
    }

    /** A network of the curated data: its view and the graph. */
    record Curated(NetworkView view, List<Source> sources) { }

    Curated curated(ResultFilter filter, NodeLevel nodes, String requestedReference) {
        MetaAnalysisService.refuseOutcomeSelection(filter);
        if (filter.endpoints().size() != 1) {
            throw ProblemException.invalidParameter("endpoint", "endpoint is required, exactly one: a network pools one endpoint's hazard ratios.", null, null);
        }
        if (!filter.effectMeasures().isEmpty() && !filter.effectMeasures().equals(Set.of("HR"))) {
            throw ProblemException.invalidParameter("effectMeasure", "The curated network is of hazard ratios: effectMeasure is HR or left out.", List.of("HR"), null);
        }
        Map<String, List<MetaAnalysisService.PoolableComparison>> byTrial = new LinkedHashMap<>();
        metaAnalyses.poolableComparisons(filter).forEach(c -> byTrial.computeIfAbsent(c.result().trial().id(), id -> new ArrayList<>()).add(c));
        List<String> warnings = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        byTrial.forEach((trial, comparisons) -> CuratedStudies.of(comparisons, nodes, warnings).ifPresent(sources::add));
        List<List<String>> parts = NetworkMetaAnalysis.parts(sources.stream().map(Source::study).toList());
        if (parts.isEmpty() || parts.get(0).size() < 2) {
            throw ProblemException.cannotAnalyse("endpoint", "No two treatments are compared by the matching trials with a hazard ratio and its CI;"
                    + " GET /api/v1/contrasts with the same parameters lists what is poolable.", null);
        }
        List<String> answered = parts.get(0);
        List<Source> inside = sources.stream().filter(source -> answered.contains(source.study().arms().get(0))).toList();
        List<NetworkView.LeftOut> leftOut = new ArrayList<>();
        for (List<String> part : parts.subList(1, parts.size())) {
            leftOut.add(new NetworkView.LeftOut(part, sources.stream().filter(source -> part.contains(source.study().arms().get(0)))
                    .map(source -> source.study().name()).toList()));
        }
        String reference = requestedReference != null ? requestedReference : mostStudied(inside);
        if (!answered.contains(reference)) {
            throw ProblemException.invalidParameter("reference", "'" + reference + "' is not a treatment of the connected network.", answered, null);
        }
        return new Curated(view(new Setting("HR", true, reference, true), inside, leftOut, warnings), inside);
    }

    private static String mostStudied(List<Source> sources) {
        Map<String, Integer> count = new LinkedHashMap<>();
        sources.forEach(source -> source.study().arms().forEach(arm -> count.merge(arm, 1, Integer::sum)));
        return count.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    private static NetworkView view(Setting setting, List<Source> sources, List<NetworkView.LeftOut> leftOut, List<String> notes) {
        List<NetworkStudy> studies = sources.stream().map(Source::study).toList();
        NetworkMetaAnalysis.Result result = NetworkMetaAnalysis.analyse(studies, setting.reference(), LEVEL);
        DoubleFunction<BigDecimal> shown = value -> MetaAnalysisService.round(setting.ratio() ? Math.exp(value) : value);
        List<String> treatments = result.fixed().treatments();
        List<NetworkView.LeagueEntry> league = new ArrayList<>();
        for (String row : treatments) {
            for (String column : treatments) {
                if (!row.equals(column)) {
                    league.add(new NetworkView.LeagueEntry(row, column, interval(result.fixed().compare(row, column), shown),
                            interval(result.random().compare(row, column), shown)));
                }
            }
        }
        Map<String, Double> fixedScores = result.fixed().pScores(setting.smallValuesDesirable());
        Map<String, Double> randomScores = result.random().pScores(setting.smallValuesDesirable());
        List<NetworkView.RankedTreatment> ranked = treatments.stream()
                .sorted(Comparator.comparingDouble((String t) -> -randomScores.get(t)).thenComparing(t -> t))
                .map(t -> new NetworkView.RankedTreatment(t, MetaAnalysisService.round(fixedScores.get(t)), MetaAnalysisService.round(randomScores.get(t))))
                .toList();
        NetworkMetaAnalysis.DesignByTreatment q = result.designByTreatment();
        NetworkView.Inconsistency inconsistency = new NetworkView.Inconsistency(
                new NetworkView.DesignByTreatment(q(q.total()), q(q.withinDesigns()), q(q.betweenDesigns())),
                new NetworkView.NodeSplitting(NODE_SPLIT_METHOD, splits(result.fixedNodeSplits(), shown), splits(result.randomNodeSplits(), shown)));
        List<NetworkView.Study> studyViews = sources.stream().map(source -> new NetworkView.Study(source.study().name(),
                List.copyOf(new TreeSet<>(source.study().arms())), source.trial(), source.resultIds())).toList();
        Map<List<String>, List<String>> byPair = new LinkedHashMap<>();
        result.fixedNodeSplits().forEach(split -> byPair.put(List.of(split.treatment(), split.versus()), new ArrayList<>()));
        for (NetworkStudy study : studies) {
            byPair.forEach((pair, labels) -> {
                if (study.arms().containsAll(pair)) {
                    labels.add(study.name());
                }
            });
        }
        List<NetworkView.Comparison> comparisons = byPair.entrySet().stream()
                .map(entry -> new NetworkView.Comparison(entry.getKey().get(0), entry.getKey().get(1), entry.getValue())).toList();
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(warnings(result));
        return new NetworkView(setting.effectMeasure(), setting.ratio() ? "log" : "identity", setting.reference(),
                new NetworkView.Method("frequentist consistency model, fixed and random effects (REML), Wald 95% CIs", METHOD),
                model(result.fixed(), setting.reference(), shown, false), model(result.random(), setting.reference(), shown, true),
                league, new NetworkView.Ranking(setting.smallValuesDesirable() ? "desirable" : "undesirable", ranked), inconsistency,
                studyViews, comparisons, leftOut.isEmpty() ? null : leftOut, warnings);
    }

    private static List<String> warnings(NetworkMetaAnalysis.Result result) {
        List<String> warnings = new ArrayList<>();
        Set<String> single = new LinkedHashSet<>();
        for (NetworkMetaAnalysis.NodeSplit split : result.fixedNodeSplits()) {
            if (split.indirect() == null && split.studies() == 1) {
                single.add(split.treatment() + " vs " + split.versus());
            }
        }
        if (!single.isEmpty()) {
            warnings.add("Resting on one study, with nothing else linking the two treatments (every estimate through them depends on that study alone): "
                    + String.join("; ", single) + ".");
        }
        Heterogeneity.Q between = result.designByTreatment().betweenDesigns();
        if (between.df() > 0 && between.pValue() < INCONSISTENCY_P) {
            warnings.add("Inconsistency between designs (design-by-treatment Q = " + MetaAnalysisService.round(between.value()).toPlainString()
                    + ", df " + between.df() + ", p = " + MetaAnalysisService.round(between.pValue()).toPlainString()
                    + "): direct and indirect evidence disagree; the consistency model's estimates are doubtful.");
        }
        Set<String> split = new HashSet<>();
        for (NetworkMetaAnalysis.NodeSplit s : result.randomNodeSplits()) {
            if (s.difference() != null && s.difference().pValue() < INCONSISTENCY_P) {
                split.add(s.treatment() + " vs " + s.versus());
            }
        }
        if (!split.isEmpty()) {
            warnings.add("Direct and indirect evidence differ (node-split p < 0.05, random effects): " + String.join("; ", new TreeSet<>(split)) + ".");
        }
        return warnings;
    }

    private static NetworkView.Model model(NetworkMetaAnalysis.Fit fit, String reference, DoubleFunction<BigDecimal> shown, boolean random) {
        List<NetworkView.Estimate> estimates = fit.treatments().stream().filter(t -> !t.equals(reference)).map(t -> {
            NetworkMetaAnalysis.Comparison c = fit.compare(t, reference);
            return new NetworkView.Estimate(t, reference, shown.apply(c.estimate()), shown.apply(c.ciLower()), shown.apply(c.ciUpper()),
                    MetaAnalysisService.round(c.standardError()));
        }).toList();
        return new NetworkView.Model(estimates, random ? MetaAnalysisService.round(fit.tauSquared()) : null);
    }

    private static NetworkView.Interval interval(NetworkMetaAnalysis.Comparison c, DoubleFunction<BigDecimal> shown) {
        return new NetworkView.Interval(shown.apply(c.estimate()), shown.apply(c.ciLower()), shown.apply(c.ciUpper()));
    }

    private static List<NetworkView.Split> splits(List<NetworkMetaAnalysis.NodeSplit> splits, DoubleFunction<BigDecimal> shown) {
        return splits.stream().map(s -> new NetworkView.Split(s.treatment(), s.versus(), s.studies(), interval(s.direct(), shown),
                s.indirect() == null ? null : interval(s.indirect(), shown),
                s.difference() == null ? null : MetaAnalysisService.round(s.difference().estimate()),
                s.difference() == null ? null : MetaAnalysisService.round(s.difference().pValue()))).toList();
    }

    private static NetworkView.Q q(Heterogeneity.Q q) {
        return new NetworkView.Q(MetaAnalysisService.round(q.value()), q.df(), MetaAnalysisService.round(q.pValue()));
    }

    /** The names a contrast's arms get at each node level; a class continued after progression is named so, as the contrast does. */
    static String experimental(Contrast contrast, NodeLevel nodes) {
        List<ContrastTerm> terms = new ArrayList<>(contrast.added());
        terms.addAll(contrast.common());
        return name(terms, contrast.continued(), nodes);
    }

    static String control(Contrast contrast, NodeLevel nodes) {
        List<ContrastTerm> terms = new ArrayList<>(contrast.removed());
        terms.addAll(contrast.common());
        return name(terms, List.of(), nodes);
    }

    /** Sorted, so that the same regimen gets the same name whichever arm of whichever trial it is. */
    private static String name(List<ContrastTerm> terms, List<ContrastTerm> continued, NodeLevel nodes) {
        TreeSet<String> parts = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        terms.forEach(term -> parts.addAll(names(term, nodes, "")));
        continued.forEach(term -> parts.addAll(names(term, nodes, " continued")));
        return parts.isEmpty() ? "placebo" : String.join(" + ", parts);
    }

    private static List<String> names(ContrastTerm term, NodeLevel nodes, String suffix) {
        List<String> names = nodes == NodeLevel.DRUG && !term.drugs().isEmpty() ? term.drugs() : List.of(term.code());
        return names.stream().map(name -> name + suffix).toList();
    }
}
