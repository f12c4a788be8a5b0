package org.trialevidence.analysis;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.trialevidence.entity.ResultRepository;
import org.trialevidence.entity.TrialRepository;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The places and arms an analysis reads for its studies, asked for as many as a meta-analysis at 100,000 trials asks
 * (24,139 studies answered 500: one IN list of more parameters than H2 takes). The real ids are among 150,000.
 */
@QuarkusTest
class ResultDetailsTest {
    private static final int ASKED = 150_000;

    @Inject
    ResultRepository results;
    @Inject
    TrialRepository trials;

    @Test
    void placesAndArmsOfMoreIdsThanOneStatementTakes() {
        Set<String> resultIds = padded("serena-6-pfs-itt", "monaleesa-2-pfs-itt");
        Map<String, Integer> positions = QuarkusTransaction.requiringNew().call(() -> results.positions(resultIds));
        assertEquals(Set.of("serena-6-pfs-itt", "monaleesa-2-pfs-itt"), positions.keySet(), "the two real results, nothing else");

        Set<String> trialIds = padded("serena-6", "paloma-2");
        Set<String> armsOf = QuarkusTransaction.requiringNew().call(() -> trials.armNames(trialIds)).stream()
                .map(TrialRepository.ArmName::trialId).collect(Collectors.toSet());
        assertEquals(Set.of("serena-6", "paloma-2"), armsOf);
    }

    private static Set<String> padded(String... real) {
        Set<String> ids = new HashSet<>(Set.of(real));
        for (int i = 0; ids.size() < ASKED; i++) {
            ids.add("no-such-id-" + i);
        }
        assertTrue(ids.containsAll(Set.of(real)));
        return ids;
    }
}
