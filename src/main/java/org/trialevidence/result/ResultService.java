package org.trialevidence.result;

import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.event.Observes;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialevidence.api.RawJson;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.dataset.DatasetChanged;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.SourceViews;
import org.trialevidence.index.RowSet;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.seeding.TrialSeed;
import org.trialevidence.trial.Arm;
import org.trialevidence.trial.Trial;
import org.trialevidence.vocabulary.Spelling;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.TreeSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;

/**
 * Answers the evidence query from an in-memory index of the current dataset version (rebuilt when the database
 * holds a new version) and presents results in their JSON contract.
 */
@ApplicationScoped
public class ResultService {
    /** Up to this many results the index keeps every view; beyond, the views of a page are read from the database. */
    @ConfigProperty(name = "evidence.read-model.keep-views-up-to", defaultValue = "50000")
    int keepViewsUpTo;
    private static final int CHUNK = 500;

    @Inject
    EntityManager entityManager;
    @Inject
    SourceViews sourceViews;
    @Inject
    DatasetService dataset;
    @Inject
    ObjectMapper mapper;

    private volatile ResultIndex index;

    void onDatasetChanged(@Observes DatasetChanged changed) {
        rebuild(changed.version());
    }

    private ResultIndex index() {
        ResultIndex current = index;
        // A read on the event loop was sent there because this index was current a moment ago: it uses the index it
        // finds, for the event loop must neither read the database nor wait for a rebuild.
        if (current != null && Context.isOnEventLoopThread()) {
            return current;
        }
        String version = dataset.version();
        return current != null && current.version.equals(version) ? current : rebuild(version);
    }

    /**
     * Whether a query now would be answered from memory, without reading the database: the index is built for the
     * version known within the last second, and it keeps every view. Never blocks (the event loop asks it).
     */
    public boolean answersWithoutBlocking() {
        ResultIndex current = index;
        return current != null && current.views != null && dataset.recentVersion().filter(current.version::equals).isPresent();
    }

    private synchronized ResultIndex rebuild(String version) {
        if (index != null && index.version.equals(version)) {
            return index;
        }
        long started = System.nanoTime();
        List<String> stale = new ArrayList<>();
        ResultIndex built = dataset.consistently(DatasetService.LONG_TRANSACTION_SECONDS, () -> {
            stale.clear();
            long count = entityManager.createQuery("select count(r) from Result r", Long.class).getSingleResult();
            boolean keepViews = count <= keepViewsUpTo;
            ResultIndex.Builder builder = new ResultIndex.Builder(version, keepViews);
            int[] handled = {0};
            try (Stream<Result> results = entityManager.createQuery("select r from Result r join fetch r.trial t order by t.acronym, r.position, r.id", Result.class)
                    .setHint("org.hibernate.fetchSize", CHUNK).setHint("org.hibernate.readOnly", true).getResultStream()) {
                results.forEach(result -> {
                    ResultView view = view(result);
                    RawJson json = json(view);
                    // Only pages of large datasets are read back from the database; small ones are served from memory.
                    // Stored views are brought up to date after this read, in transactions of their own: updating
                    // 900,000 rows inside this long read kept every changed page of H2 in the heap (OutOfMemoryError).
                    if (!keepViews && !json.json().equals(result.viewJson)) {
                        stale.add(result.id);
                    }
                    builder.add(result, view, json);
                    if (++handled[0] % CHUNK == 0) {
                        entityManager.clear();
                    }
                });
            }
            return builder.build();
        }).value();
        storeViews(stale);
        index = built;
        Log.infof("Results read model of dataset %s: %d results in %d ms (%s)", version, index.size(), (System.nanoTime() - started) / 1_000_000,
                index.views != null ? "views kept in memory" : "pages read from the stored views, " + stale.size() + " of them written");
        return index;
    }

    /**
     * Writes the current view of each result into its row, a chunk per transaction. The view is computed from the row
     * as it is now: when a write landed since the index was read, the next rebuild (the version moved) checks again.
     */
    private void storeViews(List<String> ids) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).run(() -> entityManager
                    .createQuery("select r from Result r join fetch r.trial where r.id in :ids", Result.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(result -> result.viewJson = json(view(result)).json()));
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

    private RawJson json(ResultView view) {
        try {
            return new RawJson(mapper.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result " + view.id(), e);
        }
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

    /** How many results (of every study type) use any of the codes: vocabulary usage. */
    public int countUsing(VocabularyKind kind, Set<String> codes) {
        return index().countUsing(kind, codes);
    }

    /** How many results quote the review. */
    public int countQuoting(String document) {
        return index().countQuoting(document);
    }

    public int countConflicting() {
        return index().countConflicting();
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
        Map<String, RawJson> byId = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("select r.id, r.viewJson from Result r where r.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(row -> byId.put((String) row[0], new RawJson((String) row[1]))));
        return ids.stream().map(byId::get).toList();
    }

    private ResultView read(RawJson json) {
        try {
            return mapper.readValue(json.json(), ResultView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result representation cannot be read", e);
        }
    }

    public ResultView view(Result result) {
        Trial trial = result.trial;
        Optional<Contrast> contrast = ResultContrast.of(result);
        Set<String> biomarkers = new TreeSet<>(trial.biomarkers);
        biomarkers.addAll(result.populationBiomarkers);
        return new ResultView(
                result.id,
                new ResultView.TrialRef(trial.id, trial.acronym, trial.phase, trial.studyType),
                trial.setting,
                result.endpoint,
                result.timepoint,
                new ResultView.Population(result.populationType, result.populationLabel, List.copyOf(new TreeSet<>(result.populationBiomarkers))),
                new ResultView.Analysis(result.analysisType, result.assessor, result.analysisDescription),
                List.copyOf(biomarkers),
                result.armValues.stream().map(value -> armResult(reportedArm(result, value.arm()), value, ResultContrast.role(result, value.arm(), contrast.isPresent()))).toList(),
                comparison(result, contrast),
                result.rawText,
                List.copyOf(result.notes),
                result.corrections.stream().map(c -> new ResultView.Correction(c.field(), c.sourceShows(), c.served(), c.reason())).toList(),
                result.conflicting,
                List.copyOf(result.conflictsWith),
                result.disputedBy.stream().map(d -> new ResultView.DisputingStatement(d.statement(), sourceViews.of(d.source()))).toList(),
                result.suspect == null ? null : new ResultView.Suspect(result.suspect.reason(), List.copyOf(result.suspect.resembles())),
                sourceViews.of(result.sources.get(0)),
                sourceViews.of(result.sources));
    }

    /** The result's own arms hold every arm it reports, so the trial's other arms need not be loaded. */
    private static Arm reportedArm(Result result, String armId) {
        return result.arms.stream().filter(arm -> arm.armId.equals(armId)).findFirst()
                .orElseThrow(() -> new IllegalStateException(result.id + " reports no arm " + armId));
    }

    private static ResultView.ArmResult armResult(Arm arm, TrialSeed.ArmValue value, String role) {
        return new ResultView.ArmResult(arm.armId, arm.label, role,
                arm.drugs.stream().map(drug -> drug.drug()).toList(), arm.dose,
                value.measure(), value.value(), unit(value.measure()), Boolean.TRUE.equals(value.notReached()),
                value.ciLower(), value.ciUpper(), value.patients());
    }

    static String unit(String measure) {
        return "median".equals(measure) ? "months" : "percent";
    }

    private static ResultView.Comparison comparison(Result result, Optional<Contrast> contrast) {
        if (result.experimentalArm == null) {
            return null;
        }
        BigDecimal estimate = printed(result, result.estimate, "comparison.estimate");
        return new ResultView.Comparison(result.experimentalArm.armId, result.controlArm.armId, result.effectMeasure,
                "HR".equals(result.effectMeasure) ? estimate : null, estimate, printed(result, result.ciLower, "comparison.ciLower"),
                printed(result, result.ciUpper, "comparison.ciUpper"),
                exact(result.ciLevel), exact(result.pValue), result.pValueComparator, result.pValueText, result.significant, contrast.orElse(null));
    }

    /** A statistic as its source prints it: 0.60 for a printed 0.60, not the column's 0.600000 nor 0.6. */
    private static BigDecimal printed(Result result, BigDecimal stored, String field) {
        return PrintedNumbers.of(stored, field, result.sources, result.corrections);
    }

    /** Database columns have a fixed scale; the API serves the number itself (0.95, not 0.9500). */
    private static BigDecimal exact(BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }
}
