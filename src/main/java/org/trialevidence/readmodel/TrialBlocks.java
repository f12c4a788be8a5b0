package org.trialevidence.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The rows of a read model grouped by trial, trials in their default order (sort key, then id): a write replaces
 * the blocks of the trials it changed and keeps every other block as it is. Immutable. A model whose index holds
 * everything its rows say may hold the blocks without their rows ({@link #withoutRows}): their layout (trials, order,
 * sizes) is all a patch needs, and the rows are made again from the index when they are written out.
 */
public final class TrialBlocks<R> {
    /** One trial's rows, in their order within the trial. */
    public record Block<R>(String sortKey, String trialId, List<R> rows) {
        /** The same trial's block with each row mapped. */
        public Block<R> withRows(UnaryOperator<R> mapping) {
            List<R> mapped = new ArrayList<>(rows.size());
            rows.forEach(row -> mapped.add(mapping.apply(row)));
            return new Block<>(sortKey, trialId, mapped);
        }
    }

    private static final Comparator<Block<?>> ORDER = Comparator.comparing((Block<?> block) -> block.sortKey()).thenComparing(Block::trialId);

    private final List<Block<R>> blocks;
    /**
     * Each block's number of rows and the hash of its trial's id, beside the blocks: a write walks every block, and
     * reading these from two arrays instead of from each block and its id (scattered over the heap) made that walk
     * most of a write's cost at 100,000 trials.
     */
    private final int[] sizes;
    private final int[] trialIdHashes;
    private final int rowCount;
    /** Whether each block holds its rows, or only its place and size ({@link #withoutRows}). */
    private final boolean rowsHeld;

    /** Makes the row of this number (in the order of every block's rows) of that trial again. */
    public interface RowMaker<R> {
        R row(int row, String trialId);
    }

    private TrialBlocks(List<Block<R>> sorted) {
        this.blocks = List.copyOf(sorted);
        rowsHeld = true;
        sizes = new int[sorted.size()];
        trialIdHashes = new int[sorted.size()];
        int rows = 0;
        for (int at = 0; at < sizes.length; at++) {
            sizes[at] = sorted.get(at).rows().size();
            trialIdHashes[at] = sorted.get(at).trialId().hashCode();
            rows += sizes[at];
        }
        rowCount = rows;
    }

    private TrialBlocks(List<Block<R>> sorted, int[] sizes, int[] trialIdHashes, int rowCount, boolean rowsHeld) {
        this.blocks = sorted;
        this.sizes = sizes;
        this.trialIdHashes = trialIdHashes;
        this.rowCount = rowCount;
        this.rowsHeld = rowsHeld;
    }

    /**
     * The same blocks holding no rows: at 100,000 trials the results' 900,000 rows were 80 MB the index holds again in
     * its columns and postings. Rows of such blocks cannot be read; {@link #withRows} makes them again.
     */
    public TrialBlocks<R> withoutRows() {
        if (!rowsHeld) {
            return this;
        }
        List<Block<R>> layout = new ArrayList<>(blocks.size());
        blocks.forEach(block -> layout.add(new Block<>(block.sortKey(), block.trialId(), List.of())));
        return new TrialBlocks<>(Collections.unmodifiableList(layout), sizes, trialIdHashes, rowCount, false);
    }

    /** The same blocks with their rows made again, numbered in their order (to write them out). */
    public TrialBlocks<R> withRows(RowMaker<R> maker) {
        List<Block<R>> filled = new ArrayList<>(blocks.size());
        int row = 0;
        for (int at = 0; at < blocks.size(); at++) {
            Block<R> block = blocks.get(at);
            List<R> rows = new ArrayList<>(sizes[at]);
            for (int i = 0; i < sizes[at]; i++) {
                rows.add(maker.row(row++, block.trialId()));
            }
            filled.add(new Block<>(block.sortKey(), block.trialId(), rows));
        }
        return new TrialBlocks<>(Collections.unmodifiableList(filled), sizes, trialIdHashes, rowCount, true);
    }

    /**
     * The blocks after a write and how the rows moved: {@code newRowOf} gives each row of the blocks before it its
     * number in {@code rows} (-1 for a row of a replaced block), {@code freshRows} are the rows of the replacing
     * blocks in their new order.
     */
    public record Patch<R>(TrialBlocks<R> rows, int[] newRowOf, List<R> freshRows) { }

    /**
     * Writes the blocks for {@link #read} ({@link KeptValues}): a value that rows share is written once and read back
     * shared (the values the index package's SharedValues made shared), so a kept model is loaded without parsing and
     * sharing again every row. The rows and their values must be records of the service, lists, sets, strings and numbers.
     */
    public void write(OutputStream out) throws IOException {
        requireRows();
        KeptValues.Writer values = new KeptValues.Writer(out);
        values.write(new ArrayList<>(blocks));
        values.flush();
    }

    /** The blocks {@link #write} wrote, of rows of this type. */
    public static <R> TrialBlocks<R> read(InputStream in, Class<R> rowType) throws IOException {
        List<Block<R>> blocks = new ArrayList<>();
        try {
            for (Object element : (List<?>) new KeptValues.Reader(in).read()) {
                Block<?> block = (Block<?>) element;
                List<R> rows = new ArrayList<>(block.rows().size());
                block.rows().forEach(row -> rows.add(rowType.cast(row)));
                blocks.add(new Block<>(block.sortKey(), block.trialId(), rows));
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new IOException("not a kept read model of " + rowType.getSimpleName() + ": " + e.getMessage(), e);
        }
        return of(blocks);
    }

    public static <R> TrialBlocks<R> of(Collection<Block<R>> blocks) {
        List<Block<R>> sorted = new ArrayList<>(blocks);
        sorted.sort(ORDER);
        return new TrialBlocks<>(sorted);
    }

    /**
     * These blocks with the trials' blocks replaced by the fresh ones (a trial without a fresh block is dropped), in
     * one walk over the blocks: a write runs this over every trial, so it neither hashes nor compares every block
     * (each fresh block finds its place by a binary search), and it numbers the rows as it goes.
     */
    public Patch<R> replacing(Set<String> trialIds, Collection<Block<R>> fresh) {
        List<Block<R>> sortedFresh = new ArrayList<>(fresh);
        sortedFresh.sort(ORDER);
        int[] placeOfFresh = new int[sortedFresh.size()];
        for (int f = 0; f < placeOfFresh.length; f++) {
            // The place among the blocks held; an equal block held is the trial's own, which is replaced.
            int at = Collections.binarySearch(blocks, sortedFresh.get(f), ORDER);
            placeOfFresh[f] = at < 0 ? -at - 1 : at;
        }
        int[] replacedHashes = trialIds.stream().mapToInt(String::hashCode).toArray();
        int capacity = blocks.size() + sortedFresh.size();
        List<Block<R>> next = new ArrayList<>(capacity);
        int[] nextSizes = new int[capacity];
        int[] nextHashes = new int[capacity];
        List<R> freshRows = new ArrayList<>();
        int[] newRowOf = new int[rowCount];
        int oldStart = 0;
        int newStart = 0;
        int f = 0;
        for (int at = 0; at <= blocks.size(); at++) {
            for (; f < placeOfFresh.length && placeOfFresh[f] == at; f++) {
                Block<R> block = sortedFresh.get(f);
                nextSizes[next.size()] = block.rows().size();
                nextHashes[next.size()] = block.trialId().hashCode();
                next.add(rowsHeld ? block : new Block<>(block.sortKey(), block.trialId(), List.of()));
                freshRows.addAll(block.rows());
                newStart += block.rows().size();
            }
            if (at == blocks.size()) {
                break;
            }
            int size = sizes[at];
            boolean replaced = contains(replacedHashes, trialIdHashes[at]) && trialIds.contains(blocks.get(at).trialId());
            for (int i = 0; i < size; i++) {
                newRowOf[oldStart + i] = replaced ? -1 : newStart + i;
            }
            if (!replaced) {
                nextSizes[next.size()] = size;
                nextHashes[next.size()] = trialIdHashes[at];
                next.add(blocks.get(at));
                newStart += size;
            }
            oldStart += size;
        }
        int count = next.size();
        return new Patch<>(new TrialBlocks<>(Collections.unmodifiableList(next), Arrays.copyOf(nextSizes, count), Arrays.copyOf(nextHashes, count), newStart,
                rowsHeld), newRowOf, freshRows);
    }

    private static boolean contains(int[] values, int value) {
        for (int candidate : values) {
            if (candidate == value) {
                return true;
            }
        }
        return false;
    }

    public void forEachRow(Consumer<R> action) {
        requireRows();
        for (Block<R> block : blocks) {
            block.rows().forEach(action);
        }
    }

    public List<R> rows() {
        List<R> rows = new ArrayList<>(rowCount);
        forEachRow(rows::add);
        return rows;
    }

    public int rowCount() {
        return rowCount;
    }

    private void requireRows() {
        if (!rowsHeld) {
            throw new IllegalStateException("these blocks hold no rows: make them again with withRows");
        }
    }
}
