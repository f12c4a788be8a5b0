package org.trialevidence.analysis;

import jakarta.ws.rs.core.UriInfo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query as the client sent it (decoded, in its order): as text for problems about the whole filter, its parameter
 * names, and in words for plot titles.
 */
public record QueryText(String text, String parameters, String words) {
    /** Parameters that say how an answer is ordered, computed or titled rather than what it covers; titles leave them out. */
    private static final Set<String> NOT_FILTERS = Set.of("sort", "title", "model", "tauEstimator", "hartungKnapp", "sensitivity");

    public static QueryText of(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        List<String> pairs = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] nameValue = pair.split("=", 2);
                String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
                String value = nameValue.length == 1 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8);
                names.add(name);
                pairs.add(nameValue.length == 1 ? name : name + "=" + value);
                if (!NOT_FILTERS.contains(name) && !value.isBlank()) {
                    filters.computeIfAbsent(name, key -> new ArrayList<>()).add(value.strip());
                }
            }
        }
        return new QueryText(pairs.isEmpty() ? "all results" : String.join("&", pairs), names.isEmpty() ? null : String.join(", ", names),
                filters.isEmpty() ? "all results" : filters.entrySet().stream().map(filter -> words(filter.getKey()) + ": "
                        + String.join(" or ", filter.getValue())).collect(Collectors.joining("; ")));
    }

    /** A parameter name as words: drugClass is "drug class". */
    private static String words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
