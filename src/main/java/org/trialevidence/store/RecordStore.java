package org.trialevidence.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.StatelessSession;
import org.trialevidence.entity.Result;
import org.trialevidence.seeding.TrialSeed;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.entity.Trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The curated records (the source of truth) and the query tables projected from them. Every change goes through
 * here, inside the caller's transaction: records first, then the trial's projection, then the other side of any
 * conflict it declares or is named in.
 */
@ApplicationScoped
public class RecordStore {
    @Inject
    EntityManager entityManager;
    @Inject
    StatelessSession seeding;

    /**
     * The rows a seeding writes for a validated seed-data record, new to an empty database: its projection at version
     * 1, with the conflicts the whole seed-data declares, before it is inserted ({@link #insertSeeded}).
     */
    public static Trial seededProjection(TrialSeed seed, Map<String, Set<String>> conflictsByResult) {
        Trial trial = TrialAssembler.assemble(seed, conflictsByResult);
        trial.version = 1;
        trial.results.forEach(r -> r.version = 1);
        return trial;
    }

    /**
     * Seeding: a validated seed-data record's documents, then its projection as {@link #seededProjection} made it
     * (with each result's view when the read models put it there, see SeededTrials). Inserted through the
     * transaction's stateless session: nothing seeding writes is read back or changed in its transaction, so a
     * persistence context (its events, cascades, flushes and dirty checks were a fifth of seeding 100,000 trials,
     * docs/benchmarks.md) would only keep what it must then be told to forget. Each insert writes the entity's own
     * collections; the trial's arms and results are inserted in the order their references need.
     */
    public void insertSeeded(TrialValidation.Checked checked, Trial trial, String actor, Instant at) {
        TrialSeed seed = checked.trial();
        TrialRecord record = new TrialRecord();
        record.id = seed.id();
        record.document = TrialDocuments.trialPart(checked.document());
        record.version = 1;
        stamp(record, actor, at);
        seeding.insert(record);
        List<JsonNode> documents = TrialDocuments.results(checked.document());
        for (int i = 0; i < seed.results().size(); i++) {
            ResultRecord result = new ResultRecord();
            result.id = seed.results().get(i).id();
            result.trialId = seed.id();
            result.position = i;
            result.document = TrialDocuments.compact(documents.get(i));
            result.version = 1;
            result.declaredConflicts.addAll(seed.results().get(i).conflictsWith());
            result.changedAt = at;
            result.changedBy = actor;
            seeding.insert(result);
        }
        seeding.insert(trial);
        trial.arms.forEach(seeding::insert);
        trial.results.forEach(seeding::insert);
    }

    /** A new trial written through the API: records at version 1, then its projection. Returns as {@link #replace}. */
    public Set<String> create(TrialValidation.Checked checked, String actor, Instant at) {
        TrialRecord record = new TrialRecord();
        record.id = checked.trial().id();
        entityManager.persist(record);
        return replace(record, checked, actor, at);
    }

    /** The record, locked against other writers until the transaction ends. */
    public Optional<TrialRecord> lock(String trialId) {
        return Optional.ofNullable(entityManager.find(TrialRecord.class, trialId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<TrialRecord> find(String trialId) {
        return Optional.ofNullable(entityManager.find(TrialRecord.class, trialId));
    }

    /** Every result record of the trial, deleted ones too, in curated order. */
    public List<ResultRecord> results(String trialId) {
        return entityManager.createQuery("select r from ResultRecord r where r.trialId = :trial order by r.position, r.id", ResultRecord.class)
                .setParameter("trial", trialId).getResultList();
    }

    /** The trial's audit trail, oldest first. */
    public List<ChangeRecord> history(String trialId) {
        return entityManager.createQuery("select c from ChangeRecord c where c.trialId = :trial order by c.id", ChangeRecord.class)
                .setParameter("trial", trialId).getResultList();
    }

    /** Whether another trial than {@code self}, not deleted, serves a result of that id. */
    public boolean servedByAnotherTrial(String resultId, String self) {
        return !entityManager.createQuery("""
                        select r.id from ResultRecord r, TrialRecord t
                        where t.id = r.trialId and r.id = :id and r.deleted = false and t.deleted = false and t.id <> :self""", String.class)
                .setParameter("id", resultId).setParameter("self", self).getResultList().isEmpty();
    }

    /** The ids of the trials that are not deleted, in id order. */
    public List<String> servedTrialIds() {
        return entityManager.createQuery("select t.id from TrialRecord t where t.deleted = false order by t.id", String.class).getResultList();
    }

    /** The trials' records (deleted or not), in id order. */
    public List<TrialRecord> records(List<String> trialIds) {
        return entityManager.createQuery("select t from TrialRecord t where t.id in :ids order by t.id", TrialRecord.class)
                .setParameter("ids", trialIds).getResultList();
    }

    /** The documents of the trials' results that are not deleted, in curated order, by trial id. */
    public Map<String, List<String>> servedResultDocuments(List<String> trialIds) {
        return entityManager.createQuery("select r from ResultRecord r where r.trialId in :ids and r.deleted = false order by r.position, r.id", ResultRecord.class)
                .setParameter("ids", trialIds).getResultStream()
                .collect(Collectors.groupingBy(r -> r.trialId, Collectors.mapping(r -> r.document, Collectors.toList())));
    }

    /** Forgets the entities read so far in this transaction (a long read in chunks). */
    public void forgetRead() {
        entityManager.clear();
    }

    /** One result record of the trial (deleted or not), by its id. */
    public Optional<ResultRecord> result(String trialId, String resultId) {
        return Optional.ofNullable(entityManager.find(ResultRecord.class, resultId)).filter(result -> result.trialId.equals(trialId));
    }

    /** The trial as served: its document with its results that are not deleted. */
    public ObjectNode whole(TrialRecord record) {
        return TrialDocuments.whole(record.document, results(record.id).stream().filter(r -> !r.deleted).map(r -> r.document).toList());
    }

    /**
     * Stores a validated new state of the trial: the trial's document, and each result (new, changed, unchanged,
     * or dropped, which deletes it restorably). Versions move only for what changed; the trial's always does.
     * Returns the other trials whose served conflict lists (and so versions) changed with it.
     */
    public Set<String> replace(TrialRecord record, TrialValidation.Checked next, String actor, Instant at) {
        Map<String, ResultRecord> existing = results(record.id).stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<JsonNode> documents = TrialDocuments.results(next.document());
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < next.trial().results().size(); i++) {
            TrialSeed.Result seed = next.trial().results().get(i);
            String document = TrialDocuments.compact(documents.get(i));
            ResultRecord result = existing.get(seed.id());
            if (result == null) {
                result = new ResultRecord();
                result.id = seed.id();
                result.trialId = record.id;
                entityManager.persist(result);
            }
            if (result.version == 0 || result.deleted || result.position != i || !document.equals(result.document)) {
                result.position = i;
                result.document = document;
                result.deleted = false;
                result.version++;
                result.changedAt = at;
                result.changedBy = actor;
                if (!result.declaredConflicts.equals(new LinkedHashSet<>(seed.conflictsWith()))) {
                    result.declaredConflicts.clear();
                    result.declaredConflicts.addAll(seed.conflictsWith());
                }
            }
            kept.add(seed.id());
        }
        existing.values().stream().filter(r -> !r.deleted && !kept.contains(r.id)).forEach(dropped -> {
            dropped.deleted = true;
            dropped.version++;
            dropped.changedAt = at;
            dropped.changedBy = actor;
        });
        record.document = TrialDocuments.trialPart(next.document());
        record.version++;
        stamp(record, actor, at);
        return project(record);
    }

    /** Deletes or restores the whole trial; its result records keep their own state. Returns as {@link #replace}. */
    public Set<String> setDeleted(TrialRecord record, boolean deleted, String actor, Instant at) {
        record.deleted = deleted;
        record.version++;
        stamp(record, actor, at);
        return project(record);
    }

    /**
     * Brings the trial's rows in the query tables to its record (none for a deleted trial): in place, changing only
     * the rows that differ, or written anew when an arm is gone. Then the conflict lists of the results on the other
     * side of its conflicts, when its own lists changed: a result's list names a result of another trial exactly when
     * that result's list names it, so unchanged lists here mean unchanged lists there.
     */
    private Set<String> project(TrialRecord record) {
        Trial projected = entityManager.find(Trial.class, record.id);
        Map<String, List<String>> conflictsBefore = conflictLists(projected);
        Trial trial = null;
        if (!record.deleted) {
            List<ResultRecord> live = results(record.id).stream().filter(r -> !r.deleted).toList();
            TrialSeed seed = toSeed(TrialDocuments.whole(record.document, live.stream().map(r -> r.document).toList()));
            Map<String, Set<String>> conflicts = conflictsOf(live.stream().map(r -> r.id).collect(Collectors.toSet()));
            if (projected != null && TrialAssembler.updatable(projected, seed)) {
                TrialAssembler.update(projected, seed, conflicts);
                trial = projected;
            } else {
                remove(projected);
                trial = TrialAssembler.assemble(seed, conflicts);
                entityManager.persist(trial);
            }
            trial.version = record.version;
            Map<String, Long> versions = live.stream().collect(Collectors.toMap(r -> r.id, r -> r.version));
            trial.results.forEach(result -> result.version = versions.get(result.id));
        } else {
            remove(projected);
        }
        Map<String, List<String>> conflictsAfter = conflictLists(trial);
        if (conflictsAfter.equals(conflictsBefore)) {
            return new LinkedHashSet<>();
        }
        Set<String> conflictNeighbours = new HashSet<>();
        conflictsBefore.values().forEach(conflictNeighbours::addAll);
        conflictsAfter.values().forEach(conflictNeighbours::addAll);
        return refreshConflicts(conflictNeighbours, record.id);
    }

    /** The conflict list of each of the trial's projected results, by result id (none without a projection). */
    private static Map<String, List<String>> conflictLists(Trial trial) {
        return trial == null ? Map.of() : trial.results.stream().collect(Collectors.toMap(result -> result.id, result -> List.copyOf(result.conflictsWith)));
    }

    private void remove(Trial projected) {
        if (projected != null) {
            // Results go first: they refer to the arms that removing the trial removes.
            projected.results.clear();
            entityManager.flush();
            entityManager.remove(projected);
            entityManager.flush();
        }
    }

    /**
     * A served result's conflicts: those its record declares and those declared against it, by results that are
     * served (a deleted result no longer counts as a conflict).
     */
    private Map<String, Set<String>> conflictsOf(Set<String> resultIds) {
        Map<String, Set<String>> conflicts = new HashMap<>();
        if (resultIds.isEmpty()) {
            return conflicts;
        }
        List<Object[]> declaredBy = entityManager.createQuery("""
                        select r.id, other from ResultRecord r join r.declaredConflicts other, TrialRecord t
                        where t.id = r.trialId and r.deleted = false and t.deleted = false and (r.id in :ids or other in :ids)""", Object[].class)
                .setParameter("ids", resultIds).getResultList();
        Set<String> mentioned = new HashSet<>();
        declaredBy.forEach(pair -> {
            mentioned.add((String) pair[0]);
            mentioned.add((String) pair[1]);
        });
        Set<String> served = served(mentioned);
        for (Object[] pair : declaredBy) {
            String declaring = (String) pair[0];
            String other = (String) pair[1];
            if (served.contains(declaring) && served.contains(other)) {
                conflicts.computeIfAbsent(declaring, id -> new LinkedHashSet<>()).add(other);
                conflicts.computeIfAbsent(other, id -> new LinkedHashSet<>()).add(declaring);
            }
        }
        return conflicts;
    }

    private Set<String> served(Set<String> resultIds) {
        if (resultIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery("""
                        select r.id from ResultRecord r, TrialRecord t
                        where t.id = r.trialId and r.deleted = false and t.deleted = false and r.id in :ids""", String.class)
                .setParameter("ids", resultIds).getResultList());
    }

    /** Other trials' results whose conflict list this change alters show it, and their trials get a new version. */
    private Set<String> refreshConflicts(Set<String> resultIds, String changedTrial) {
        Set<String> changedTrials = new LinkedHashSet<>();
        if (resultIds.isEmpty()) {
            return changedTrials;
        }
        Map<String, Set<String>> conflicts = conflictsOf(resultIds);
        List<Result> neighbours = entityManager.createQuery("select r from Result r join fetch r.trial where r.id in :ids and r.trial.id <> :trial", Result.class)
                .setParameter("ids", resultIds).setParameter("trial", changedTrial).getResultList();
        for (Result result : neighbours) {
            List<String> now = new ArrayList<>(conflicts.getOrDefault(result.id, Set.of()));
            if (!now.equals(result.conflictsWith)) {
                result.conflictsWith = now;
                result.conflicting = !now.isEmpty() || !result.disputedBy.isEmpty();
                // Its stored view no longer says so: cleared as a write clears its own results' (TrialAssembler), so
                // that a page read before the read model's patch stores it again makes it from this row.
                result.viewJson = null;
                ResultRecord resultRecord = entityManager.find(ResultRecord.class, result.id);
                resultRecord.version++;
                result.version = resultRecord.version;
                TrialRecord trialRecord = entityManager.find(TrialRecord.class, result.trial.id, LockModeType.PESSIMISTIC_WRITE);
                trialRecord.version++;
                result.trial.version = trialRecord.version;
                changedTrials.add(trialRecord.id);
            }
        }
        return changedTrials;
    }

    public static TrialSeed toSeed(JsonNode document) {
        try {
            return TrialValidation.MAPPER.treeToValue(document, TrialSeed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record no longer reads as a trial", e);
        }
    }

    private static void stamp(TrialRecord record, String actor, Instant at) {
        record.changedAt = at;
        record.changedBy = actor;
    }
}
