package org.trialevidence.trial;

import org.trialevidence.contrast.Contrast;
import org.trialevidence.result.ResultContrast;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.trialevidence.api.RawJson;
import org.trialevidence.dataset.DatasetChanged;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.SourceViews;
import org.trialevidence.index.RowSet;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;
import org.trialevidence.vocabulary.Spelling;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Lists and presents trials from an in-memory index of the current dataset version (rebuilt when the database
 * holds a new version); full records are read from the database and kept until the version changes.
 */
@ApplicationScoped
public class TrialService {
    /** Full records kept per version; beyond this many the cache starts afresh rather than grow without bound. */
    static final int CACHED_RECORDS = 10_000;
    private static final int READ_TIMEOUT_SECONDS = 60;

    @Inject
    EntityManager entityManager;
    @Inject
    ResultService results;
    @Inject
    SourceViews sources;
    @Inject
    DatasetService dataset;

    private volatile TrialIndex index;
    private final Map<String, RawJson> records = new ConcurrentHashMap<>();
    @Inject
    ObjectMapper mapper;

    void onDatasetChanged(@Observes DatasetChanged changed) {
        rebuild(changed.version());
    }

    TrialIndex index() {
        TrialIndex current = index;
        // A read on the event loop was sent there because this index was current a moment ago: it uses the index it
        // finds, for the event loop must neither read the database nor wait for a rebuild.
        if (current != null && Context.isOnEventLoopThread()) {
            return current;
        }
        String version = dataset.version();
        return current != null && current.version.equals(version) ? current : rebuild(version);
    }

    /**
     * Whether lists, lookups and counts now would be answered from memory: the index is built for the version known
     * within the last second. Never blocks (the event loop asks it).
     */
    public boolean answersWithoutBlocking() {
        TrialIndex current = index;
        return current != null && dataset.recentVersion().filter(current.version::equals).isPresent();
    }

    /** Whether the full record of the trial so named is kept in memory (then {@link #json} reads no database). */
    public boolean keepsRecordOf(String name) {
        TrialIndex current = index;
        Integer row = current == null ? null : current.rowOf(name);
        return row != null && records.containsKey(current.summaries.get(row).id());
    }

    private synchronized TrialIndex rebuild(String version) {
        if (index != null && index.version.equals(version)) {
            return index;
        }
        long started = System.nanoTime();
        index = dataset.consistently(DatasetService.LONG_TRANSACTION_SECONDS, () -> {
            List<TrialIndex.Row> rows = new ArrayList<>();
            int[] handled = {0};
            try (Stream<Trial> trials = entityManager.createQuery("select t from Trial t order by lower(t.acronym), t.id", Trial.class)
                    .setHint("org.hibernate.fetchSize", 500).getResultStream()) {
                trials.forEach(trial -> {
                    List<String> names = trial.names.stream().map(TrialAlias::name).toList();
                    Set<String> subgroupBiomarkers = new HashSet<>();
                    trial.results.forEach(result -> subgroupBiomarkers.addAll(result.populationBiomarkers));
                    List<Contrast> contrasts = trial.results.stream().map(ResultContrast::of).flatMap(Optional::stream).toList();
                    rows.add(new TrialIndex.Row(summary(trial), names, trial.searchText, subgroupBiomarkers, contrasts));
                    if (++handled[0] % 500 == 0) {
                        entityManager.clear();
                    }
                });
            }
            return new TrialIndex(version, rows);
        }).value();
        records.clear();
        Log.infof("Trials read model of dataset %s: %d trials in %d ms", version, index.summaries.size(), (System.nanoTime() - started) / 1_000_000);
        return index;
    }

    /** Validates the criteria against the vocabularies and the phases present. */
    public TrialFilter filter(TrialCriteria criteria) {
        return TrialFilter.parse(criteria, index().phases);
    }

    public Page<TrialSummaryView> search(TrialFilter filter, PageRequest page) {
        TrialIndex current = index();
        RowSet matching = current.matching(filter);
        List<Integer> rows = current.order(filter.sort().key()).page(matching, filter.sort().descending(), page.offset(), page.size());
        return Page.of(rows.stream().map(current.summaries::get).toList(), page, matching.cardinality());
    }

    /** Every matching trial in the filter's order (CSV with size=all). */
    public void forEach(TrialFilter filter, Consumer<TrialSummaryView> action) {
        TrialIndex current = index();
        current.order(filter.sort().key()).page(current.matching(filter), filter.sort().descending(), 0, Integer.MAX_VALUE)
                .forEach(row -> action.accept(current.summaries.get(row)));
    }

    /** The phases as reported in the dataset: the values the phase filter accepts. */
    public List<String> phases() {
        return index().phases;
    }

    /** The id of the trial with that id, acronym or alias, whatever its case, spacing or hyphens. */
    public Optional<String> idOf(String name) {
        return summary(name).map(TrialSummaryView::id);
    }

    /** Acronyms of the trials with a name that starts like the one asked for, or is closest to it. */
    public List<String> nearest(String name) {
        String key = TrialNames.key(name);
        TrialIndex current = index();
        return current.nameKeys().stream()
                .sorted(Comparator.comparingInt((String candidate) -> candidate.startsWith(key) || key.startsWith(candidate) ? 0 : 1)
                        .thenComparingInt(candidate -> Spelling.distance(candidate, key)))
                .map(candidate -> current.summaries.get(current.rowOf(candidate)).acronym()).distinct().limit(3).toList();
    }

    /** The list view of the trial with that name. */
    public Optional<TrialSummaryView> summary(String name) {
        TrialIndex current = index();
        return Optional.ofNullable(current.rowOf(name)).map(current.summaries::get);
    }

    public int countUsing(VocabularyKind kind, Set<String> codes) {
        return index().countUsing(kind, codes);
    }

    public int count() {
        return index().summaries.size();
    }

    /** The full record, read from the database, or empty when no trial has that name. */
    public Optional<TrialView> view(String name) {
        return idOf(name).map(id -> dataset.consistently(READ_TIMEOUT_SECONDS, () -> record(Trial.findById(id))).value());
    }

    /** The full record as JSON (kept until the dataset changes), or empty when no trial has that name. */
    public Optional<RawJson> json(String name) {
        Optional<String> id = idOf(name);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (records.size() > CACHED_RECORDS) {
            records.clear();
        }
        RawJson cached = records.get(id.get());
        if (cached != null) {
            return Optional.of(cached);
        }
        TrialIndex current = index();
        DatasetService.Snapshot<RawJson> read = dataset.consistently(READ_TIMEOUT_SECONDS, () -> json(record(Trial.findById(id.get()))));
        // A record read while a write landed belongs to the next version: served, but not kept for this one.
        if (read.version().equals(current.version)) {
            records.put(id.get(), read.value());
        }
        return Optional.of(read.value());
    }

    private RawJson json(TrialView record) {
        try {
            return new RawJson(mapper.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write trial " + record.id(), e);
        }
    }

    private TrialView record(Trial trial) {
        return new TrialView(trial.id, trial.acronym, trial.aliases(), trial.title, trial.studyType, trial.phase, trial.designNotes,
                trial.sponsor, trial.yearsConducted, trial.status, trial.setting, trial.lineOfTherapy, trial.population,
                trial.menopausalStatus, List.copyOf(new TreeSet<>(trial.biomarkers)), drugClasses(trial),
                trial.enrolment == null ? null : new TrialView.Enrolment(trial.enrolment.patients(), sources.of(trial.enrolment.source())),
                trial.arms.stream().map(TrialService::arm).toList(),
                trial.results.stream().map(results::view).toList(),
                trial.safety.stream().map(safety -> new TrialView.SafetyView(safety.text(),
                        safety.events().stream().map(e -> new TrialView.AdverseEvent(e.term(), e.arm(), e.grade(), e.percent())).toList(),
                        safety.corrections().stream().map(c -> new ResultView.Correction(c.field(), c.sourceShows(), c.served(), c.reason())).toList(),
                        sources.of(safety.source()))).toList(),
                trial.approvals.stream().map(a -> new TrialView.ApprovalView(a.agency(), a.dateAsReported(), a.note(), sources.of(a.source()))).toList(),
                trial.guideline == null ? null : new TrialView.Guideline(trial.guideline.text(), sources.of(trial.guideline.source())),
                sources.of(trial.sources),
                List.copyOf(trial.curationNotes));
    }

    private static TrialSummaryView summary(Trial trial) {
        return new TrialSummaryView(trial.id, trial.acronym, trial.aliases(), trial.title, trial.studyType, trial.phase, trial.status,
                trial.setting, trial.lineOfTherapy, trial.population, List.copyOf(new TreeSet<>(trial.biomarkers)),
                trial.arms.stream().flatMap(arm -> arm.drugs.stream()).map(ArmDrug::drug).distinct().toList(),
                drugClasses(trial),
                trial.results.stream().map(result -> result.endpoint).distinct().toList(),
                trial.results.size(), trial.sponsor, trial.yearsConducted);
    }

    private static List<String> drugClasses(Trial trial) {
        return trial.arms.stream().flatMap(arm -> arm.drugs.stream()).map(ArmDrug::drugClass).distinct().toList();
    }

    private static TrialView.ArmView arm(Arm arm) {
        var drugs = VocabularyCatalog.get().of(VocabularyKind.DRUGS);
        return new TrialView.ArmView(arm.armId, arm.label, arm.role, arm.dose, arm.drugs.stream()
                .map(drug -> new TrialView.DrugView(drug.drug(), drugs.byCode(drug.drug()).map(Term::label).orElse(drug.drug()), drug.drugClass()))
                .toList());
    }
}
