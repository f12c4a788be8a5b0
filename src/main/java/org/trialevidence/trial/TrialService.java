package org.trialevidence.trial;

import org.trialevidence.config.EvidenceConfig;
import org.trialevidence.entity.TrialLookup;
import org.trialevidence.entity.ArmDrug;
import org.trialevidence.entity.Arm;
import org.trialevidence.entity.TrialAlias;
import org.trialevidence.entity.Trial;
import org.trialevidence.entity.TrialRepository;
import org.trialevidence.seeding.TrialNames;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.result.ResultContrast;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.trialevidence.api.RawJson;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.SourceViews;
import org.trialevidence.index.Renumbering;
import org.trialevidence.index.SharedValues;
import org.trialevidence.index.RowSet;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultViews;
import org.trialevidence.readmodel.BlocksFromSeeding;
import org.trialevidence.readmodel.ReadModel;
import org.trialevidence.readmodel.ReadModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.trialevidence.readmodel.TrialBlocks;
import jakarta.annotation.PostConstruct;
import java.util.Locale;
import org.trialevidence.result.ResultView;
import org.trialevidence.store.StoredTrials;
import org.trialevidence.vocabulary.Spelling;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Lists and presents trials from an in-memory index of the current dataset version (patched with the trials a
 * write changed, see {@link ReadModel}); full records are read from the database and kept until their trial changes.
 * Created as the application starts, before seeding, so that its read model is registered when the first version is built.
 */
@Startup(Interceptor.Priority.LIBRARY_BEFORE)
@ApplicationScoped
public class TrialService implements TrialLookup {
    /** Full records kept per version; beyond this many the cache starts afresh rather than grow without bound. */
    static final int CACHED_RECORDS = 10_000;
    private static final int READ_TIMEOUT_SECONDS = 60;

    @Inject
    TrialRepository repository;
    @Inject
    ResultService results;
    @Inject
    ResultViews resultViews;
    @Inject
    SourceViews sources;
    @Inject
    DatasetService dataset;
    @Inject
    StoredTrials storedTrials;

    @Inject
    ObjectMapper mapper;
    @Inject
    ReadModels readModels;
    @Inject
    EvidenceConfig config;
    private ReadModel<Model> readModel;

    /**
     * The index of one version, the rows it was built from (one per trial), and the full records read since, by
     * trial id: a patch keeps the records of the trials it did not change.
     */
    record Model(TrialIndex index, TrialBlocks<TrialIndex.Row> rows, Map<String, RawJson> records) { }

    @PostConstruct
    void init() {
        readModel = new ReadModel<>("Trials", dataset, config.dataDir(), new ReadModel.Source<>() {
            @Override
            public Model build(String version) {
                return read(version, null, null);
            }

            @Override
            public Model patch(Model current, Set<String> trialIds, String version) {
                Model patched = read(version, current, trialIds);
                current.records().forEach((id, record) -> {
                    if (!trialIds.contains(id)) {
                        patched.records().put(id, record);
                    }
                });
                return patched;
            }

            @Override
            public ReadModel.FromSeeding<Model> fromSeeding(int resultCount) {
                return new BlocksFromSeeding<>(TrialService::blockOf, TrialIndex.Row::shared, (rows, version) -> model(version, rows));
            }

            @Override
            public boolean worthKeeping(Model model) {
                return model.rows().rowCount() >= config.readModel().keepOnDiskFrom();
            }

            @Override
            public void save(Model model, OutputStream out) throws IOException {
                model.rows().write(out);
            }

            @Override
            public Model load(InputStream in, String version) throws IOException {
                return model(version, TrialBlocks.read(in, TrialIndex.Row.class));
            }
        });
        readModels.register(readModel);
    }

    TrialIndex index() {
        return readModel.current().model().index();
    }

    /**
     * Whether lists, lookups and counts now would be answered from memory: the index is of the version read within
     * the last second. Never blocks (the event loop asks it).
     */
    public boolean answersWithoutBlocking() {
        return readModel.currentWithoutBlocking().isPresent();
    }

    /** The dataset version of the model lists and lookups now answer from (what answers kept by version are keyed by). */
    @Override
    public String answeringVersion() {
        return readModel.current().version();
    }

    /**
     * The full record of the trial so named when the current model keeps it, or empty (then {@link #json} reads it on
     * a worker). Never blocks: the check and the read are one, so a record dropped meanwhile is not read here.
     */
    public Optional<RawJson> keptRecord(String name) {
        return readModel.currentWithoutBlocking().flatMap(held -> {
            Integer row = held.model().index().rowOf(name);
            return row == null ? Optional.empty() : Optional.ofNullable(held.model().records().get(held.model().index().summaries.get(row).id()));
        });
    }

    private Model read(String version, Model held, Set<String> trialIds) {
        List<TrialBlocks.Block<TrialIndex.Row>> blocks = new ArrayList<>();
        SharedValues shared = new SharedValues();
        repository.forEach(trialIds, 500, trial -> blocks.add(blockOf(trial).withRows(row -> row.shared(shared))));
        if (held == null) {
            return model(version, TrialBlocks.of(blocks));
        }
        // The index is patched, not built from every row: only the changed trials are indexed anew.
        TrialBlocks.Patch<TrialIndex.Row> patch = held.rows().replacing(trialIds, blocks);
        TrialBlocks<TrialIndex.Row> rows = patch.rows();
        Renumbering renumbering = new Renumbering(patch.newRowOf(), rows.rowCount());
        return new Model(held.index().patched(version, renumbering, patch.freshRows()), rows, new ConcurrentHashMap<>());
    }

    private static TrialIndex.Row row(Trial trial) {
        List<String> names = trial.names.stream().map(TrialAlias::name).toList();
        Set<String> subgroupBiomarkers = new HashSet<>();
        trial.results.forEach(result -> subgroupBiomarkers.addAll(result.populationBiomarkers));
        List<Contrast> contrasts = trial.results.stream().map(ResultContrast::of).flatMap(Optional::stream).toList();
        return new TrialIndex.Row(summary(trial), names, trial.searchText, subgroupBiomarkers, contrasts, trial.arms.size());
    }

    /** The trial's block: its one row. */
    private static TrialBlocks.Block<TrialIndex.Row> blockOf(Trial trial) {
        return new TrialBlocks.Block<>(trial.acronym.toLowerCase(Locale.ROOT), trial.id, List.of(row(trial)));
    }

    private static Model model(String version, TrialBlocks<TrialIndex.Row> rows) {
        return new Model(new TrialIndex(version, rows.rows()), rows, new ConcurrentHashMap<>());
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

    /** The dataset overview's counts of one version: its trials, their arms, and the trials of each study type. */
    public record Counts(String version, long trials, long arms, Map<String, Long> studyTypes) { }

    /** The counts of the version answered now, counted once per version; see {@link #counts()}. */
    private volatile Counts counted;

    /**
     * The counts of the version lists now answer from, counted from its rows the first time they are asked for
     * (counting arms and study types in the database read every trial and arm row: 0.4-0.5 s a request at 100,000
     * trials).
     */
    public Counts counts() {
        ReadModel.Versioned<Model> current = readModel.current();
        Counts held = counted;
        if (held != null && held.version().equals(current.version())) {
            return held;
        }
        long arms = 0;
        Map<String, Long> studyTypes = new TreeMap<>();
        for (TrialIndex.Row row : current.model().rows().rows()) {
            arms += row.arms();
            studyTypes.merge(row.summary().studyType(), 1L, Long::sum);
        }
        Counts fresh = new Counts(current.version(), current.model().rows().rowCount(), arms, Collections.unmodifiableMap(studyTypes));
        counted = fresh;
        return fresh;
    }

    /** The full record, read from the database, or empty when no trial has that name. */
    public Optional<TrialView> view(String name) {
        return idOf(name).map(id -> dataset.consistently(READ_TIMEOUT_SECONDS, () -> record(storedTrials.trial(id), dataset.versionInDatabase())).value());
    }

    /** The full record as JSON (kept until a write changes the trial), or empty when no trial has that name. */
    public Optional<RawJson> json(String name) {
        ReadModel.Versioned<Model> current = readModel.current();
        Integer row = current.model().index().rowOf(name);
        if (row == null) {
            return Optional.empty();
        }
        String id = current.model().index().summaries.get(row).id();
        Map<String, RawJson> records = current.model().records();
        if (records.size() > CACHED_RECORDS) {
            records.clear();
        }
        RawJson cached = records.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        DatasetService.Snapshot<RawJson> read = dataset.consistently(READ_TIMEOUT_SECONDS, () -> json(record(storedTrials.trial(id), dataset.versionInDatabase())));
        // A record read while a write landed belongs to the next version: served, but not kept for this one.
        if (read.version().equals(current.version())) {
            records.put(id, read.value());
        }
        return Optional.of(read.value());
    }

    private RawJson json(TrialView record) {
        return RawJson.of(mapper, record);
    }

    /**
     * The trial as stored at that version (the version of the read that loaded it). Its results are the views the
     * results' read model holds when that model is of the same version, so their contrasts are derived once;
     * otherwise they are mapped here from the trial's results, as the read model maps them.
     */
    private TrialView record(Trial trial, String version) {
        return new TrialView(trial.id, trial.acronym, trial.aliases(), trial.title, trial.studyType, trial.phase, trial.designNotes,
                trial.sponsor, trial.yearsConducted, trial.status, trial.setting, trial.lineOfTherapy, trial.population,
                trial.menopausalStatus, List.copyOf(new TreeSet<>(trial.biomarkers)), drugClasses(trial),
                trial.enrolment == null ? null : new TrialView.Enrolment(trial.enrolment.patients(), sources.of(trial.enrolment.source())),
                trial.arms.stream().map(TrialService::arm).toList(),
                results.viewsOfTrial(trial.id, version).orElseGet(() -> trial.results.stream().map(resultViews::view).toList()),
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
