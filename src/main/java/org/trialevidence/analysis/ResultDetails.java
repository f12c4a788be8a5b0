package org.trialevidence.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.trialevidence.result.ResultView;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the analyses need beyond the results' JSON views: each result's place in its trial's record (a tie-break
 * that does not depend on the query's sort), and the label and role of every arm a comparison names (the view
 * only describes arms with per-arm values).
 */
@ApplicationScoped
public class ResultDetails {
    @Inject
    EntityManager entityManager;

    public record ArmInfo(String label, String role) { }

    public record Details(Map<String, Integer> positions, Map<String, ArmInfo> arms) {
        public int position(ResultView result) {
            return positions.getOrDefault(result.id(), Integer.MAX_VALUE);
        }

        /** The arm, or a stand-in named by its id when the record has no such arm. */
        public ArmInfo arm(ResultView result, String armId) {
            return arms.getOrDefault(result.trial().id() + "\u0000" + armId, new ArmInfo(armId, null));
        }
    }

    public Details of(Collection<ResultView> results) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, ArmInfo> arms = new HashMap<>();
        if (!results.isEmpty()) {
            QuarkusTransaction.joiningExisting().run(() -> {
                entityManager.createQuery("select r.id, r.position from Result r where r.id in :ids", Object[].class)
                        .setParameter("ids", results.stream().map(ResultView::id).collect(Collectors.toSet()))
                        .getResultList().forEach(row -> positions.put((String) row[0], (Integer) row[1]));
                Set<String> trials = results.stream().map(result -> result.trial().id()).collect(Collectors.toSet());
                entityManager.createQuery("select a.trial.id, a.armId, a.label, a.role from Arm a where a.trial.id in :trials", Object[].class)
                        .setParameter("trials", trials).getResultList()
                        .forEach(row -> arms.put(row[0] + "\u0000" + row[1], new ArmInfo((String) row[2], (String) row[3])));
            });
        }
        return new Details(positions, arms);
    }
}
