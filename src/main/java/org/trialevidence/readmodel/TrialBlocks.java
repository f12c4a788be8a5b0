package org.trialevidence.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rows of a read model grouped by trial, trials in their default order (sort key, then id): a write replaces
 * the blocks of the trials it changed and keeps every other block as it is. Immutable.
 */
public final class TrialBlocks<R> {
    /** One trial's rows, in their order within the trial. */
    public record Block<R>(String sortKey, String trialId, List<R> rows) implements Serializable { }

    /** What a kept model may hold: the service's records and the JDK's strings, numbers and collections. */
    private static final ObjectInputFilter KEPT_CLASSES = ObjectInputFilter.Config.createFilter("org.trialevidence.**;java.**;!*");

    private static final Comparator<Block<?>> ORDER = Comparator.comparing((Block<?> block) -> block.sortKey()).thenComparing(Block::trialId);

    private final List<Block<R>> blocks;
    private final int rowCount;

    private TrialBlocks(List<Block<R>> sorted) {
        blocks = List.copyOf(sorted);
        int rows = 0;
        for (Block<R> block : blocks) {
            rows += block.rows().size();
        }
        rowCount = rows;
    }

    /**
     * Writes the blocks for {@link #read} with Java serialization: it writes a value that rows share once and reads it
     * back shared (the values the index package's SharedValues made shared), so a kept model is loaded without parsing and
     * sharing again every row. The rows and their values must be serializable records, lists and strings.
     */
    public void write(OutputStream out) throws IOException {
        ObjectOutputStream objects = new ObjectOutputStream(out);
        objects.writeObject(new ArrayList<>(blocks));
        objects.flush();
    }

    /** The blocks {@link #write} wrote, of rows of this type; only the service's own classes and the JDK's are read. */
    public static <R> TrialBlocks<R> read(InputStream in, Class<R> rowType) throws IOException {
        ObjectInputStream objects = new ObjectInputStream(in);
        objects.setObjectInputFilter(KEPT_CLASSES);
        List<?> read;
        try {
            read = (List<?>) objects.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a kept read model: " + e.getMessage(), e);
        }
        List<Block<R>> blocks = new ArrayList<>(read.size());
        for (Object element : read) {
            Block<?> block = (Block<?>) element;
            List<R> rows = new ArrayList<>(block.rows().size());
            block.rows().forEach(row -> rows.add(rowType.cast(row)));
            blocks.add(new Block<>(block.sortKey(), block.trialId(), rows));
        }
        return of(blocks);
    }

    public static <R> TrialBlocks<R> of(Collection<Block<R>> blocks) {
        List<Block<R>> sorted = new ArrayList<>(blocks);
        sorted.sort(ORDER);
        return new TrialBlocks<>(sorted);
    }

    /** These blocks with the trials' blocks replaced by the fresh ones (a trial without a fresh block is dropped). */
    public TrialBlocks<R> replacing(Set<String> trialIds, Collection<Block<R>> fresh) {
        List<Block<R>> kept = new ArrayList<>(blocks.size() + fresh.size());
        for (Block<R> block : blocks) {
            if (!trialIds.contains(block.trialId())) {
                kept.add(block);
            }
        }
        for (Block<R> block : fresh) {
            int at = java.util.Collections.binarySearch(kept, block, ORDER);
            kept.add(at < 0 ? -at - 1 : at, block);
        }
        return new TrialBlocks<>(kept);
    }

    /**
     * The number each row of the older blocks has in these (rows are numbered in block order), -1 for the rows of
     * a block these replaced: blocks kept by {@link #replacing} are the very same objects, in the same order. One
     * walk over both lists, without hashing: a write runs it on every trial's block.
     */
    public int[] rowsRenumberedFrom(TrialBlocks<R> older) {
        int[] newRowOf = new int[older.rowCount];
        int row = 0;
        int next = 0;
        int nextStart = 0;
        for (Block<R> block : older.blocks) {
            // Blocks of these that sort up to the older block and are not it are fresh: their rows come first.
            while (next < blocks.size() && blocks.get(next) != block && ORDER.compare(blocks.get(next), block) <= 0) {
                nextStart += blocks.get(next++).rows().size();
            }
            boolean kept = next < blocks.size() && blocks.get(next) == block;
            for (int i = 0; i < block.rows().size(); i++) {
                newRowOf[row++] = kept ? nextStart + i : -1;
            }
            if (kept) {
                nextStart += blocks.get(next++).rows().size();
            }
        }
        return newRowOf;
    }

    /** The rows of the blocks these hold and the older ones did not (the replacing blocks), in row order. */
    public List<R> rowsNotIn(TrialBlocks<R> older) {
        List<R> fresh = new ArrayList<>();
        int old = 0;
        for (Block<R> block : blocks) {
            // The older blocks that sort before this one and are not it were replaced.
            while (old < older.blocks.size() && older.blocks.get(old) != block && ORDER.compare(older.blocks.get(old), block) <= 0) {
                old++;
            }
            if (old < older.blocks.size() && older.blocks.get(old) == block) {
                old++;
            } else {
                fresh.addAll(block.rows());
            }
        }
        return fresh;
    }

    public void forEachRow(Consumer<R> action) {
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
}
