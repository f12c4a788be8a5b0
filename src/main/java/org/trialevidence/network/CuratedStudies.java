package org.trialevidence.network;

import org.trialevidence.analysis.MetaAnalysisService;
import org.trialevidence.stats.NetworkStudy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One trial's chosen comparisons as one network study. A trial that reports every pair of its arms becomes the
 * study those pairs make; a trial that reports its arms against one shared arm (the usual multi-arm report) becomes a
 * study of contrasts against that arm, whose covariance the reports do not give: it is taken as half the smaller
 * contrast variance, what equal arm variances would give.
 */
final class CuratedStudies {
    private CuratedStudies() {
    }

    static Optional<NetworkService.Source> of(List<MetaAnalysisService.PoolableComparison> comparisons, NodeLevel nodes, List<String> warnings) {
        String trial = comparisons.get(0).result().trial().id();
        String label = comparisons.get(0).result().trial().acronym();
        List<Row> rows = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (MetaAnalysisService.PoolableComparison c : comparisons) {
            String experimental = NetworkService.experimental(c.contrast(), nodes);
            String control = NetworkService.control(c.contrast(), nodes);
            if (experimental.equals(control)) {
                warnings.add(label + ": " + c.result().id() + " compares two arms of the same node (" + experimental + ") and is left out.");
            } else if (!seen.add(Set.of(experimental, control))) {
                warnings.add(label + ": " + c.result().id() + " repeats the trial's comparison of " + experimental + " with " + control
                        + " at this node level and is left out.");
            } else {
                rows.add(new Row(c, experimental, control));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> arms = new LinkedHashMap<>();
        rows.forEach(row -> {
            arms.merge(row.control(), 1, Integer::sum);
            arms.merge(row.experimental(), 1, Integer::sum);
        });
        int k = arms.size();
        if (rows.size() == k * (k - 1) / 2 && k > 2) {
            try {
                List<NetworkStudy.Pair> pairs = rows.stream().map(row -> new NetworkStudy.Pair(0, label, row.experimental(), row.control(),
                        row.comparison().logHazardRatio(), row.comparison().standardError())).toList();
                return Optional.of(source(NetworkStudy.fromPairs(pairs).get(0), trial, rows));
            } catch (NetworkStudy.InvalidStudyException e) {
                warnings.add(label + ": " + e.getMessage() + " Only its comparisons against its most compared arm are used.");
            }
        }
        String base = arms.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Row> star = new ArrayList<>();
        for (Row row : rows) {
            if (row.experimental().equals(base) || row.control().equals(base)) {
                star.add(row);
            } else {
                warnings.add(label + ": " + row.comparison().result().id() + " does not involve the trial's shared arm " + base + " and is left out.");
            }
        }
        List<String> studyArms = new ArrayList<>(List.of(base));
        double[] estimates = new double[star.size()];
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < star.size(); i++) {
            Row row = star.get(i);
            boolean baseIsControl = row.control().equals(base);
            studyArms.add(baseIsControl ? row.experimental() : row.control());
            estimates[i] = baseIsControl ? row.comparison().logHazardRatio() : -row.comparison().logHazardRatio();
            smallest = Math.min(smallest, row.comparison().standardError() * row.comparison().standardError());
        }
        double[][] covariance = new double[star.size()][star.size()];
        for (int i = 0; i < star.size(); i++) {
            for (int j = 0; j < star.size(); j++) {
                double se = star.get(i).comparison().standardError();
                covariance[i][j] = i == j ? se * se : smallest / 2;
            }
        }
        if (star.size() > 1) {
            warnings.add(label + ": a multi-arm trial reported against its shared arm " + base + "; the covariance of its comparisons is"
                    + " approximated as half the smaller variance (equal arm variances).");
        }
        return Optional.of(source(new NetworkStudy(label, List.copyOf(studyArms), estimates, covariance), trial, star));
    }

    private static NetworkService.Source source(NetworkStudy study, String trial, List<Row> rows) {
        return new NetworkService.Source(study, trial, rows.stream().map(row -> row.comparison().result().id()).toList());
    }

    private record Row(MetaAnalysisService.PoolableComparison comparison, String experimental, String control) { }
}
