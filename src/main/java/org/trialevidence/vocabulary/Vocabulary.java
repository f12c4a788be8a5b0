package org.trialevidence.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One vocabulary: its terms, the case-insensitive lookup through codes, labels and aliases, and the umbrella
 * expansion. The single place where user spellings become codes.
 */
public final class Vocabulary {
    private final VocabularyKind kind;
    private final Map<String, Term> termsByCode = new LinkedHashMap<>();
    private final Map<String, Term> termsByKey = new LinkedHashMap<>();

    Vocabulary(VocabularyKind kind, List<Term> terms) {
        this.kind = kind;
        for (Term term : terms) {
            if (termsByCode.put(term.code(), term) != null) {
                throw new IllegalStateException(kind.resourceFile + ": duplicate code " + term.code());
            }
        }
        for (Term term : terms) {
            if (term.parent() != null && !termsByCode.containsKey(term.parent())) {
                throw new IllegalStateException(kind.resourceFile + ": " + term.code() + " has unknown parent " + term.parent());
            }
            termsByKey.put(key(term.code()), term);
        }
        for (Term term : terms) {
            register(term.label(), term);
            term.aliases().forEach(alias -> register(alias, term));
        }
    }

    /** Labels and aliases may repeat a term's own code; naming two different terms is a vocabulary fault. */
    private void register(String spelling, Term term) {
        Term previous = termsByKey.putIfAbsent(key(spelling), term);
        if (previous != null && !previous.code().equals(term.code())) {
            throw new IllegalStateException(kind.resourceFile + ": '" + spelling + "' names both " + previous.code() + " and " + term.code());
        }
    }

    /**
     * Case, and spaces, hyphens or underscores between letters and digits, do not distinguish spellings
     * ("ESR1 mutant" = "esr1-mutant"); a trailing sign does ("HER2-" is not "HER2").
     */
    static String key(String spelling) {
        return spelling.strip().toLowerCase(Locale.ROOT).replace('−', '-').replaceAll("(?<=[\\p{L}\\p{N}])[\\s_-]+(?=[\\p{L}\\p{N}])", "");
    }

    public VocabularyKind kind() {
        return kind;
    }

    public Collection<Term> terms() {
        return termsByCode.values();
    }

    public Optional<Term> byCode(String code) {
        return Optional.ofNullable(termsByCode.get(code));
    }

    public Optional<Term> resolve(String spelling) {
        return Optional.ofNullable(termsByKey.get(key(spelling)));
    }

    /** The term and, transitively, every term under it. */
    public Set<String> withDescendants(String code) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Term term : termsByCode.values()) {
                if (term.parent() != null && codes.contains(term.parent()) && codes.add(term.code())) {
                    grown = true;
                }
            }
        }
        return codes;
    }

    /** The term and its ancestors: a record tagged ER-positive is also HR-positive. */
    public Set<String> withAncestors(String code) {
        Set<String> codes = new LinkedHashSet<>();
        for (Term term = termsByCode.get(code); term != null; term = term.parent() == null ? null : termsByCode.get(term.parent())) {
            codes.add(term.code());
        }
        return codes;
    }

    /** The codes closest to an unknown spelling, for "did you mean" in error messages. */
    public List<String> nearest(String spelling, int limit) {
        String wanted = key(spelling);
        record Candidate(String code, int distance) { }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Term> entry : termsByKey.entrySet()) {
            candidates.add(new Candidate(entry.getValue().code(), Spelling.distance(wanted, entry.getKey())));
        }
        int tolerance = Math.max(2, wanted.length() / 3);
        return candidates.stream()
                .filter(candidate -> candidate.distance() <= tolerance)
                .sorted(Comparator.comparingInt(Candidate::distance))
                .map(Candidate::code)
                .distinct()
                .limit(limit)
                .collect(Collectors.toList());
    }

    public List<String> codes() {
        return List.copyOf(termsByCode.keySet());
    }
}
