package org.trialevidence.result;

import org.trialevidence.api.RawJson;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.dataset.SourceView;
import org.trialevidence.index.Postings;
import org.trialevidence.index.RowOrder;
import org.trialevidence.index.VocabularyPostings;
import org.trialevidence.trial.Arm;
import org.trialevidence.trial.ArmDrug;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The results of one dataset version as bit-set postings and precomputed orders, so that a filtered, sorted page
 * is a few bit-set operations and a walk down one order, whatever the size of the dataset. Rows are numbered in
 * the default order (trial acronym, then curation order). Immutable once built.
 */
final class ResultIndex {
    final String version;
    final String[] ids;
    /** Views of every row, and their JSON, when the dataset is small enough to keep them; otherwise pages are read from the database. */
    final ResultView[] views;
    final RawJson[] json;
    private final VocabularyPostings terms;
    /** The rows of each trial: a short array each, where a bit set per trial would cost rows / 8 bytes per trial. */
    private final Map<String, int[]> trialRows;
    private final Postings populationTypes;
    private final Postings effectMeasures;
    private final Postings studyTypes;
    private final Postings documents;
    /** Drug and drug-class codes each result's contrast adds, and the classes it is measured against. */
    private final Postings added;
    private final Postings comparators;
    private final BitSet significant;
    private final BitSet notSignificant;
    private final BitSet conflicting;
    private final double[] hazardRatios;
    private final String[][] armLabels;
    private final List<Set<String>> armDrugs;
    private final Map<String, RowOrder> orders;

    private ResultIndex(Builder builder) {
        int count = builder.ids.size();
        version = builder.version;
        ids = builder.ids.toArray(String[]::new);
        views = builder.views == null ? null : builder.views.toArray(ResultView[]::new);
        json = builder.json == null ? null : builder.json.toArray(RawJson[]::new);
        terms = builder.terms;
        trialRows = new HashMap<>();
        builder.trialRows.forEach((trial, rows) -> trialRows.put(trial, rows.stream().mapToInt(Integer::intValue).toArray()));
        populationTypes = builder.populationTypes;
        effectMeasures = builder.effectMeasures;
        studyTypes = builder.studyTypes;
        documents = builder.documents;
        added = builder.added;
        comparators = builder.comparators;
        significant = builder.significant;
        notSignificant = builder.notSignificant;
        conflicting = builder.conflicting;
        hazardRatios = builder.hazardRatios.stream().mapToDouble(Double::doubleValue).toArray();
        armLabels = builder.armLabels.toArray(String[][]::new);
        armDrugs = List.copyOf(builder.armDrugs);
        List<String> endpointCodes = builder.endpointCodes;
        List<BigDecimal> estimates = builder.estimates;
        List<BigDecimal> pValues = builder.pValues;
        orders = Map.of(
                "trial", RowOrder.identity(count),
                "endpoint", RowOrder.by(count, endpointCodes::get),
                "hazardRatio", RowOrder.by(count, estimates::get),
                "estimate", RowOrder.by(count, estimates::get),
                "pValue", RowOrder.by(count, pValues::get),
                "id", RowOrder.by(count, row -> ids[row]));
    }

    /**
     * One result as the index needs it, read once from the database: the columns it filters and sorts on, and its
     * view and JSON when views are kept. A write replaces the rows of the trials it changed and keeps the others.
     */
    record Row(String id, String trialId, String endpoint, String setting, String studyType, String populationType,
               String effectMeasure, List<String> biomarkers, List<String> documents, List<String> addedCodes,
               List<String> comparatorCodes, Boolean significant, boolean conflicting, BigDecimal estimate, BigDecimal pValue,
               List<String> armLabels, List<ArmDrug> drugs, ResultView view, RawJson json) {

        /** The view is the one the API serves (it has the biomarkers, sources and contrast); it is kept only when asked. */
        static Row of(Result result, ResultView view, RawJson json, boolean keepView) {
            Contrast contrast = view.comparison() == null ? null : view.comparison().contrast();
            List<String> labels = new ArrayList<>();
            List<ArmDrug> drugs = new ArrayList<>();
            for (Arm arm : result.arms) {
                labels.add(arm.label.toLowerCase(Locale.ROOT));
                drugs.addAll(arm.drugs);
            }
            return new Row(result.id, result.trial.id, result.endpoint, result.trial.setting, result.trial.studyType, result.populationType,
                    result.effectMeasure, view.biomarkers(), view.sources().stream().map(SourceView::document).distinct().toList(),
                    contrast == null ? List.of() : List.copyOf(contrast.addedCodes()),
                    contrast == null ? List.of() : List.copyOf(contrast.comparatorCodes()),
                    result.significant, result.conflicting, result.estimate, result.pValue, List.copyOf(labels), List.copyOf(drugs),
                    keepView ? view : null, keepView ? json : null);
        }
    }

    /** Collects rows in the default order while the results stream past. */
    static final class Builder {
        private final String version;
        private final List<String> ids = new ArrayList<>();
        private final List<ResultView> views;
        private final VocabularyPostings terms = new VocabularyPostings();
        private final Map<String, List<Integer>> trialRows = new HashMap<>();
        private final Postings populationTypes = new Postings();
        private final Postings effectMeasures = new Postings();
        private final Postings studyTypes = new Postings();
        private final Postings documents = new Postings();
        private final Postings added = new Postings();
        private final Postings comparators = new Postings();
        private final BitSet significant = new BitSet();
        private final BitSet notSignificant = new BitSet();
        private final BitSet conflicting = new BitSet();
        private final List<Double> hazardRatios = new ArrayList<>();
        private final List<String[]> armLabels = new ArrayList<>();
        private final List<Set<String>> armDrugs = new ArrayList<>();
        private final List<String> endpointCodes = new ArrayList<>();
        private final List<BigDecimal> estimates = new ArrayList<>();
        private final List<BigDecimal> pValues = new ArrayList<>();

        private final List<RawJson> json;
        private final Map<String, String> labels = new HashMap<>();
        private final Map<List<String>, String[]> labelLists = new HashMap<>();
        private final Map<Set<String>, Set<String>> drugSets = new HashMap<>();

        Builder(String version, boolean keepViews) {
            this.version = version;
            this.views = keepViews ? new ArrayList<>() : null;
            this.json = keepViews ? new ArrayList<>() : null;
        }

        void add(Row result) {
            int row = ids.size();
            ids.add(result.id());
            if (views != null) {
                views.add(result.view());
                json.add(result.json());
            }
            trialRows.computeIfAbsent(result.trialId(), id -> new ArrayList<>(12)).add(row);
            terms.of(VocabularyKind.ENDPOINTS).add(result.endpoint(), row);
            terms.of(VocabularyKind.SETTINGS).add(result.setting(), row);
            terms.of(VocabularyKind.BIOMARKERS).addAll(result.biomarkers(), row);
            populationTypes.add(result.populationType(), row);
            effectMeasures.add(result.effectMeasure(), row);
            studyTypes.add(result.studyType(), row);
            result.documents().forEach(document -> documents.add(document, row));
            added.addAll(result.addedCodes(), row);
            comparators.addAll(result.comparatorCodes(), row);
            if (Boolean.TRUE.equals(result.significant())) {
                significant.set(row);
            } else if (Boolean.FALSE.equals(result.significant())) {
                notSignificant.set(row);
            }
            if (result.conflicting()) {
                conflicting.set(row);
            }
            hazardRatios.add("HR".equals(result.effectMeasure()) && result.estimate() != null ? result.estimate().doubleValue() : Double.NaN);
            Set<String> drugCodes = new HashSet<>();
            for (ArmDrug drug : result.drugs()) {
                drugCodes.add(drug.drug());
                terms.of(VocabularyKind.DRUGS).add(drug.drug(), row);
                terms.of(VocabularyKind.DRUG_CLASSES).add(drug.drugClass(), row);
            }
            // Results of one trial share their arms: one copy of each label list and drug set, not one per result
            // (900,000 results would otherwise hold about 2 million label strings).
            armLabels.add(labelLists.computeIfAbsent(result.armLabels(), key -> key.stream().map(label -> this.labels.computeIfAbsent(label, l -> l))
                    .toArray(String[]::new)));
            armDrugs.add(drugSets.computeIfAbsent(drugCodes, Set::copyOf));
            endpointCodes.add(result.endpoint());
            estimates.add(result.estimate());
            pValues.add(result.pValue());
        }

        ResultIndex build() {
            return new ResultIndex(this);
        }
    }

    int size() {
        return ids.length;
    }

    /** The rows the filter matches. */
    BitSet matching(ResultFilter filter) {
        BitSet rows = new BitSet();
        rows.set(0, ids.length);
        if (!filter.trialIds().isEmpty()) {
            BitSet ofTrials = new BitSet();
            for (String trial : filter.trialIds()) {
                for (int row : trialRows.getOrDefault(trial, new int[0])) {
                    ofTrials.set(row);
                }
            }
            rows.and(ofTrials);
        }
        terms.of(VocabularyKind.ENDPOINTS).narrow(rows, filter.endpoints());
        terms.of(VocabularyKind.SETTINGS).narrow(rows, filter.settings());
        terms.of(VocabularyKind.BIOMARKERS).narrow(rows, filter.biomarkers());
        terms.of(VocabularyKind.DRUGS).narrow(rows, filter.drugs());
        terms.of(VocabularyKind.DRUG_CLASSES).narrow(rows, filter.drugClasses());
        added.narrow(rows, filter.added());
        comparators.narrow(rows, filter.comparators());
        effectMeasures.narrow(rows, filter.effectMeasures());
        studyTypes.narrow(rows, filter.studyTypes());
        filter.populationType().ifPresent(type -> rows.and(populationTypes.anyOf(Set.of(type))));
        filter.significant().ifPresent(wanted -> rows.and(wanted ? significant : notSignificant));
        filter.conflicting().ifPresent(wanted -> {
            if (wanted) {
                rows.and(conflicting);
            } else {
                rows.andNot(conflicting);
            }
        });
        filter.maxHazardRatio().ifPresent(max -> keep(rows, row -> hazardRatios[row] <= max.doubleValue()));
        for (ResultFilter.ArmMatch arm : filter.arms()) {
            keep(rows, row -> armMatches(row, arm));
        }
        filter.resultIds().ifPresent(only -> keep(rows, row -> only.contains(ids[row])));
        return rows;
    }

    private boolean armMatches(int row, ResultFilter.ArmMatch arm) {
        for (String label : armLabels[row]) {
            if (label.contains(arm.labelText())) {
                return true;
            }
        }
        return arm.drugs().stream().anyMatch(armDrugs.get(row)::contains);
    }

    private static void keep(BitSet rows, IntPredicate test) {
        for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
            if (!test.test(row)) {
                rows.clear(row);
            }
        }
    }

    RowOrder order(String sortKey) {
        return orders.get(sortKey);
    }

    /** Results using any of the codes of a vocabulary. */
    int countUsing(VocabularyKind kind, Set<String> codes) {
        return terms.countUsing(kind, codes);
    }

    int countQuoting(String document) {
        return documents.anyOf(Set.of(document)).cardinality();
    }

    int countConflicting() {
        return conflicting.cardinality();
    }
}
