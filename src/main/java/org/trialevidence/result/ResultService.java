package org.trialevidence.result;

import org.trialevidence.config.EvidenceConfig;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.trialevidence.api.RawJson;
import org.trialevidence.entity.Result;
import org.trialevidence.entity.ResultRepository;
import org.trialevidence.entity.Trial;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.index.Renumbering;
import org.trialevidence.index.RowSet;
import org.trialevidence.index.SharedValues;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.readmodel.BlocksFromSeeding;
import org.trialevidence.readmodel.ReadModel;
import org.trialevidence.readmodel.ReadModels;
import org.trialevidence.readmodel.TrialBlocks;
import org.trialevidence.store.StoredTrials;
import org.trialevidence.vocabulary.Spelling;
import org.trialevidence.vocabulary.VocabularyKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Answers the evidence query from an in-memory index of the current dataset version (patched with the trials a
 * write changed, see {@link ReadModel}) and presents results in their JSON contract.
 * Created as the application starts, before seeding, so that its read model is registered when the first version is built.
 */
@Startup(Interceptor.Priority.LIBRARY_BEFORE)
@ApplicationScoped
public class ResultService {
    /** evidence.read-model.*: up to keep-views-up-to results the index keeps every view, beyond it pages read them from the database. */
    @Inject
    EvidenceConfig config;
    private static final int CHUNK = 500;
    /** Trials whose results are read per query when the model is read (about ten results each in the generated data). */
    private static final int TRIALS_PER_READ = 50;

    @Inject
    ResultRepository repository;
    @Inject
    ResultViews views;
    @Inject
    DatasetService dataset;
    @Inject
    StoredTrials storedTrials;
    @Inject
    ObjectMapper mapper;
    @Inject
    ReadModels readModels;

    private ReadModel<Model> readModel;
    /**
     * Views found stale and not stored yet: a store that failed half way leaves the rest to be stored with the next
     * model's, which is not marked stored before they are. Guarded by itself.
     */
    private final Set<String> unstoredViews = new LinkedHashSet<>();

    /**
     * The index of one version and the layout of its rows by trial (without the rows: the index holds what they say, and
     * makes them again to be written out); stale views are those to write after the read.
     */
    record Model(ResultIndex index, TrialBlocks<ResultIndex.Row> rows, boolean keepViews, List<String> staleViews) { }

    @PostConstruct
    void init() {
        readModel = new ReadModel<>("Results", dataset, config.dataDir(), new ReadModel.Source<>() {
            @Override
            public Model build(String version) {
                return read(version, config.readModel().keepsViews(repository.count()), null, null);
            }

            @Override
            public Model patch(Model current, Set<String> trialIds, String version) {
                return read(version, current.keepViews(), current, trialIds);
            }

            @Override
            public ReadModel.FromSeeding<Model> fromSeeding(int resultCount) {
                boolean keepViews = config.readModel().keepsViews(resultCount);
                return new BlocksFromSeeding<>(trial -> new TrialBlocks.Block<>(trial.acronym, trial.id,
                        trial.results.stream().map(result -> row(result, views.view(result), keepViews)).toList()),
                        ResultIndex.Row::shared, (rows, version) -> model(version, keepViews, rows, List.of()));
            }

            /** When pages read views from the database, each result's view goes into its row as seeding inserts it: none is stale. */
            @Override
            public void storing(Trial trial, int resultCount) {
                if (!config.readModel().keepsViews(resultCount)) {
                    trial.results.forEach(result -> result.viewJson = views.jsonOf(result));
                }
            }

            @Override
            public void installed(Model model) {
                List<String> unstored;
                synchronized (unstoredViews) {
                    unstoredViews.addAll(model.staleViews());
                    unstored = List.copyOf(unstoredViews);
                }
                storeViews(unstored);
            }

            /** Only the rows of an index that reads its views from the database are kept: views are not written out. */
            @Override
            public boolean worthKeeping(Model model) {
                return !model.keepViews() && model.rows().rowCount() >= config.readModel().keepOnDiskFrom();
            }

            @Override
            public void save(Model model, OutputStream out) throws IOException {
                model.rows().withRows(model.index().rowsAgain()::row).write(out);
            }

            @Override
            public Model load(InputStream in, String version) throws IOException {
                return model(version, false, TrialBlocks.read(in, ResultIndex.Row.class), List.of());
            }
        });
        readModels.register(readModel);
    }

    private ResultIndex index() {
        return readModel.current().model().index();
    }

    /**
     * Whether a query now would be answered from memory, without reading the database: the index is of the version
     * known within the last second, and it keeps every view. Never blocks (the event loop asks it).
     */
    public boolean answersWithoutBlocking() {
        return readModel.currentWithoutBlocking().filter(held -> held.model().index().views != null).isPresent();
    }

    /**
     * Whether a page answered now is of the index's version alone, to be kept by that version: always when the index
     * keeps every view; when pages read the views stored in the database, only once the views its read found stale
     * are stored, and while the database holds no newer version (a write changes rows, and clears their views, before
     * the index is patched; their pages are made from the rows as they are). Reads the database, except on the event
     * loop, where it answers no for such an index.
     */
    public boolean pagesOfOneVersion() {
        ReadModel.Versioned<Model> held = readModel.current();
        if (held.model().keepViews()) {
            return true;
        }
        // Fully installed: every view found stale, by its read or an earlier one, is stored.
        return !Context.isOnEventLoopThread() && readModel.fullyInstalled(held) && dataset.readVersion().equals(held.version());
    }

    /** The version of the index held when it is of the version read from the database within the last second; never blocks. */
    public Optional<String> recentVersion() {
        return readModel.currentWithoutBlocking().map(ReadModel.Versioned::version);
    }

    /** The dataset version of the index queries now answer from (what answers kept by version are keyed by). */
    public String answeringVersion() {
        return readModel.current().version();
    }

    /** The results of the query (all of them, or those of the trials asked for) as rows by trial, merged into the rows held. */
    private Model read(String version, boolean keepViews, Model held, Set<String> trialIds) {
        List<String> stale = new ArrayList<>();
        List<TrialBlocks.Block<ResultIndex.Row>> blocks = new ArrayList<>();
        SharedValues shared = new SharedValues();
        repository.forEachWithTrial(trialIds, TRIALS_PER_READ, result -> {
            ResultView view = views.view(result);
            // Only pages of large datasets are read back from the database; small ones are served from memory.
            // Stored views are brought up to date after this read, in transactions of their own: updating
            // 900,000 rows inside this long read kept every changed page of H2 in the heap (OutOfMemoryError).
            if (!keepViews && !views.json(view).json().equals(result.viewJson)) {
                stale.add(result.id);
            }
            TrialBlocks.Block<ResultIndex.Row> last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last == null || !last.trialId().equals(result.trial.id)) {
                last = new TrialBlocks.Block<>(result.trial.acronym, result.trial.id, new ArrayList<>());
                blocks.add(last);
            }
            last.rows().add(row(result, view, keepViews).shared(shared));
        });
        if (held == null) {
            return model(version, keepViews, TrialBlocks.of(blocks), stale);
        }
        TrialBlocks.Patch<ResultIndex.Row> patch = held.rows().replacing(trialIds, blocks);
        TrialBlocks<ResultIndex.Row> rows = patch.rows();
        if (config.readModel().keepsViews(rows.rowCount()) != keepViews) {
            // Crossed the threshold of kept views: the whole index changes representation.
            return null;
        }
        // The index is patched, not built from every row: only the changed trials' rows are indexed anew. The blocks
        // stay without rows: the held ones have none, and replacing drops the fresh blocks' rows too.
        Renumbering renumbering = new Renumbering(patch.newRowOf(), rows.rowCount());
        return new Model(held.index().patched(version, renumbering, patch.freshRows()), rows, keepViews, stale);
    }

    /** The result's row; with its view and the view's JSON when the index keeps them. */
    private ResultIndex.Row row(Result result, ResultView view, boolean keepViews) {
        return ResultIndex.Row.of(result, view, keepViews ? views.json(view) : null, keepViews);
    }

    private static Model model(String version, boolean keepViews, TrialBlocks<ResultIndex.Row> rows, List<String> staleViews) {
        ResultIndex.Builder builder = new ResultIndex.Builder(version, keepViews);
        rows.forEachRow(builder::add);
        TrialBlocks<ResultIndex.Row> layout = rows.withoutRows();
        // The rows are not needed to sort the orders: released first, they were 80 MB of a 100,000-trial load's peak,
        // at which a full collection sized the heap for good.
        rows = null;
        return new Model(builder.build(), layout, keepViews, staleViews);
    }

    /**
     * Writes the current view of each result into its row, a chunk per transaction. The view is computed from the row
     * as it is now: when a write landed since the index was read, the next rebuild (the version moved) checks again.
     */
    private void storeViews(List<String> ids) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).run(() -> {
                // Writes (on every replica) wait for the chunk: one committed between its read and its update would
                // find its rows' views overwritten with those of the rows before it, and a replica already at its
                // version would keep pages made from them.
                DatasetState.lockForWrite();
                repository.withTrials(chunk).forEach(result -> result.viewJson = views.jsonOf(result));
            });
            synchronized (unstoredViews) {
                chunk.forEach(unstoredViews::remove);
            }
        }
    }

    /** The rows of one page of a query, and how many rows match in all. */
    private record PageRows(ResultIndex index, List<Integer> rows, long total) { }

    private PageRows pageRows(ResultFilter filter, PageRequest page) {
        ResultIndex current = index();
        RowSet matching = current.matching(filter);
        return new PageRows(current, current.order(filter.sort().key()).page(matching, filter.sort().descending(), page.offset(), page.size()),
                matching.cardinality());
    }

    public Page<ResultView> search(ResultFilter filter, PageRequest page) {
        PageRows found = pageRows(filter, page);
        return Page.of(views(found.index(), found.rows()), page, found.total());
    }

    /** The same page with each item as the JSON written when the read model was built (the list endpoint's answer). */
    public Page<RawJson> searchJson(ResultFilter filter, PageRequest page) {
        PageRows found = pageRows(filter, page);
        ResultIndex current = found.index();
        return Page.of(jsonOf(current, found.rows()), page, found.total());
    }

    /** One result by its id, whatever the case. */
    public Optional<RawJson> json(String id) {
        ResultIndex current = index();
        String wanted = id.strip();
        for (int row = 0; row < current.ids.length; row++) {
            if (current.ids[row].equalsIgnoreCase(wanted)) {
                return Optional.of(jsonOf(current, List.of(row)).get(0));
            }
        }
        return Optional.empty();
    }

    /** The ids closest to an unknown one, for the 404's suggestions: same beginning first, then by spelling distance. */
    public List<String> nearest(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(index().ids)
                .sorted(Comparator.comparingInt((String candidate) -> candidate.startsWith(wanted) || wanted.startsWith(candidate) ? 0 : 1)
                        .thenComparingInt(candidate -> Spelling.distance(candidate, wanted)))
                .limit(3).toList();
    }

    /** Every matching result in the filter's order, a chunk at a time: for CSV with size=all, exports and analyses. */
    public void forEach(ResultFilter filter, Consumer<ResultView> action) {
        ResultIndex current = index();
        RowSet matching = current.matching(filter);
        for (long offset = 0; ; offset += CHUNK) {
            List<Integer> rows = current.order(filter.sort().key()).page(matching, filter.sort().descending(), offset, CHUNK);
            views(current, rows).forEach(action);
            if (rows.size() < CHUNK) {
                return;
            }
        }
    }

    /**
     * The views of a trial's results, in the trial's order, as the read model of that dataset version holds them (a
     * trial's record lists the very views the results list serves), or empty when the model held is of another
     * version or does not keep views. Never blocks: it is asked while the trial's record is read.
     */
    public Optional<List<ResultView>> viewsOfTrial(String trialId, String version) {
        return readModel.currentWithoutBlocking().map(held -> held.model().index())
                .filter(current -> current.views != null && current.version.equals(version))
                .map(current -> Arrays.stream(current.rowsOf(trialId)).mapToObj(row -> current.views[row]).toList());
    }

    /** How many results (of every study type) use any of the codes: vocabulary usage. */
    public int countUsing(VocabularyKind kind, Set<String> codes) {
        return index().countUsing(kind, codes);
    }

    /** How many results quote the review. */
    public int countQuoting(String document) {
        return index().countQuoting(document);
    }

    /** The counts of the dataset's overview, of the version of the index they were counted in. */
    public record Counts(String version, long results, long trialsWithResults, long withEffectEstimate, long conflicting) { }

    public Counts counts() {
        ReadModel.Versioned<Model> held = readModel.current();
        ResultIndex index = held.model().index();
        return new Counts(held.version(), index.size(), index.countTrials(), index.countWithEffectEstimate(), index.countConflicting());
    }

    /** Every matching result, for views that need them all at once (comparison, meta-analysis, plots). */
    public List<ResultView> all(ResultFilter filter) {
        List<ResultView> all = new ArrayList<>();
        forEach(filter, all::add);
        return all;
    }

    private List<ResultView> views(ResultIndex current, List<Integer> rows) {
        if (current.views != null) {
            return rows.stream().map(row -> current.views[row]).toList();
        }
        return storedJson(current, rows).stream().map(this::read).toList();
    }

    /** The JSON of the rows, from memory for small datasets, else read in one query from the stored representations. */
    private List<RawJson> jsonOf(ResultIndex current, List<Integer> rows) {
        return current.json != null ? rows.stream().map(row -> current.json[row]).toList() : storedJson(current, rows);
    }

    private List<RawJson> storedJson(ResultIndex current, List<Integer> rows) {
        List<String> ids = rows.stream().map(row -> current.ids[row]).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, String> byId = QuarkusTransaction.requiringNew().call(() -> {
            if (storedTrials.madeFromFiles()) {
                return viewsBeingStored(current, rows);
            }
            Map<String, String> stored = repository.storedViews(ids);
            // A write clears the stored views of the results it changed, and the read model's patch stores them again
            // after it is installed: a page read in between makes those views from their rows instead of serving null.
            List<String> notStored = ids.stream().filter(id -> stored.get(id) == null).toList();
            if (!notStored.isEmpty()) {
                repository.withTrials(notStored).forEach(result -> stored.put(result.id, views.jsonOf(result)));
            }
            return stored;
        });
        return ids.stream().map(byId::get).map(json -> json == null ? null : new RawJson(json)).toList();
    }

    /**
     * The views of the rows while the dataset is being stored behind the read models (the database holds none yet):
     * made, as seeding makes the ones it stores, from their trials as seeding writes them.
     */
    private Map<String, String> viewsBeingStored(ResultIndex current, List<Integer> rows) {
        Set<String> wanted = rows.stream().map(row -> current.ids[row]).collect(Collectors.toSet());
        Map<String, String> made = new HashMap<>();
        current.trialsOf(rows).stream().map(storedTrials::trial).filter(Objects::nonNull)
                .forEach(trial -> trial.results.stream().filter(result -> wanted.contains(result.id))
                        .forEach(result -> made.put(result.id, views.jsonOf(result))));
        return made;
    }

    private ResultView read(RawJson json) {
        try {
            return mapper.readValue(json.json(), ResultView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result representation cannot be read", e);
        }
    }
}
