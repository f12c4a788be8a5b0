package org.trialevidence.trial;

import jakarta.enterprise.context.ApplicationScoped;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.vocabulary.Spelling;
import org.trialevidence.vocabulary.TermResolver;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds trials by id, acronym or alias, whatever the case, spacing or hyphenation. */
@ApplicationScoped
public class TrialLookup {

    public Optional<Trial> find(String name) {
        return Trial.find("select t from Trial t join t.names n where n.nameKey = ?1", TrialNames.key(name)).firstResultOptional();
    }

    public Trial get(String parameter, String name) {
        return find(name).orElseThrow(() -> ProblemException.notFound(parameter,
                "No trial is named '" + name + "' (by id, acronym or alias).", nearest(name)));
    }

    /** The ids of the named trials, for a filter; an unknown name is an error, not an empty answer. */
    public Set<String> ids(String parameter, List<String> names) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : TermResolver.nonBlank(parameter, names)) {
            ids.add(find(name).orElseThrow(() -> ProblemException.invalidParameter(parameter,
                    "No trial is named '" + name + "' (by id, acronym or alias); /api/v1/trials lists them.", null, nearest(name))).id);
        }
        return ids;
    }

    /** Acronyms of the trials with a name that starts like the one asked for, or is closest to it. */
    List<String> nearest(String name) {
        String key = TrialNames.key(name);
        List<Object[]> names = Trial.getEntityManager()
                .createQuery("select n.nameKey, t.acronym from Trial t join t.names n", Object[].class).getResultList();
        return names.stream()
                .sorted(Comparator.comparingInt((Object[] row) -> ((String) row[0]).startsWith(key) || key.startsWith((String) row[0]) ? 0 : 1)
                        .thenComparingInt(row -> Spelling.distance((String) row[0], key)))
                .map(row -> (String) row[1]).distinct().limit(3).toList();
    }
}
