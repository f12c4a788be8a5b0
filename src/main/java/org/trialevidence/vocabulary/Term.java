package org.trialevidence.vocabulary;

import java.util.List;

/**
 * One controlled term as written in {@code src/main/resources/vocabulary/*.json}.
 * {@code parent} makes the parent an umbrella term: filtering on it matches this term too.
 * {@code drugClass} is set for drugs only.
 */
public record Term(String code, String label, List<String> aliases, String description, String parent, String drugClass) {
    public Term {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
