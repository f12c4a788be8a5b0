package org.trialevidence.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The WHERE clause of a filtered list query, built from AND-ed conditions with their named parameters. */
public final class JpqlFilter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds a condition; its parameter names must be unique within the query. */
    public JpqlFilter and(String condition, String parameter, Object value) {
        return and(condition, Map.of(parameter, value));
    }

    public JpqlFilter and(String condition, Map<String, Object> conditionParameters) {
        conditions.add("(" + condition + ")");
        parameters.putAll(conditionParameters);
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
