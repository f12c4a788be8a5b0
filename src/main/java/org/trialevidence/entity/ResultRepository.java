package org.trialevidence.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The queries on results, in the caller's transaction. */
@ApplicationScoped
public class ResultRepository {
    @Inject
    EntityManager entityManager;

    public long count() {
        return count("select count(r) from Result r");
    }

    public long countTrialsWithResults() {
        return count("select count(distinct r.trial) from Result r");
    }

    public long countWithEffectEstimate() {
        return count("select count(r) from Result r where r.estimate is not null");
    }

    public long countConflicting() {
        return count("select count(r) from Result r where r.conflicting = true");
    }

    /** Each result's place in its trial's record, by result id. */
    public Map<String, Integer> positions(Set<String> resultIds) {
        Map<String, Integer> positions = new HashMap<>();
        for (List<String> ids : InLists.of(resultIds)) {
            entityManager.createQuery("select r.id, r.position from Result r where r.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(row -> positions.put((String) row[0], (Integer) row[1]));
        }
        return positions;
    }

    /**
     * Every result with its trial, in the default order (trial acronym, trial id, place in the trial), or only those of
     * the trials named. The results of {@code trialsPerQuery} trials are read per query and the persistence context is
     * cleared after each, so that a read of the whole dataset does not keep every entity it read; a chunk is read whole
     * (not streamed) so that the arms and drugs of its results load in one batch query each (fetch.batch-size), not one
     * query per result.
     */
    public void forEachWithTrial(Set<String> trialIds, int trialsPerQuery, Consumer<Result> action) {
        List<String> trials = trialIds == null
                ? entityManager.createQuery("select t.id from Trial t order by t.acronym, t.id", String.class).getResultList()
                : trialIds.stream().sorted().toList();
        for (int from = 0; from < trials.size(); from += trialsPerQuery) {
            entityManager.createQuery("select r from Result r join fetch r.trial t where t.id in :trials order by t.acronym, t.id, r.position, r.id",
                            Result.class)
                    .setParameter("trials", trials.subList(from, Math.min(from + trialsPerQuery, trials.size())))
                    .setHint("org.hibernate.readOnly", true).getResultList().forEach(action);
            entityManager.clear();
        }
    }

    /** The results with their trials, to be changed in the caller's transaction. */
    public List<Result> withTrials(Collection<String> ids) {
        return entityManager.createQuery("select r from Result r join fetch r.trial where r.id in :ids", Result.class)
                .setParameter("ids", ids).getResultList();
    }

    /** The stored JSON view of each result, by result id. */
    public Map<String, String> storedViews(Collection<String> ids) {
        Map<String, String> views = new HashMap<>();
        entityManager.createQuery("select r.id, r.viewJson from Result r where r.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(row -> views.put((String) row[0], (String) row[1]));
        return views;
    }

    private long count(String jpql) {
        return entityManager.createQuery(jpql, Long.class).getSingleResult();
    }
}
