package org.trialevidence.result;

import org.trialevidence.entity.Result;
import org.trialevidence.api.RawJson;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.dataset.SourceView;
import org.trialevidence.index.Postings;
import org.trialevidence.index.Renumbering;
import org.trialevidence.index.RowOrder;
import org.trialevidence.index.RowSet;
import org.trialevidence.index.SharedValues;
import org.trialevidence.index.VocabularyPostings;
import org.trialevidence.entity.Arm;
import org.trialevidence.entity.ArmDrug;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The results of one dataset version as postings (ascending row numbers per term) and precomputed orders, so that a
 * filtered, sorted page costs in proportion to the rows its terms carry: the postings merged smallest first, then
 * the first positions of the matches in one order. Rows are numbered in the default order (trial acronym, then
 * curation order). Immutable once built.
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
    private final Postings.Rows significant;
    private final Postings.Rows notSignificant;
    private final Postings.Rows conflicting;
    private final double[] hazardRatios;
    private final String[][] armLabels;
    private final Set<String>[] armDrugs;
    /** The sort keys of each row, kept so that a patch can put fresh rows into the orders. */
    private final String[] endpointCodes;
    private final BigDecimal[] estimates;
    private final BigDecimal[] pValues;
    private final Map<String, RowOrder> orders;

    private ResultIndex(Builder builder) {
        int count = builder.ids.size();
        version = builder.version;
        ids = builder.ids.toArray(String[]::new);
        views = builder.views == null ? null : builder.views.toArray(ResultView[]::new);
        json = builder.json == null ? null : builder.json.toArray(RawJson[]::new);
        terms = builder.terms;
        trialRows = builder.trialRows;
        populationTypes = builder.populationTypes;
        effectMeasures = builder.effectMeasures;
        studyTypes = builder.studyTypes;
        documents = builder.documents;
        added = builder.added;
        comparators = builder.comparators;
        significant = builder.significant;
        notSignificant = builder.notSignificant;
        conflicting = builder.conflicting;
        hazardRatios = Arrays.copyOf(builder.hazardRatios, count);
        armLabels = builder.armLabels.toArray(String[][]::new);
        armDrugs = builder.armDrugs.toArray(newDrugSets(0));
        endpointCodes = builder.endpointCodes.toArray(String[]::new);
        estimates = builder.estimates.toArray(BigDecimal[]::new);
        pValues = builder.pValues.toArray(BigDecimal[]::new);
        orders = sortOrders(count, RowOrder.sorting(count));
    }

    /**
     * Whether each fresh trial has the very rows it had: with the fresh rows being the replaced ones, no other trial
     * lost or gained a row, and the held map of rows by trial is that of the next version too (shared, never changed).
     */
    private static boolean sameRows(Map<String, int[]> held, Map<String, int[]> fresh) {
        for (Map.Entry<String, int[]> trial : fresh.entrySet()) {
            if (!Arrays.equals(held.get(trial.getKey()), trial.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, int[]> patchedTrialRows(ResultIndex held, Renumbering renumbering, Builder fresh) {
        Map<String, int[]> patched = new HashMap<>(held.trialRows.size() * 2);
        held.trialRows.forEach((trial, rows) -> {
            int[] renumbered = renumbering.keepsAll(rows, rows.length, rows, 0) ? rows : renumbering.renumbered(rows);
            if (renumbered.length > 0) {
                patched.put(trial, Arrays.equals(renumbered, rows) ? rows : renumbered);
            }
        });
        patched.putAll(fresh.trialRows);
        return patched;
    }

    /**
     * The index of the next version from this one: the kept rows renumbered, the fresh rows (those of the changed
     * trials, collected by {@code fresh} under their new numbers) put in. Equal to a build from every row in the
     * new order; costs array passes over the rows and work on the fresh rows only.
     */
    private ResultIndex(ResultIndex held, String version, Renumbering renumbering, Builder fresh) {
        int count = renumbering.newCount();
        this.version = version;
        if (renumbering.keepsNumbers()) {
            // A write that did not change how many results its trials have: each column is the held one when the fresh
            // rows hold the same values there (shared by both versions), else a copy with the fresh rows set.
            int[] freshRows = renumbering.freshRows();
            ids = column(held.ids, count, freshRows, fresh.ids);
            views = held.views == null ? null : column(held.views, count, freshRows, fresh.views);
            json = held.json == null ? null : column(held.json, count, freshRows, fresh.json);
            hazardRatios = column(held.hazardRatios, count, freshRows, fresh.hazardRatios);
            armLabels = column(held.armLabels, count, freshRows, fresh.armLabels);
            armDrugs = column(held.armDrugs, count, freshRows, fresh.armDrugs);
            endpointCodes = column(held.endpointCodes, count, freshRows, fresh.endpointCodes);
            estimates = column(held.estimates, count, freshRows, fresh.estimates);
            pValues = column(held.pValues, count, freshRows, fresh.pValues);
        } else {
            ids = new String[count];
            views = held.views == null ? null : new ResultView[count];
            json = held.json == null ? null : new RawJson[count];
            hazardRatios = new double[count];
            armLabels = new String[count][];
            armDrugs = newDrugSets(count);
            endpointCodes = new String[count];
            estimates = new BigDecimal[count];
            pValues = new BigDecimal[count];
            placeEveryRow(held, renumbering, fresh);
        }
        terms = held.terms.patched(renumbering, fresh.terms);
        trialRows = renumbering.replacesInPlace() && sameRows(held.trialRows, fresh.trialRows) ? held.trialRows : patchedTrialRows(held, renumbering, fresh);
        populationTypes = held.populationTypes.patched(renumbering, fresh.populationTypes);
        effectMeasures = held.effectMeasures.patched(renumbering, fresh.effectMeasures);
        studyTypes = held.studyTypes.patched(renumbering, fresh.studyTypes);
        documents = held.documents.patched(renumbering, fresh.documents);
        added = held.added.patched(renumbering, fresh.added);
        comparators = held.comparators.patched(renumbering, fresh.comparators);
        significant = held.significant.patched(renumbering, fresh.significant);
        notSignificant = held.notSignificant.patched(renumbering, fresh.notSignificant);
        conflicting = held.conflicting.patched(renumbering, fresh.conflicting);
        orders = sortOrders(count, RowOrder.patching(held.orders, renumbering));
    }

    /** Fills the columns of a patch that renumbers rows: each row from its old number or from the fresh rows. */
    private void placeEveryRow(ResultIndex held, Renumbering renumbering, Builder fresh) {
        for (int row = 0, next = 0; row < ids.length; row++) {
            int old = renumbering.oldRowOf(row);
            if (old >= 0) {
                ids[row] = held.ids[old];
                if (views != null) {
                    views[row] = held.views[old];
                    json[row] = held.json[old];
                }
                hazardRatios[row] = held.hazardRatios[old];
                armLabels[row] = held.armLabels[old];
                armDrugs[row] = held.armDrugs[old];
                endpointCodes[row] = held.endpointCodes[old];
                estimates[row] = held.estimates[old];
                pValues[row] = held.pValues[old];
            } else {
                ids[row] = fresh.ids.get(next);
                if (views != null) {
                    views[row] = fresh.views.get(next);
                    json[row] = fresh.json.get(next);
                }
                hazardRatios[row] = fresh.hazardRatios[next];
                armLabels[row] = fresh.armLabels.get(next);
                armDrugs[row] = fresh.armDrugs.get(next);
                endpointCodes[row] = fresh.endpointCodes.get(next);
                estimates[row] = fresh.estimates.get(next);
                pValues[row] = fresh.pValues.get(next);
                next++;
            }
        }
    }

    /**
     * A column of a patch whose kept rows keep their numbers: the held one when every fresh row holds the same value
     * there (equal arrays count as the same), else a copy with the fresh values set.
     */
    private static <T> T[] column(T[] held, int count, int[] freshRows, List<T> fresh) {
        boolean same = count == held.length;
        for (int i = 0; same && i < freshRows.length; i++) {
            same = Objects.deepEquals(held[freshRows[i]], fresh.get(i));
        }
        if (same) {
            return held;
        }
        T[] column = Arrays.copyOf(held, count);
        for (int i = 0; i < freshRows.length; i++) {
            column[freshRows[i]] = fresh.get(i);
        }
        return column;
    }

    /** As the column above, of numbers: {@code fresh[i]} is the value of row {@code freshRows[i]}. */
    private static double[] column(double[] held, int count, int[] freshRows, double[] fresh) {
        boolean same = count == held.length;
        for (int i = 0; same && i < freshRows.length; i++) {
            same = Double.compare(held[freshRows[i]], fresh[i]) == 0;
        }
        if (same) {
            return held;
        }
        double[] column = Arrays.copyOf(held, count);
        for (int i = 0; i < freshRows.length; i++) {
            column[freshRows[i]] = fresh[i];
        }
        return column;
    }

    /** The orders by sort key; rows are numbered in the default order (trial), so that one needs no array. */
    private Map<String, RowOrder> sortOrders(int count, RowOrder.Maker orders) {
        // hazardRatio is another name for the estimate (the API's documented alias): one order serves both.
        RowOrder byEstimate = orders.by("estimate", row -> estimates[row]);
        return Map.of(
                "trial", RowOrder.identity(count),
                "endpoint", orders.by("endpoint", row -> endpointCodes[row]),
                "hazardRatio", byEstimate,
                "estimate", byEstimate,
                "pValue", orders.by("pValue", row -> pValues[row]),
                "id", orders.by("id", row -> ids[row]));
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newDrugSets(int count) {
        return (Set<String>[]) new Set<?>[count];
    }

    /**
     * The index of the next version: the renumbering says where this index's rows go (none for the rows of the
     * changed trials), the fresh rows are those of the changed trials, in the order of their new numbers.
     */
    ResultIndex patched(String nextVersion, Renumbering renumbering, List<Row> freshRows) {
        int[] numbers = renumbering.freshRows();
        if (numbers.length != freshRows.size()) {
            throw new IllegalArgumentException(freshRows.size() + " fresh rows for " + numbers.length + " new row numbers");
        }
        Builder fresh = new Builder(nextVersion, views != null);
        for (int i = 0; i < numbers.length; i++) {
            fresh.add(numbers[i], freshRows.get(i));
        }
        return new ResultIndex(this, nextVersion, renumbering, fresh);
    }

    /**
     * One result as the index needs it, read once from the database: the columns it filters and sorts on, and its
     * view and JSON when views are kept. A write replaces the rows of the trials it changed and keeps the others.
     */
    record Row(String id, String trialId, String endpoint, String setting, String studyType, String populationType,
               String effectMeasure, List<String> biomarkers, List<String> documents, List<String> addedCodes,
               List<String> comparatorCodes, Boolean significant, boolean conflicting, BigDecimal estimate, BigDecimal pValue,
               List<String> armLabels, List<String> drugs, List<String> drugClasses, ResultView view, RawJson json) {

        /** The view is the one the API serves (it has the biomarkers, sources and contrast); it is kept only when asked. */
        static Row of(Result result, ResultView view, RawJson json, boolean keepView) {
            Contrast contrast = view.comparison() == null ? null : view.comparison().contrast();
            List<String> labels = new ArrayList<>();
            Set<String> drugs = new LinkedHashSet<>();
            Set<String> drugClasses = new LinkedHashSet<>();
            for (Arm arm : result.arms()) {
                labels.add(arm.label.toLowerCase(Locale.ROOT));
                for (ArmDrug drug : arm.drugs) {
                    drugs.add(drug.drug());
                    if (drug.drugClass() != null) {
                        drugClasses.add(drug.drugClass());
                    }
                }
            }
            return new Row(result.id, result.trial.id, result.endpoint, result.trial.setting, result.trial.studyType, result.populationType,
                    result.effectMeasure, view.biomarkers(), view.sources().stream().map(SourceView::document).distinct().toList(),
                    contrast == null ? List.of() : List.copyOf(contrast.addedCodes()),
                    contrast == null ? List.of() : List.copyOf(contrast.comparatorCodes()),
                    result.significant, result.conflicting, result.estimate, result.pValue, List.copyOf(labels), List.copyOf(drugs),
                    List.copyOf(drugClasses), keepView ? view : null, keepView ? json : null);
        }

        /** This row holding the values it repeats with other rows once (see {@link SharedValues}). */
        Row shared(SharedValues values) {
            return new Row(id, values.of(trialId), values.of(endpoint), values.of(setting), values.of(studyType), values.of(populationType),
                    values.of(effectMeasure), values.list(biomarkers), values.list(documents), values.list(addedCodes),
                    values.list(comparatorCodes), significant, conflicting, values.of(estimate), values.of(pValue), values.list(armLabels),
                    values.list(drugs), values.list(drugClasses), view, json);
        }
    }

    /**
     * Makes this index's rows again from its columns and postings, as a build reads them (no view: only an index that
     * reads its views from the database is written out), so that the read model need not hold its rows. A build from
     * the rows made makes this index again; lists of terms come in their natural order, which no posting depends on.
     */
    final class RowsAgain {
        private final SharedValues shared = new SharedValues();
        private final Postings.TermsByRow settings = byRow(terms.of(VocabularyKind.SETTINGS));
        private final Postings.TermsByRow biomarkers = byRow(terms.of(VocabularyKind.BIOMARKERS));
        private final Postings.TermsByRow drugs = byRow(terms.of(VocabularyKind.DRUGS));
        private final Postings.TermsByRow drugClasses = byRow(terms.of(VocabularyKind.DRUG_CLASSES));
        private final Postings.TermsByRow rowStudyTypes = byRow(studyTypes);
        private final Postings.TermsByRow rowPopulationTypes = byRow(populationTypes);
        private final Postings.TermsByRow rowEffectMeasures = byRow(effectMeasures);
        private final Postings.TermsByRow rowDocuments = byRow(documents);
        private final Postings.TermsByRow rowAdded = byRow(added);
        private final Postings.TermsByRow rowComparators = byRow(comparators);

        private Postings.TermsByRow byRow(Postings postings) {
            return postings.byRow(ids.length);
        }

        Row row(int row, String trialId) {
            Boolean isSignificant = significant.contains(row) ? Boolean.TRUE : notSignificant.contains(row) ? Boolean.FALSE : null;
            return new Row(ids[row], trialId, endpointCodes[row], settings.only(row), rowStudyTypes.only(row), rowPopulationTypes.only(row),
                    rowEffectMeasures.only(row), shared.list(biomarkers.of(row)), shared.list(rowDocuments.of(row)), shared.list(rowAdded.of(row)),
                    shared.list(rowComparators.of(row)), isSignificant, conflicting.contains(row), estimates[row], pValues[row],
                    shared.list(Arrays.asList(armLabels[row])), shared.list(drugs.of(row)), shared.list(drugClasses.of(row)), null, null);
        }
    }

    RowsAgain rowsAgain() {
        return new RowsAgain();
    }

    /** Collects rows in the default order while the results stream past. */
    static final class Builder {
        private final String version;
        private final List<String> ids = new ArrayList<>();
        private final List<ResultView> views;
        private final VocabularyPostings terms = new VocabularyPostings();
        /** Each trial's rows, ascending: exact arrays, one longer each time a row is added (a trial has a few). */
        private final Map<String, int[]> trialRows = new HashMap<>();
        private final Postings populationTypes = new Postings();
        private final Postings effectMeasures = new Postings();
        private final Postings studyTypes = new Postings();
        private final Postings documents = new Postings();
        private final Postings added = new Postings();
        private final Postings comparators = new Postings();
        private final Postings.Rows significant = new Postings.Rows();
        private final Postings.Rows notSignificant = new Postings.Rows();
        private final Postings.Rows conflicting = new Postings.Rows();
        /** Filled up to the number of rows added; primitive, as 900,000 boxed values were 18 MB more at a load's peak. */
        private double[] hazardRatios = new double[64];
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
            add(ids.size(), result);
        }

        /** Adds the row under that number: rows are added in ascending numbers (a patch numbers its fresh rows). */
        void add(int row, Row result) {
            ids.add(result.id());
            if (views != null) {
                views.add(result.view());
                json.add(result.json());
            }
            trialRows.merge(result.trialId(), new int[] {row}, (rows, added) -> {
                int[] longer = Arrays.copyOf(rows, rows.length + 1);
                longer[rows.length] = row;
                return longer;
            });
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
                significant.add(row);
            } else if (Boolean.FALSE.equals(result.significant())) {
                notSignificant.add(row);
            }
            if (result.conflicting()) {
                conflicting.add(row);
            }
            int added = ids.size() - 1;
            if (added == hazardRatios.length) {
                hazardRatios = Arrays.copyOf(hazardRatios, hazardRatios.length * 2);
            }
            hazardRatios[added] = "HR".equals(result.effectMeasure()) && result.estimate() != null ? result.estimate().doubleValue() : Double.NaN;
            terms.of(VocabularyKind.DRUGS).addAll(result.drugs(), row);
            terms.of(VocabularyKind.DRUG_CLASSES).addAll(result.drugClasses(), row);
            // Results of one trial share their arms: one copy of each label list and drug set, not one per result
            // (900,000 results would otherwise hold about 2 million label strings).
            armLabels.add(labelLists.computeIfAbsent(result.armLabels(), key -> key.stream().map(label -> this.labels.computeIfAbsent(label, l -> l))
                    .toArray(String[]::new)));
            armDrugs.add(drugSets.computeIfAbsent(new HashSet<>(result.drugs()), Set::copyOf));
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

    /** The rows of a trial's results, in the trial's order. */
    int[] rowsOf(String trialId) {
        return trialRows.getOrDefault(trialId, new int[0]);
    }

    /** The trials of the rows asked for: a walk over every trial's rows, for the few reads that need it. */
    Set<String> trialsOf(Collection<Integer> rows) {
        Set<Integer> wanted = new HashSet<>(rows);
        Set<String> trials = new HashSet<>();
        trialRows.forEach((trial, ofTrial) -> {
            if (Arrays.stream(ofTrial).anyMatch(wanted::contains)) {
                trials.add(trial);
            }
        });
        return trials;
    }

    /** The rows the filter matches: the postings of its terms intersected smallest first, then its other tests. */
    RowSet matching(ResultFilter filter) {
        List<RowSet> restrictions = new ArrayList<>();
        if (!filter.trialIds().isEmpty()) {
            List<RowSet> ofTrials = new ArrayList<>();
            for (String trial : filter.trialIds()) {
                ofTrials.add(RowSet.of(rowsOf(trial)));
            }
            restrictions.add(RowSet.union(ofTrials));
        }
        restrictions.add(terms.of(VocabularyKind.ENDPOINTS).restriction(filter.endpoints()));
        restrictions.add(terms.of(VocabularyKind.SETTINGS).restriction(filter.settings()));
        restrictions.add(terms.of(VocabularyKind.BIOMARKERS).restriction(filter.biomarkers()));
        restrictions.add(terms.of(VocabularyKind.DRUGS).restriction(filter.drugs()));
        restrictions.add(terms.of(VocabularyKind.DRUG_CLASSES).restriction(filter.drugClasses()));
        restrictions.add(added.restriction(filter.added()));
        restrictions.add(comparators.restriction(filter.comparators()));
        restrictions.add(effectMeasures.restriction(filter.effectMeasures()));
        restrictions.add(studyTypes.restriction(filter.studyTypes()));
        filter.populationType().ifPresent(type -> restrictions.add(populationTypes.anyOf(Set.of(type))));
        filter.significant().ifPresent(wanted -> restrictions.add((wanted ? significant : notSignificant).view()));
        filter.conflicting().filter(wanted -> wanted).ifPresent(wanted -> restrictions.add(conflicting.view()));
        RowSet rows = RowSet.intersection(ids.length, restrictions);
        if (filter.conflicting().isPresent() && !filter.conflicting().get()) {
            rows = rows.andNot(conflicting.view());
        }
        if (filter.maxHazardRatio().isPresent()) {
            double max = filter.maxHazardRatio().get().doubleValue();
            rows = rows.keep(row -> hazardRatios[row] <= max);
        }
        for (ResultFilter.ArmMatch arm : filter.arms()) {
            rows = rows.keep(row -> armMatches(row, arm));
        }
        if (filter.resultIds().isPresent()) {
            Set<String> only = filter.resultIds().get();
            rows = rows.keep(row -> only.contains(ids[row]));
        }
        return rows;
    }

    private boolean armMatches(int row, ResultFilter.ArmMatch arm) {
        for (String label : armLabels[row]) {
            if (label.contains(arm.labelText())) {
                return true;
            }
        }
        return arm.drugs().stream().anyMatch(armDrugs[row]::contains);
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
        return conflicting.view().cardinality();
    }

    int countWithEffectEstimate() {
        int count = 0;
        for (BigDecimal estimate : estimates) {
            if (estimate != null) {
                count++;
            }
        }
        return count;
    }

    int countTrials() {
        return (int) trialRows.values().stream().filter(rows -> rows.length > 0).count();
    }
}
