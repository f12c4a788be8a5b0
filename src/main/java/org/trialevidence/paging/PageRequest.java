package org.trialevidence.paging;

import org.trialevidence.errors.ProblemException;

import java.util.List;

/** A validated page request: a bad page or size is an error, never silently clamped. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Every match in one page (CSV only). */
    public static final PageRequest ALL = new PageRequest(0, Integer.MAX_VALUE);
    /** Keeps page * size inside what a database offset holds. */
    static final int MAX_PAGE = 1_000_000;

    public static PageRequest parse(String page, String size) {
        int pageNumber = page == null ? 0 : number("page", page, 0, MAX_PAGE);
        int pageSize = size == null ? DEFAULT_SIZE : number("size", size, 1, MAX_SIZE);
        return new PageRequest(pageNumber, pageSize);
    }

    private static int number(String parameter, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw ProblemException.invalidParameter(parameter, "'" + text + "' is not a whole number from " + min + " to " + max + ".",
                List.of(min + ".." + max), null);
    }

    public int offset() {
        return page * size;
    }

    public boolean isAll() {
        return this.equals(ALL);
    }
}
