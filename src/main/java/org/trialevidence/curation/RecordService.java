package org.trialevidence.curation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.api.RawJson;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.dataset.StoringBehind;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.store.ChangeRecord;
import org.trialevidence.store.RecordStore;
import org.trialevidence.store.ResultRecord;
import org.trialevidence.store.TrialDocuments;
import org.trialevidence.store.TrialRecord;
import org.trialevidence.trial.TrialService;

import java.util.ArrayList;
import java.util.List;

/** Reads of the curated records: documents with their ETags, and the audit trail. */
@ApplicationScoped
public class RecordService {
    static final String SEEDED = "seeded";

    @Inject
    StoringBehind storingBehind;
    @Inject
    RecordStore store;
    @Inject
    TrialService trials;

    /** A record as written, and its ETag. */
    public record Document(RawJson json, String etag) { }

    public Document trialDocument(String name) {
        storingBehind.requireStored("records are served");
        return QuarkusTransaction.requiringNew().call(() -> {
            TrialRecord record = served(find(name));
            return new Document(new RawJson(TrialDocuments.compact(store.whole(record))), ETags.trial(record.id, record.version));
        });
    }

    public Document resultDocument(String name, String resultId) {
        storingBehind.requireStored("records are served");
        return QuarkusTransaction.requiringNew().call(() -> {
            TrialRecord record = served(find(name));
            ResultRecord result = store.result(record.id, resultId).filter(r -> !r.deleted)
                    .orElseThrow(() -> ProblemException.notFound("resultId", "Trial " + record.id + " serves no result '" + resultId + "'; its history lists deleted ones.", List.of()));
            return new Document(new RawJson(result.document), ETags.result(result.id, result.version));
        });
    }

    /** Oldest first; a trial loaded from seed-data starts with an entry saying so. */
    public List<HistoryEntry> history(String name) {
        storingBehind.requireStored("histories are served");
        return QuarkusTransaction.requiringNew().call(() -> {
            TrialRecord record = find(name);
            List<ChangeRecord> changes = store.history(record.id);
            List<HistoryEntry> history = new ArrayList<>();
            if (changes.stream().noneMatch(change -> "create".equals(change.action) && change.resultId == null)) {
                DatasetState state = DatasetState.current();
                history.add(new HistoryEntry(SEEDED, null, "seed-data", state.loadedAt, "Loaded from seed-data " + state.seedVersion,
                        1, state.seedVersion, null, null));
            }
            changes.forEach(change -> history.add(new HistoryEntry(change.action, change.resultId, change.actor, change.changedAt, change.reason,
                    change.trialVersion, change.datasetVersion, raw(change.documentBefore), raw(change.documentAfter))));
            return history;
        });
    }

    /** The id of the trial with that id (deleted or not), or with a name the read API knows it by. */
    String idOf(String name) {
        return store.find(name).map(record -> record.id).or(() -> trials.idOf(name))
                .orElseThrow(() -> ProblemException.notFound("id", "No trial is named '" + name + "' (by id, acronym or alias).", trials.nearest(name)));
    }

    private TrialRecord find(String name) {
        return store.find(idOf(name)).orElseThrow();
    }

    private static TrialRecord served(TrialRecord record) {
        if (record.deleted) {
            throw ProblemException.notFound("id", "Trial '" + record.id + "' is deleted; its history is at /api/v1/trials/" + record.id + "/history.", List.of());
        }
        return record;
    }

    private static RawJson raw(String json) {
        return json == null ? null : new RawJson(json);
    }
}
