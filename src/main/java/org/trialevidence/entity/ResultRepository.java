package org.trialevidence.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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
        entityManager.createQuery("select r.id, r.position from Result r where r.id in :ids", Object[].class)
                .setParameter("ids", resultIds).getResultList().forEach(row -> positions.put((String) row[0], (Integer) row[1]));
        return positions;
    }

    private long count(String jpql) {
        return entityManager.createQuery(jpql, Long.class).getSingleResult();
    }
}
