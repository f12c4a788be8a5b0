package org.trialevidence.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.trialevidence.entity.ResultRepository;
import org.trialevidence.entity.TrialRepository;
import org.trialevidence.result.ResultView;
import org.trialevidence.store.StoredTrials;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
    ResultRepository resultRepository;
    @Inject
    TrialRepository trialRepository;
    @Inject
    StoredTrials storedTrials;

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
            Set<String> resultIds = results.stream().map(ResultView::id).collect(Collectors.toSet());
            Set<String> trials = results.stream().map(result -> result.trial().id()).collect(Collectors.toSet());
            QuarkusTransaction.joiningExisting().run(() -> {
                if (storedTrials.madeFromFiles()) {
                    // The database does not hold the trials yet: their places and arms as seeding writes them.
                    trials.stream().map(storedTrials::trial).filter(Objects::nonNull).forEach(trial -> {
                        trial.results.stream().filter(result -> resultIds.contains(result.id)).forEach(result -> positions.put(result.id, result.position));
                        trial.arms.forEach(arm -> arms.put(trial.id + "\u0000" + arm.armId, new ArmInfo(arm.label, arm.role)));
                    });
                    return;
                }
                positions.putAll(resultRepository.positions(resultIds));
                trialRepository.armNames(trials).forEach(arm -> arms.put(arm.trialId() + "\u0000" + arm.armId(), new ArmInfo(arm.label(), arm.role())));
            });
        }
        return new Details(positions, arms);
    }
}
