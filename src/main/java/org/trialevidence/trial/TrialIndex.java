package org.trialevidence.trial;

import org.trialevidence.seeding.TrialNames;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.index.Postings;
import org.trialevidence.index.RowOrder;
import org.trialevidence.index.RowSet;
import org.trialevidence.index.VocabularyPostings;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trials of one dataset version as postings (ascending row numbers per term), precomputed orders and their list views; names map to
 * rows for lookups by id, acronym or alias. Rows are numbered in acronym order. Immutable once built.
 */
final class TrialIndex {
    final String version;
    final List<TrialSummaryView> summaries;
    final List<String> phases;
    private final Map<String, Integer> rowByName;
    private final List<String> searchTexts;
    private final VocabularyPostings terms = new VocabularyPostings();
    private final Postings phasePostings = new Postings();
    private final Postings studyTypes = new Postings();
    private final Postings statuses = new Postings();
    private final Postings added = new Postings();
    private final Postings comparators = new Postings();
    private final Map<String, RowOrder> orders;

    /** One trial as the index needs it. */
    record Row(TrialSummaryView summary, List<String> names, String searchText, Set<String> subgroupBiomarkers, List<Contrast> contrasts) { }

    TrialIndex(String version, List<Row> rows) {
        this.version = version;
        int count = rows.size();
        List<TrialSummaryView> views = new ArrayList<>(count);
        rowByName = new HashMap<>();
        searchTexts = new ArrayList<>(count);
        Set<String> phaseSet = new TreeSet<>();
        for (int row = 0; row < count; row++) {
            TrialSummaryView trial = rows.get(row).summary();
            views.add(trial);
            for (String name : rows.get(row).names()) {
                rowByName.putIfAbsent(TrialNames.key(name), row);
            }
            searchTexts.add(rows.get(row).searchText());
            terms.of(VocabularyKind.DRUGS).addAll(trial.drugs(), row);
            terms.of(VocabularyKind.DRUG_CLASSES).addAll(trial.drugClasses(), row);
            terms.of(VocabularyKind.SETTINGS).add(trial.setting(), row);
            terms.of(VocabularyKind.BIOMARKERS).addAll(trial.biomarkers(), row);
            terms.of(VocabularyKind.BIOMARKERS).addAll(rows.get(row).subgroupBiomarkers(), row);
            terms.of(VocabularyKind.ENDPOINTS).addAll(trial.endpoints(), row);
            if (trial.phase() != null) {
                phaseSet.add(trial.phase());
                phasePostings.add(trial.phase().toLowerCase(Locale.ROOT), row);
            }
            studyTypes.add(trial.studyType(), row);
            statuses.add(trial.status(), row);
            for (Contrast contrast : rows.get(row).contrasts()) {
                added.addAll(contrast.addedCodes(), row);
                comparators.addAll(contrast.comparatorCodes(), row);
            }
        }
        summaries = List.copyOf(views);
        phases = List.copyOf(phaseSet);
        orders = Map.of(
                "acronym", RowOrder.identity(count),
                "id", RowOrder.by(count, row -> summaries.get(row).id()),
                "phase", RowOrder.by(count, row -> summaries.get(row).phase()),
                "setting", RowOrder.by(count, row -> summaries.get(row).setting()),
                "results", RowOrder.by(count, row -> summaries.get(row).resultCount()));
    }

    Integer rowOf(String name) {
        return rowByName.get(TrialNames.key(name));
    }

    Set<String> nameKeys() {
        return rowByName.keySet();
    }

    /** The rows the filter matches: the postings of its terms intersected smallest first, then the text search. */
    RowSet matching(TrialFilter filter) {
        RowSet rows = RowSet.intersection(summaries.size(), Arrays.asList(
                terms.of(VocabularyKind.DRUGS).restriction(filter.drugs()),
                terms.of(VocabularyKind.DRUG_CLASSES).restriction(filter.drugClasses()),
                added.restriction(filter.added()),
                comparators.restriction(filter.comparators()),
                terms.of(VocabularyKind.SETTINGS).restriction(filter.settings()),
                terms.of(VocabularyKind.BIOMARKERS).restriction(filter.biomarkers()),
                terms.of(VocabularyKind.ENDPOINTS).restriction(filter.endpoints()),
                phasePostings.restriction(filter.phases()),
                studyTypes.restriction(filter.studyTypes()),
                statuses.restriction(filter.statuses())));
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
        return terms.countUsing(kind, codes);
    }
}
