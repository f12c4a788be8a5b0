package org.trialevidence.store;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the operating system back the heap that start-up used and the dataset served does not. Validating 100,000
 * trials, making their read models and writing them grows G1's heap to its maximum (1 GB with {@code -Xmx1g}), and G1
 * keeps it committed: it shrinks the heap only after a full collection or a concurrent cycle, and then only down to
 * where {@code MaxHeapFreeRatio} (70%) of it is free. The models served live in ~270 MB of it, so ~920 MB would stay
 * committed and the process over 1.2 GB. One full collection with the free ratios lowered to 10/30 for its length
 * leaves at most the live data / 0.7 committed (270 -> ~380 MB); the ratios are set back after it, so later growth and
 * shrinking are the JVM's own. Ratios set to values other than HotSpot's, on the command line or at run time (jcmd, a
 * JMX client), are left as they are (the collection then shrinks as far as they allow), and
 * {@code -XX:+DisableExplicitGC} turns the collection off. Plain Java: HotSpot's management beans, which other JVMs may
 * not have (then the collection runs with their ratios).
 */
final class StartupHeap {
    /** The flags, in the order they are lowered (a minimum may never exceed the maximum), and their values meanwhile. */
    private static final List<String> RATIOS = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio");
    private static final List<String> LOWERED = List.of("10", "30");
    /**
     * HotSpot's own values of the ratios. Ratios at other values were set by someone (on the command line, with jcmd,
     * from a JMX client) and are left alone; at these, whether never set or set back (by this class, at an earlier start
     * in the same JVM: tests start the service several times), they are the JVM's.
     */
    private static final List<String> HOTSPOT_DEFAULTS = List.of("40", "70");

    /** The heap committed before and after the collection, and how long it took. */
    record GivenBack(long committedBefore, long committedAfter, long millis) {
        String describe() {
            return "heap committed %d MB -> %d MB (a full collection of %d ms after start-up)".formatted(
                    committedBefore >> 20, committedAfter >> 20, millis);
        }
    }

    private StartupHeap() {
    }

    static GivenBack giveBack() {
        return giveBack(System::gc);
    }

    /**
     * Runs {@code fullCollection} with the ratios lowered (tests watch the flags through it). One call at a time: a
     * call that overlapped another would take its lowered values for the JVM's.
     */
    static synchronized GivenBack giveBack(Runnable fullCollection) {
        long before = committed();
        long started = System.nanoTime();
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<VMOption> lowered = new ArrayList<>();
        try {
            if (hotSpot != null) {
                lower(hotSpot, lowered);
            }
            fullCollection.run();
        } finally {
            // Back in the opposite order: the maximum first, so the minimum never exceeds it.
            for (int i = lowered.size() - 1; i >= 0; i--) {
                hotSpot.setVMOption(lowered.get(i).getName(), lowered.get(i).getValue());
            }
        }
        return new GivenBack(before, committed(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Lowers both ratios when they are HotSpot's own; adds each option, as it was, to {@code lowered} once lowered. */
    private static void lower(HotSpotDiagnosticMXBean hotSpot, List<VMOption> lowered) {
        List<VMOption> original = RATIOS.stream().map(hotSpot::getVMOption).toList();
        if (!original.stream().map(VMOption::getValue).toList().equals(HOTSPOT_DEFAULTS) || !original.stream().allMatch(VMOption::isWriteable)) {
            return;
        }
        for (int i = 0; i < RATIOS.size(); i++) {
            hotSpot.setVMOption(RATIOS.get(i), LOWERED.get(i));
            lowered.add(original.get(i));
        }
    }

    private static long committed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
