package org.trialevidence.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trialevidence.errors.ProblemException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields= of a list: dotted paths of what to keep of each item. In JSON a path keeps that member with all it holds
 * (trial keeps the whole trial object, arms.value keeps the value of every arm: lists are walked through); in CSV it keeps
 * the column of that name and every column below it (experimental keeps experimental.label, experimental.value, ...).
 * Paths match case-insensitively; an unknown one is a problem listing those the representation has.
 */
public final class FieldSelection {
    public static final String PARAMETER = "fields";
    public static final String DESCRIPTION = "Dotted paths of the fields to keep of each item, comma-separated or repeated (fields=trial.acronym,endpoint"
            + " or fields=trial&fields=hazardRatio). In JSON a path keeps that member with all it holds and walks through lists (arms.value keeps the"
            + " value of every arm); in CSV it keeps the column of that name and every column below it (experimental keeps experimental.*)."
            + " Without it, every field. An unknown path is a 400 problem listing the paths the representation has.";
    private static final FieldSelection EVERY_FIELD = new FieldSelection(Set.of());

    /** The chosen paths in their canonical spelling; empty for every field. */
    private final Set<String> paths;

    private FieldSelection(Set<String> paths) {
        this.paths = paths;
    }

    /**
     * Reads the parameter's values against the paths the representation has (every path: members and what they hold).
     */
    public static FieldSelection parse(List<String> values, List<String> allowed) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String path : value.split(",", -1)) {
                String wanted = path.strip();
                if (wanted.isEmpty()) {
                    continue;
                }
                chosen.add(allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(wanted)).findFirst().orElseThrow(() ->
                        ProblemException.invalidParameter(PARAMETER, "'" + wanted + "' is not a field of this list in this representation.", allowed,
                                nearest(wanted, allowed))));
            }
        }
        return chosen.isEmpty() ? EVERY_FIELD : new FieldSelection(Set.copyOf(chosen));
    }

    public boolean everyField() {
        return paths.isEmpty();
    }

    /** The CSV columns kept: those named by a path or below one, in their usual order. */
    public <T> CsvColumns<T> columns(CsvColumns<T> columns) {
        return everyField() ? columns : columns.only(name -> paths.stream().anyMatch(path -> name.equals(path) || name.startsWith(path + ".")));
    }

    /** What is kept of one JSON item (changed in place). */
    public JsonNode prune(JsonNode item) {
        if (!everyField()) {
            prune(item, "");
        }
        return item;
    }

    private void prune(JsonNode node, String prefix) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> prune(element, prefix));
        } else if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                String path = prefix + member.getKey();
                if (paths.contains(path)) {
                    continue;
                }
                if (paths.stream().anyMatch(kept -> kept.startsWith(path + "."))) {
                    prune(member.getValue(), path + ".");
                } else {
                    members.remove();
                }
            }
        }
    }

    /** Paths that share the most leading characters or contain what was asked, for the problem's suggestions. */
    private static List<String> nearest(String wanted, List<String> allowed) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<String> near = new ArrayList<>();
        for (String candidate : allowed) {
            String name = candidate.toLowerCase(Locale.ROOT);
            String last = name.substring(name.lastIndexOf('.') + 1);
            if (name.contains(lower) || lower.contains(last)) {
                near.add(candidate);
            }
        }
        return near.stream().limit(5).toList();
    }
}
