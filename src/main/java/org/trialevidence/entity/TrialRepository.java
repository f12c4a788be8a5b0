package org.trialevidence.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The queries on trials and their arms, in the caller's transaction. */
@ApplicationScoped
public class TrialRepository {
    @Inject
    EntityManager entityManager;

    /** An arm's names, by its trial and its id within the trial. */
    public record ArmName(String trialId, String armId, String label, String role) { }

    public long count() {
        return entityManager.createQuery("select count(t) from Trial t", Long.class).getSingleResult();
    }

    public long countArms() {
        return entityManager.createQuery("select count(a) from Arm a", Long.class).getSingleResult();
    }

    /** How many trials there are of each study type, by study type. */
    public Map<String, Long> countByStudyType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        entityManager.createQuery("select t.studyType, count(t) from Trial t group by t.studyType order by t.studyType", Object[].class)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** The names of every arm of the trials. */
    public List<ArmName> armNames(Set<String> trialIds) {
        return entityManager.createQuery("select a.trial.id, a.armId, a.label, a.role from Arm a where a.trial.id in :trials", Object[].class)
                .setParameter("trials", trialIds).getResultList().stream()
                .map(row -> new ArmName((String) row[0], (String) row[1], (String) row[2], (String) row[3])).toList();
    }
}
