package org.trialevidence.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.trialevidence.dataset.DatasetChanged;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.dataset.Review;
import org.trialevidence.dataset.StoringBehind;
import org.trialevidence.errors.InvalidRecordException;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.store.ChangeRecord;
import org.trialevidence.store.RecordStore;
import org.trialevidence.store.ResultRecord;
import org.trialevidence.store.TrialDocuments;
import org.trialevidence.store.TrialRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every change to the curated records: checked against the record's version (If-Match), validated as seed-data
 * is, stored with its audit entry in one transaction that also advances the dataset version, then announced so
 * that this replica's read models move on at once (other replicas see the new version within a second).
 * Writes are serialised on the dataset row, so versions and the audit trail have one order across replicas.
 */
@ApplicationScoped
public class CurationService {
    /** As long as H2's LOCK_TIMEOUT lets a writer wait for the dataset row. */
    private static final Duration WRITE_PATIENCE = Duration.ofSeconds(10);

    private final WriteQueue writeQueue = new WriteQueue();
    @Inject
    StoringBehind storingBehind;
    @Inject
    RecordStore store;
    @Inject
    WriteValidation validation;
    @Inject
    DatasetService datasetService;
    @Inject
    Event<DatasetChanged> datasetChanged;
    @Inject
    RecordService records;

    /** Who makes a change and why (required: the audit trail must say). */
    public record Change(String actor, String reason) { }

    /** What a write leaves: the record's new state and version, and the dataset version it produced. */
    public record Written(String trialId, String resultId, long version, JsonNode document, String datasetVersion) {
        public String etag() {
            return resultId == null ? ETags.trial(trialId, version) : ETags.result(resultId, version);
        }
    }

    public Written createTrial(JsonNode body, Change change) {
        return write(change, now -> {
            String id = requireObject(body).path("id").asText("");
            store.find(id).ifPresent(existing -> {
                throw ProblemException.conflict("id", "Trial '" + id + "' exists" + (existing.deleted ? " but is deleted; an admin can restore it." : "; change it with PUT."));
            });
            Set<String> neighbours = store.create(validation.check(body, id), change.actor(), now);
            TrialRecord record = store.find(id).orElseThrow();
            return Step.of(record, null, "create", null, store.whole(record), neighbours);
        });
    }

    public Written replaceTrial(String name, JsonNode body, String ifMatch, Change change) {
        return write(change, now -> {
            TrialRecord record = served(lock(name));
            ETags.check(ifMatch, ETags.trial(record.id, record.version), "trial " + record.id);
            requireObject(body);
            if (!record.id.equals(body.path("id").asText())) {
                throw new InvalidRecordException("The record's id cannot change; nothing was changed.",
                        List.of(new InvalidRecordException.Violation("$.id", "must be '" + record.id + "', the trial this request changes")));
            }
            ObjectNode before = store.whole(record);
            Set<String> neighbours = store.replace(record, validation.check(body, record.id), change.actor(), now);
            return Step.of(record, null, "update", before, store.whole(record), neighbours);
        });
    }

    public Written deleteTrial(String name, String ifMatch, Change change) {
        return write(change, now -> {
            TrialRecord record = served(lock(name));
            ETags.check(ifMatch, ETags.trial(record.id, record.version), "trial " + record.id);
            ObjectNode before = store.whole(record);
            Set<String> neighbours = store.setDeleted(record, true, change.actor(), now);
            return Step.of(record, null, "delete", before, null, neighbours);
        });
    }

    public Written restoreTrial(String name, String ifMatch, Change change) {
        return write(change, now -> {
            TrialRecord record = lock(name);
            if (!record.deleted) {
                throw ProblemException.conflict("id", "Trial '" + record.id + "' is not deleted.");
            }
            ETags.checkIfPresent(ifMatch, ETags.trial(record.id, record.version), "trial " + record.id);
            ObjectNode whole = store.whole(record);
            // Names taken by another trial since the delete would now be shared: the restore is refused.
            validation.check(whole, record.id);
            Set<String> neighbours = store.setDeleted(record, false, change.actor(), now);
            return Step.of(record, null, "restore", null, whole, neighbours);
        });
    }

    public Written addResult(String name, JsonNode result, Change change) {
        return write(change, now -> {
            TrialRecord record = served(lock(name));
            String resultId = requireObject(result).path("id").asText("");
            store.result(record.id, resultId).ifPresent(existing -> {
                throw ProblemException.conflict("id", "Result '" + resultId + "' exists" + (existing.deleted ? " but is deleted; an admin can restore it." : "; change it with PUT."));
            });
            return changeResults(record, resultId, "create", results -> results.add(result), change, now);
        });
    }

    public Written replaceResult(String name, String resultId, JsonNode result, String ifMatch, Change change) {
        return write(change, now -> {
            TrialRecord record = served(lock(name));
            ResultRecord current = servedResult(record, resultId);
            ETags.check(ifMatch, ETags.result(current.id, current.version), "result " + current.id);
            if (!resultId.equals(requireObject(result).path("id").asText())) {
                throw new InvalidRecordException("The result's id cannot change; nothing was changed.",
                        List.of(new InvalidRecordException.Violation("$.id", "must be '" + resultId + "', the result this request changes")));
            }
            return changeResults(record, resultId, "update", results -> results.set(indexOf(results, resultId), result), change, now);
        });
    }

    public Written deleteResult(String name, String resultId, String ifMatch, Change change) {
        return write(change, now -> {
            TrialRecord record = served(lock(name));
            ResultRecord current = servedResult(record, resultId);
            ETags.check(ifMatch, ETags.result(current.id, current.version), "result " + current.id);
            return changeResults(record, resultId, "delete", results -> results.remove(indexOf(results, resultId)), change, now);
        });
    }

    public Written restoreResult(String name, String resultId, String ifMatch, Change change) {
        return write(change, now -> {
            TrialRecord record = served(lock(name));
            ResultRecord deleted = result(record, resultId);
            if (!deleted.deleted) {
                throw ProblemException.conflict("resultId", "Result '" + resultId + "' is not deleted.");
            }
            ETags.checkIfPresent(ifMatch, ETags.result(deleted.id, deleted.version), "result " + deleted.id);
            // Back at its place: after the served results that came before it.
            int place = (int) store.results(record.id).stream().filter(r -> !r.deleted && r.position < deleted.position).count();
            return changeResults(record, resultId, "restore", results -> results.insert(place, TrialDocuments.parse(deleted.document)), change, now);
        });
    }

    /**
     * Registers a new source (a publication beyond the seeded reviews) with its text, against which the excerpts
     * that cite it are then checked like those of the reviews.
     */
    public Written registerSource(SourceRegistration source, Change change) {
        return write(change, now -> {
            if (Review.findById(source.document()) != null) {
                throw ProblemException.conflict("document", "A source '" + source.document() + "' is registered already.");
            }
            Review review = new Review();
            review.document = source.document();
            review.title = source.title();
            review.citation = source.citation();
            review.sourceText = source.text();
            review.registeredBy = change.actor();
            review.registeredAt = now;
            review.persist();
            ObjectNode registered = TrialValidation.MAPPER.createObjectNode()
                    .put("document", source.document()).put("title", source.title()).put("citation", source.citation());
            return new Step(null, 0, null, "register-source", null, registered, Set.of());
        });
    }

    /** Validates and stores the trial with its results edited; the whole trial before and after goes to the audit trail. */
    private Step changeResults(TrialRecord record, String resultId, String action, Consumer<ArrayNode> edit, Change change, Instant now) {
        ObjectNode before = store.whole(record);
        ObjectNode after = before.deepCopy();
        edit.accept((ArrayNode) after.withArray("results"));
        Set<String> neighbours = store.replace(record, validation.check(after, record.id), change.actor(), now);
        return Step.of(record, resultId, action, before, store.whole(record), neighbours);
    }

    private static int indexOf(ArrayNode results, String resultId) {
        for (int i = 0; i < results.size(); i++) {
            if (resultId.equals(results.get(i).path("id").asText())) {
                return i;
            }
        }
        throw new IllegalStateException("result " + resultId + " is served but not in its trial's document");
    }

    /** What one write did, for its audit entry and its answer. */
    private record Step(String trialId, long trialVersion, String resultId, String action, ObjectNode before, ObjectNode after,
                        Set<String> neighbours) {
        static Step of(TrialRecord record, String resultId, String action, ObjectNode before, ObjectNode after, Set<String> neighbours) {
            return new Step(record.id, record.version, resultId, action, before, after, neighbours);
        }
    }

    private interface Work {
        Step apply(Instant now);
    }

    private Written write(Change change, Work work) {
        storingBehind.requireStored("writes are accepted");
        Written written = writeQueue.inTurn(WRITE_PATIENCE, () -> QuarkusTransaction.requiringNew().call(() -> {
            DatasetState state = DatasetState.lockForWrite();
            Instant now = Instant.now();
            Step step = work.apply(now);
            state.advance(now);
            ChangeRecord entry = audit(step.trialId(), step.action(), step.trialVersion(), change.actor(), change.reason(), now, state.version);
            entry.resultId = step.resultId();
            entry.documentBefore = step.before() == null ? null : TrialDocuments.compact(step.before());
            entry.documentAfter = step.after() == null ? null : TrialDocuments.compact(step.after());
            entry.persist();
            for (String neighbour : step.neighbours()) {
                // The other side of a conflict shows a changed conflict list: its history says why its version moved.
                audit(neighbour, "conflicts-changed", store.find(neighbour).orElseThrow().version, change.actor(),
                        "Conflict list changed by a change to trial " + step.trialId() + ": " + change.reason(), now, state.version).persist();
            }
            if (step.resultId() == null) {
                return new Written(step.trialId(), null, step.trialVersion(), step.after(), state.version);
            }
            Optional<ResultRecord> result = store.result(step.trialId(), step.resultId());
            return new Written(step.trialId(), step.resultId(), result.map(r -> r.version).orElse(0L),
                    result.filter(r -> !r.deleted).map(r -> TrialDocuments.parse(r.document)).orElse(null), state.version);
        }));
        try {
            datasetChanged.fire(new DatasetChanged(written.datasetVersion()));
        } catch (RuntimeException readModelsLag) {
            // The write is committed and must be acknowledged as such; the next read rebuilds what failed here.
            Log.warnf(readModelsLag, "Read models not rebuilt after the write that made dataset %s", written.datasetVersion());
        }
        // Told to readers once the read models hold it: reads during the patch answer from the version before.
        datasetService.changedTo(written.datasetVersion());
        return written;
    }

    private static ChangeRecord audit(String trialId, String action, long trialVersion, String actor, String reason, Instant at, String datasetVersion) {
        ChangeRecord entry = new ChangeRecord();
        entry.trialId = trialId;
        entry.action = action;
        entry.trialVersion = trialVersion;
        entry.actor = actor;
        entry.reason = reason;
        entry.changedAt = at;
        entry.datasetVersion = datasetVersion;
        return entry;
    }

    /** The trial's record by id, or by a name the read API knows it by; locked until the write ends. */
    private TrialRecord lock(String name) {
        return store.lock(records.idOf(name)).orElseThrow();
    }

    private static TrialRecord served(TrialRecord record) {
        if (record.deleted) {
            throw ProblemException.conflict("id", "Trial '" + record.id + "' is deleted; an admin can restore it (POST /api/v1/trials/" + record.id + "/restore).");
        }
        return record;
    }

    private ResultRecord result(TrialRecord record, String resultId) {
        return store.result(record.id, resultId)
                .orElseThrow(() -> ProblemException.notFound("resultId", "Trial " + record.id + " has no result '" + resultId + "'.", List.of()));
    }

    private ResultRecord servedResult(TrialRecord record, String resultId) {
        ResultRecord result = result(record, resultId);
        if (result.deleted) {
            throw ProblemException.conflict("resultId", "Result '" + resultId + "' is deleted; an admin can restore it.");
        }
        return result;
    }

    private static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.malformedBody("$", "The request body must be a JSON object in the seed-data shape (seed-data/schema/trial.schema.json).");
        }
        return body;
    }
}
