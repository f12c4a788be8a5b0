package org.trialevidence.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The queries on trials and their arms, in the caller's transaction. */
@ApplicationScoped
public class TrialRepository {
    @Inject
    EntityManager entityManager;

    /** A name a trial is known by (acronym or alias). */
    public record TrialName(String trialId, String name) { }

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

    /**
     * Every trial, or only those named, {@code trialsPerQuery} trials per query; the persistence context is cleared
     * after each chunk, so that a read of the whole dataset does not keep every entity it read. A chunk is read whole (not
     * streamed) so that the lazy collections of its trials load in one batch query each (fetch.batch-size), not one
     * query per trial: streamed, each trial was alone in the persistence context when its collections loaded.
     */
    public void forEach(Set<String> trialIds, int trialsPerQuery, Consumer<Trial> action) {
        List<String> ids = trialIds == null
                ? entityManager.createQuery("select t.id from Trial t order by t.id", String.class).getResultList()
                : trialIds.stream().sorted().toList();
        for (int from = 0; from < ids.size(); from += trialsPerQuery) {
            entityManager.createQuery("select t from Trial t where t.id in :trials order by t.id", Trial.class)
                    .setParameter("trials", ids.subList(from, Math.min(from + trialsPerQuery, ids.size()))).getResultList().forEach(action);
            entityManager.clear();
        }
    }

    /**
     * The first name of another trial than {@code self} that the test accepts, among the names with that skeleton and
     * then the names written before names had a skeleton (migration V4). Two queries, not one with "or": each can use
     * the skeleton's index, where the disjunction read every name of the dataset.
     */
    public Optional<TrialName> otherTrialsName(String skeleton, String self, Predicate<String> accepted) {
        return firstName("n.nameSkeleton = :skeleton", skeleton, self, accepted)
                .or(() -> firstName("n.nameSkeleton is null", null, self, accepted));
    }

    private Optional<TrialName> firstName(String condition, String skeleton, String self, Predicate<String> accepted) {
        var query = entityManager.createQuery("select t.id, n.name from Trial t join t.names n where " + condition + " and t.id <> :self", Object[].class)
                .setParameter("self", self);
        if (skeleton != null) {
            query.setParameter("skeleton", skeleton);
        }
        return query.getResultStream().filter(row -> accepted.test((String) row[1])).findFirst()
                .map(row -> new TrialName((String) row[0], (String) row[1]));
    }

    /** The names of every arm of the trials. */
    public List<ArmName> armNames(Set<String> trialIds) {
        return InLists.of(trialIds).stream().flatMap(trials ->
                entityManager.createQuery("select a.trial.id, a.armId, a.label, a.role from Arm a where a.trial.id in :trials", Object[].class)
                        .setParameter("trials", trials).getResultList().stream())
                .map(row -> new ArmName((String) row[0], (String) row[1], (String) row[2], (String) row[3])).toList();
    }
}
