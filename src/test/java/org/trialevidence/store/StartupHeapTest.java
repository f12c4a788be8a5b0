package org.trialevidence.store;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupHeapTest {
    private static final int MB = 1 << 20;
    private final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private List<String> ratios() {
        return List.of(hotSpot.getVMOption("MinHeapFreeRatio").getValue(), hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
    }

    @Test
    void theCollectionRunsWithTheFreeRatiosLoweredAndTheJvmsAreSetBackAfter() {
        List<String> before = ratios();
        for (int start = 1; start <= 2; start++) {
            List<List<String>> during = new ArrayList<>();
            StartupHeap.giveBack(() -> during.add(ratios()));
            assertEquals(List.of(List.of("10", "30")), during, "start " + start + " (the second sees the values the first set back)");
            assertEquals(before, ratios(), "start " + start);
        }
    }

    /** Ratios someone set at run time (jcmd, a JMX client) are theirs: the collection runs with them, and they stay. */
    @Test
    void ratiosSetAtRunTimeByAnOperatorAreLeftAlone() {
        List<String> before = ratios();
        StartupHeap.giveBack(() -> { });
        hotSpot.setVMOption("MinHeapFreeRatio", "20");
        hotSpot.setVMOption("MaxHeapFreeRatio", "60");
        try {
            List<List<String>> during = new ArrayList<>();
            StartupHeap.giveBack(() -> during.add(ratios()));
            assertEquals(List.of(List.of("20", "60")), during);
            assertEquals(List.of("20", "60"), ratios());
        } finally {
            hotSpot.setVMOption("MaxHeapFreeRatio", before.get(1));
            hotSpot.setVMOption("MinHeapFreeRatio", before.get(0));
        }
        List<List<String>> during = new ArrayList<>();
        StartupHeap.giveBack(() -> during.add(ratios()));
        assertEquals(List.of(List.of("10", "30")), during, "the values this class set back are lowered again");
    }

    /**
     * The heap grown by start-up is given back down to at most the live data / 0.6 (with MaxHeapFreeRatio 30 it is at
     * most live / 0.7; the JVM's own 70 would keep up to live / 0.3): 128 MB stay live through the collection, 512 MB do not.
     */
    @Test
    void aGrownHeapIsGivenBackToTheLiveDataAndLittleMore() {
        List<byte[]> live = new ArrayList<>();
        List<byte[]> startUpOnly = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            live.add(new byte[8 * MB]);
        }
        for (int i = 0; i < 64; i++) {
            startUpOnly.add(new byte[8 * MB]);
        }
        long grown = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        assertTrue(grown >= 640L * MB, "the heap grew to hold 640 MB: " + (grown >> 20) + " MB");
        startUpOnly.clear();

        StartupHeap.GivenBack givenBack = StartupHeap.giveBack();

        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertTrue(used >= 128L * MB, "the live arrays survived: " + live.size());
        assertTrue(givenBack.committedBefore() >= grown, givenBack.describe());
        assertTrue(givenBack.committedAfter() <= used / 0.6, givenBack.describe() + ", used after " + (used >> 20) + " MB");
    }
}
