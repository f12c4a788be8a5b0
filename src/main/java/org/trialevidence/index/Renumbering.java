package org.trialevidence.index;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

import java.util.Arrays;

/**
 * How the rows of an index move when some trials' rows are replaced: every kept row gets a new number (or keeps
 * its own), the replaced ones get none, and the fresh rows fill the numbers no kept row took. Kept rows keep their
 * relative order, so an ascending array of kept rows stays ascending when renumbered: a patch renumbers postings
 * and orders with array passes instead of building them again.
 */
public final class Renumbering {
    private final int[] newRowOf;
    private final int[] oldRowOf;
    private final int[] freshRows;
    /** The old rows that are replaced, ascending. */
    private final int[] replacedRows;
    /** Every kept row keeps its number (a write that changed trials without changing their number of rows). */
    private final boolean keepsNumbers;

    /**
     * @param newRowOf the new number of each old row, -1 for a row that is replaced; ascending over the kept rows
     * @param newCount how many rows the patched index has
     */
    public Renumbering(int[] newRowOf, int newCount) {
        this.newRowOf = newRowOf;
        oldRowOf = new int[newCount];
        Arrays.fill(oldRowOf, -1);
        int previous = -1;
        int replaced = 0;
        boolean same = true;
        for (int row = 0; row < newRowOf.length; row++) {
            int renumbered = newRowOf[row];
            replaced += renumbered < 0 ? 1 : 0;
            same &= renumbered < 0 || renumbered == row;
            if (renumbered >= 0) {
                if (renumbered <= previous || renumbered >= newCount) {
                    throw new IllegalArgumentException("kept rows must keep their order: row " + row + " becomes " + renumbered);
                }
                oldRowOf[renumbered] = row;
                previous = renumbered;
            }
        }
        int fresh = 0;
        for (int row : oldRowOf) {
            fresh += row < 0 ? 1 : 0;
        }
        keepsNumbers = same;
        replacedRows = new int[replaced];
        for (int row = 0, n = 0; row < newRowOf.length; row++) {
            if (newRowOf[row] < 0) {
                replacedRows[n++] = row;
            }
        }
        freshRows = new int[fresh];
        for (int row = 0, n = 0; row < newCount; row++) {
            if (oldRowOf[row] < 0) {
                freshRows[n++] = row;
            }
        }
    }

    public int newCount() {
        return oldRowOf.length;
    }

    /** The old number of a new row, or -1 for a fresh row. */
    public int oldRowOf(int newRow) {
        return oldRowOf[newRow];
    }

    /** The new rows that are not kept ones, ascending: those a patch adds from the changed trials. */
    public int[] freshRows() {
        return freshRows.clone();
    }

    /** The old rows that are replaced, ascending: those whose values a patch takes out. */
    public int[] replacedRows() {
        return replacedRows.clone();
    }

    /** Whether every kept row keeps its number: then what holds no replaced row can be kept as it is. */
    public boolean keepsNumbers() {
        return keepsNumbers;
    }

    /**
     * Whether the first size entries of an ascending array of old rows come out of this renumbering, with the fresh
     * rows of the same list merged in, as they are: every kept row keeps its number and the fresh rows are exactly
     * the replaced rows the list had (a write that changed values, not which rows carry a term). Costs a binary
     * search per replaced row in the list's range, not a pass over the rows.
     */
    public boolean keepsAll(int[] oldRows, int size, int[] fresh, int freshSize) {
        if (!keepsNumbers) {
            return false;
        }
        int matched = 0;
        if (size > 0) {
            int from = Arrays.binarySearch(replacedRows, oldRows[0]);
            for (int i = from < 0 ? -from - 1 : from; i < replacedRows.length && replacedRows[i] <= oldRows[size - 1]; i++) {
                if (Arrays.binarySearch(oldRows, 0, size, replacedRows[i]) >= 0) {
                    if (matched == freshSize || fresh[matched] != replacedRows[i]) {
                        return false;
                    }
                    matched++;
                }
            }
        }
        return matched == freshSize;
    }

    /**
     * Whether a posting of old rows comes out of this renumbering, with the fresh rows of the same term merged in, as
     * it is: every kept row keeps its number and the term's fresh rows are exactly the replaced rows it had (a write
     * that changed values, not which rows carry the term). Costs a look-up per replaced row.
     */
    public boolean keepsAll(RoaringBitmap oldRows, RoaringBitmap fresh) {
        if (!keepsNumbers) {
            return false;
        }
        int matched = 0;
        for (int replaced : replacedRows) {
            if (oldRows.contains(replaced)) {
                if (!fresh.contains(replaced)) {
                    return false;
                }
                matched++;
            }
        }
        return matched == fresh.getCardinality();
    }

    /** A posting of old rows, renumbered, without the replaced ones: a new bitmap. */
    public RoaringBitmap renumbered(RoaringBitmap oldRows) {
        if (keepsNumbers) {
            return RoaringBitmap.andNot(oldRows, RoaringBitmap.bitmapOf(replacedRows));
        }
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        oldRows.forEach((int oldRow) -> {
            int row = newRowOf[oldRow];
            if (row >= 0) {
                out.add(row);
            }
        });
        return out.get();
    }

    /** Whether the fresh rows are the replaced rows, one for one, and the kept rows keep their numbers. */
    public boolean replacesInPlace() {
        return keepsNumbers && Arrays.equals(replacedRows, freshRows);
    }

    /** The new number of an old row, or -1 for a replaced row. */
    public int newRowOf(int oldRow) {
        return newRowOf[oldRow];
    }

    /** An ascending array of old rows, renumbered, without the replaced ones: still ascending. */
    public int[] renumbered(int[] oldRows) {
        int[] out = new int[oldRows.length];
        int n = 0;
        for (int oldRow : oldRows) {
            int row = newRowOf[oldRow];
            if (row >= 0) {
                out[n++] = row;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
