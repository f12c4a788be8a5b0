package org.trialevidence.trial;

import org.junit.jupiter.api.Test;
import org.trialevidence.index.Renumbering;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A trial rewritten in place (same row, as a sponsor, alias or phase change leaves it) is found by its names after
 * the patch as after a build from every trial: by the names it kept or gained, not by those it lost, and every other
 * trial as before; the phases the phase filter accepts are those of a build too.
 */
class PatchedTrialIndexTest {
    private static TrialIndex.Row trial(String acronym, String sponsor, String... aliases) {
        return trial(acronym, sponsor, "3", List.of(aliases));
    }

    private static TrialIndex.Row ofPhase(String acronym, String phase) {
        return trial(acronym, "x", phase, List.of());
    }

    private static TrialIndex.Row trial(String acronym, String sponsor, String phase, List<String> aliases) {
        String id = acronym.toLowerCase();
        TrialSummaryView summary = new TrialSummaryView(id, acronym, aliases, null, "randomized-controlled-trial", phase, "completed",
                "metastatic-first-line", null, null, List.of(), List.of(), List.of(), List.of("PFS"), 1, sponsor, null);
        List<String> names = new ArrayList<>(List.of(id, acronym));
        names.addAll(aliases);
        return new TrialIndex.Row(summary, List.copyOf(names), acronym.toLowerCase(), Set.of(), List.of(), 2);
    }

    private static final List<String> ASKED = List.of("alpha", "ALPHA-1", "a one", "beta", "BETA 2", "b-two", "b-three", "gamma", "g three");

    @Test
    void namesAfterInPlacePatchesAreThoseOfABuild() {
        List<TrialIndex.Row> before = List.of(trial("ALPHA", "x", "ALPHA-1", "A ONE"), trial("BETA", "x", "BETA-2", "B TWO"), trial("GAMMA", "x", "G THREE"));
        TrialIndex held = new TrialIndex("v1", before);
        // Row 1 rewritten in place twice: first a new sponsor only (every name kept), then an alias swapped for another.
        List<TrialIndex.Row> sponsorChanged = List.of(before.get(0), trial("BETA", "y", "BETA-2", "B TWO"), before.get(2));
        List<TrialIndex.Row> aliasChanged = List.of(before.get(0), trial("BETA", "y", "BETA-2", "B THREE"), before.get(2));
        TrialIndex afterSponsor = held.patched("v2", inPlace(3, 1), List.of(sponsorChanged.get(1)));
        TrialIndex afterAlias = afterSponsor.patched("v3", inPlace(3, 1), List.of(aliasChanged.get(1)));

        assertSameNames(new TrialIndex("v2", sponsorChanged), afterSponsor);
        assertSameNames(new TrialIndex("v3", aliasChanged), afterAlias);
        assertEquals(1, afterAlias.rowOf("b three"));
        assertNull(afterAlias.rowOf("B TWO"), "a name the trial lost");
        assertEquals(2, afterAlias.rowOf("g-three"));
        assertEquals(1, afterSponsor.rowOf("b two"));
    }

    @Test
    void phasesAfterInPlacePatchesAreThoseOfABuild() {
        List<TrialIndex.Row> before = List.of(ofPhase("ALPHA", "1b/2"), ofPhase("BETA", "3"), ofPhase("GAMMA", "3"));
        TrialIndex held = new TrialIndex("v1", before);
        // The only trial of phase 1b/2 moves to phase 2; then one of the two of phase 3 moves to no phase at all.
        List<TrialIndex.Row> second = List.of(ofPhase("ALPHA", "2"), before.get(1), before.get(2));
        List<TrialIndex.Row> third = List.of(second.get(0), second.get(1), ofPhase("GAMMA", null));
        TrialIndex patchedOnce = held.patched("v2", inPlace(3, 0), List.of(second.get(0)));
        TrialIndex patchedTwice = patchedOnce.patched("v3", inPlace(3, 2), List.of(third.get(2)));

        assertEquals(List.of("1b/2", "3"), held.phases);
        assertEquals(new TrialIndex("v2", second).phases, patchedOnce.phases);
        assertEquals(List.of("2", "3"), patchedOnce.phases);
        assertEquals(new TrialIndex("v3", third).phases, patchedTwice.phases);
        assertEquals(List.of("2", "3"), patchedTwice.phases);
    }

    /** Rows 0..count-1, each kept at its number except those replaced by fresh rows at the same numbers. */
    private static Renumbering inPlace(int count, int... replaced) {
        int[] newRowOf = IntStream.range(0, count).toArray();
        for (int row : replaced) {
            newRowOf[row] = -1;
        }
        return new Renumbering(newRowOf, count);
    }

    private static void assertSameNames(TrialIndex built, TrialIndex patched) {
        assertEquals(built.nameKeys(), patched.nameKeys());
        for (String name : ASKED) {
            assertEquals(built.rowOf(name), patched.rowOf(name), name);
        }
    }
}
