package org.trialevidence.trial;

import org.trialevidence.seeding.TrialNames;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.index.Postings;
import org.trialevidence.index.Renumbering;
import org.trialevidence.index.RowOrder;
import org.trialevidence.index.RowSet;
import org.trialevidence.index.SharedValues;
import org.trialevidence.index.VocabularyPostings;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trials of one dataset version as postings (the rows of each term), precomputed orders and their list views; names map to
 * rows for lookups by id, acronym or alias. Rows are numbered in acronym order. Immutable once built.
 */
final class TrialIndex {
    final String version;
    final List<TrialSummaryView> summaries;
    final List<String> phases;
    /** How many trials report each phase (as reported): a patch counts the phases it takes out and puts in. */
    private final Map<String, Integer> trialsByPhase;
    private final RowsByName rowsByName;
    /** The names of each row: a lookup checks the name asked for against them, and a patch that keeps every name keeps the lookup. */
    private final List<List<String>> namesOfRow;
    private final List<String> searchTexts;
    private final Terms terms;
    private final Map<String, RowOrder> orders;

    /** One trial as the index needs it; {@code arms} is counted for the dataset's overview. */
    record Row(TrialSummaryView summary, List<String> names, String searchText, Set<String> subgroupBiomarkers, List<Contrast> contrasts, int arms) {
        /** This row holding the values it repeats with other rows once (see {@link SharedValues}): codes, lists, contrasts. */
        Row shared(SharedValues values) {
            TrialSummaryView sharedSummary = new TrialSummaryView(values.of(summary.id()), values.of(summary.acronym()),
                    values.list(summary.aliases()), values.of(summary.title()), values.of(summary.studyType()), values.of(summary.phase()),
                    values.of(summary.status()), values.of(summary.setting()), values.of(summary.lineOfTherapy()), values.of(summary.population()),
                    values.list(summary.biomarkers()), values.list(summary.drugs()), values.list(summary.drugClasses()),
                    values.list(summary.endpoints()), summary.resultCount(), values.of(summary.sponsor()), values.of(summary.yearsConducted()));
            return new Row(sharedSummary, values.list(names), searchText, values.set(subgroupBiomarkers), values.list(contrasts), arms);
        }
    }

    /** The postings of the trials' terms, filled row by row in ascending row numbers. */
    private static final class Terms {
        final VocabularyPostings vocabularies;
        final Postings phases;
        final Postings studyTypes;
        final Postings statuses;
        final Postings added;
        final Postings comparators;

        Terms() {
            this(new VocabularyPostings(), new Postings(), new Postings(), new Postings(), new Postings(), new Postings());
        }

        private Terms(VocabularyPostings vocabularies, Postings phases, Postings studyTypes, Postings statuses, Postings added, Postings comparators) {
            this.vocabularies = vocabularies;
            this.phases = phases;
            this.studyTypes = studyTypes;
            this.statuses = statuses;
            this.added = added;
            this.comparators = comparators;
        }

        void add(int row, Row trial) {
            TrialSummaryView summary = trial.summary();
            vocabularies.of(VocabularyKind.DRUGS).addAll(summary.drugs(), row);
            vocabularies.of(VocabularyKind.DRUG_CLASSES).addAll(summary.drugClasses(), row);
            vocabularies.of(VocabularyKind.SETTINGS).add(summary.setting(), row);
            vocabularies.of(VocabularyKind.BIOMARKERS).addAll(summary.biomarkers(), row);
            vocabularies.of(VocabularyKind.BIOMARKERS).addAll(trial.subgroupBiomarkers(), row);
            vocabularies.of(VocabularyKind.ENDPOINTS).addAll(summary.endpoints(), row);
            if (summary.phase() != null) {
                phases.add(summary.phase().toLowerCase(Locale.ROOT), row);
            }
            studyTypes.add(summary.studyType(), row);
            statuses.add(summary.status(), row);
            for (Contrast contrast : trial.contrasts()) {
                added.addAll(contrast.addedCodes(), row);
                comparators.addAll(contrast.comparatorCodes(), row);
            }
        }

        Terms patched(Renumbering renumbering, Terms fresh) {
            return new Terms(vocabularies.patched(renumbering, fresh.vocabularies), phases.patched(renumbering, fresh.phases),
                    studyTypes.patched(renumbering, fresh.studyTypes), statuses.patched(renumbering, fresh.statuses),
                    added.patched(renumbering, fresh.added), comparators.patched(renumbering, fresh.comparators));
        }
    }

    TrialIndex(String version, List<Row> rows) {
        this.version = version;
        int count = rows.size();
        List<TrialSummaryView> views = new ArrayList<>(count);
        namesOfRow = new ArrayList<>(count);
        searchTexts = new ArrayList<>(count);
        terms = new Terms();
        for (int row = 0; row < count; row++) {
            Row trial = rows.get(row);
            views.add(trial.summary());
            namesOfRow.add(trial.names());
            searchTexts.add(trial.searchText());
            terms.add(row, trial);
        }
        rowsByName = RowsByName.of(namesOfRow);
        summaries = List.copyOf(views);
        trialsByPhase = new TreeMap<>();
        summaries.forEach(trial -> countPhase(trialsByPhase, trial, 1));
        phases = List.copyOf(trialsByPhase.keySet());
        orders = sortOrders(count, RowOrder.sorting(count));
    }

    /**
     * The index of the next version from this one: kept rows renumbered, the changed trials' rows (in the order of
     * their new numbers) put in. Equal to a build from every row; no work per kept trial beyond array passes.
     */
    private TrialIndex(TrialIndex held, String version, Renumbering renumbering, List<Row> freshRows) {
        this.version = version;
        int count = renumbering.newCount();
        int[] freshNumbers = renumbering.freshRows();
        if (freshNumbers.length != freshRows.size()) {
            throw new IllegalArgumentException(freshRows.size() + " fresh rows for " + freshNumbers.length + " new row numbers");
        }
        List<TrialSummaryView> views;
        boolean namesKept = false;
        if (renumbering.keepsNumbers() && count == held.summaries.size()) {
            // The changed trials kept their places (a write that did not move them in the default order): copied whole.
            views = new ArrayList<>(held.summaries);
            namesOfRow = new ArrayList<>(held.namesOfRow);
            searchTexts = new ArrayList<>(held.searchTexts);
            namesKept = true;
            for (int i = 0; i < freshNumbers.length; i++) {
                Row fresh = freshRows.get(i);
                namesKept &= nameKeys(held.namesOfRow.get(freshNumbers[i])).equals(nameKeys(fresh.names()));
                views.set(freshNumbers[i], fresh.summary());
                namesOfRow.set(freshNumbers[i], fresh.names());
                searchTexts.set(freshNumbers[i], fresh.searchText());
            }
        } else {
            views = new ArrayList<>(count);
            namesOfRow = new ArrayList<>(count);
            searchTexts = new ArrayList<>(count);
            for (int row = 0, next = 0; row < count; row++) {
                int old = renumbering.oldRowOf(row);
                Row fresh = old < 0 ? freshRows.get(next++) : null;
                views.add(fresh == null ? held.summaries.get(old) : fresh.summary());
                namesOfRow.add(fresh == null ? held.namesOfRow.get(old) : fresh.names());
                searchTexts.add(fresh == null ? held.searchTexts.get(old) : fresh.searchText());
            }
        }
        // Every trial found by the names it had, at the row it had: shared, never changed. Otherwise a name moves with its row.
        rowsByName = namesKept ? held.rowsByName : held.rowsByName.patched(renumbering, freshNumbers, freshRows.stream().map(Row::names).toList());
        Terms fresh = new Terms();
        for (int i = 0; i < freshNumbers.length; i++) {
            fresh.add(freshNumbers[i], freshRows.get(i));
        }
        terms = held.terms.patched(renumbering, fresh);
        summaries = List.copyOf(views);
        trialsByPhase = new TreeMap<>(held.trialsByPhase);
        for (int replaced : renumbering.replacedRows()) {
            countPhase(trialsByPhase, held.summaries.get(replaced), -1);
        }
        freshRows.forEach(trial -> countPhase(trialsByPhase, trial.summary(), 1));
        phases = List.copyOf(trialsByPhase.keySet());
        orders = sortOrders(count, RowOrder.patching(held.orders, renumbering));
    }

    /** The index of the next version, see the patching constructor. */
    TrialIndex patched(String nextVersion, Renumbering renumbering, List<Row> freshRows) {
        return new TrialIndex(this, nextVersion, renumbering, freshRows);
    }

    private static Set<String> nameKeys(List<String> names) {
        Set<String> keys = new HashSet<>();
        names.forEach(name -> keys.add(TrialNames.key(name)));
        return keys;
    }

    private static void countPhase(Map<String, Integer> trialsByPhase, TrialSummaryView trial, int change) {
        if (trial.phase() != null) {
            trialsByPhase.merge(trial.phase(), change, (held, added) -> held + added == 0 ? null : held + added);
        }
    }

    private Map<String, RowOrder> sortOrders(int count, RowOrder.Maker orders) {
        return Map.of(
                "acronym", RowOrder.identity(count),
                "id", orders.by("id", row -> summaries.get(row).id()),
                "phase", orders.by("phase", row -> summaries.get(row).phase()),
                "setting", orders.by("setting", row -> summaries.get(row).setting()),
                "results", orders.by("results", row -> summaries.get(row).resultCount()));
    }

    Integer rowOf(String name) {
        return rowsByName.rowOf(TrialNames.key(name), namesOfRow);
    }

    Set<String> nameKeys() {
        return RowsByName.keys(namesOfRow);
    }

    /** The rows the filter matches: the postings of its terms intersected smallest first, then the text search. */
    RowSet matching(TrialFilter filter) {
        RowSet rows = RowSet.intersection(summaries.size(), Arrays.asList(
                terms.vocabularies.of(VocabularyKind.DRUGS).restriction(filter.drugs()),
                terms.vocabularies.of(VocabularyKind.DRUG_CLASSES).restriction(filter.drugClasses()),
                terms.added.restriction(filter.added()),
                terms.comparators.restriction(filter.comparators()),
                terms.vocabularies.of(VocabularyKind.SETTINGS).restriction(filter.settings()),
                terms.vocabularies.of(VocabularyKind.BIOMARKERS).restriction(filter.biomarkers()),
                terms.vocabularies.of(VocabularyKind.ENDPOINTS).restriction(filter.endpoints()),
                terms.phases.restriction(filter.phases()),
                terms.studyTypes.restriction(filter.studyTypes()),
                terms.statuses.restriction(filter.statuses())));
        if (filter.text().isPresent()) {
            String text = filter.text().get();
            Integer named = rowOf(text);
            String lower = text.toLowerCase(Locale.ROOT);
            rows = rows.keep(row -> searchTexts.get(row).contains(lower) || named != null && named == row);
        }
        return rows;
    }

    RowOrder order(String key) {
        return orders.get(key);
    }

    /** Trials using any of the codes of a vocabulary. */
    int countUsing(VocabularyKind kind, Set<String> codes) {
        return terms.vocabularies.countUsing(kind, codes);
    }
}
