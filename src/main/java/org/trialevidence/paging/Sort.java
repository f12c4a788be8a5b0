package org.trialevidence.paging;

import org.trialevidence.errors.ProblemException;

import java.util.List;

/** A validated sort: one of the keys an endpoint offers, ascending unless prefixed with '-'. */
public record Sort(String key, boolean descending) {

    public static Sort parse(String sort, String defaultKey, List<String> keys) {
        String requested = sort == null || sort.isBlank() ? defaultKey : sort.strip();
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        String key = keys.stream().filter(candidate -> candidate.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> ProblemException.invalidParameter("sort", "'" + sort + "' is not a sort key here (prefix '-' for descending).", keys, null));
        return new Sort(key, descending);
    }
}
