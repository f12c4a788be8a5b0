package org.trialevidence.entity;

import org.trialevidence.errors.ProblemException;
import org.trialevidence.vocabulary.TermResolver;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves trial names in requests (id, acronym or alias, whatever the case, spacing or hyphens), or says why not.
 * The trials' read model answers it ({@code trial.TrialService}); it is declared here so that the results' filter
 * can name trials without depending on the trial feature, which lists results.
 */
public interface TrialLookup {
    /** Whether names would be resolved now from memory, without reading the database. Never blocks. */
    boolean answersWithoutBlocking();

    /** The dataset version of the model lookups now answer from (what answers kept by version are keyed by). */
    String answeringVersion();

    /** The id of the trial with that id, acronym or alias. */
    Optional<String> idOf(String name);

    /** Acronyms of the trials with a name that starts like the one asked for, or is closest to it. */
    List<String> nearest(String name);

    /** The id of the trial a path names; unknown is 404 with the nearest names, as for the trial itself. */
    default String id(String parameter, String name) {
        return idOf(name).orElseThrow(() -> notFound(parameter, name));
    }

    default ProblemException notFound(String parameter, String name) {
        return ProblemException.notFound(parameter, "No trial is named '" + name + "' (by id, acronym or alias).", nearest(name));
    }

    /** The ids of the named trials, for a filter; an unknown name is an error, not an empty answer. */
    default Set<String> ids(String parameter, List<String> names) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : TermResolver.nonBlank(parameter, names)) {
            ids.add(idOf(name).orElseThrow(() -> ProblemException.invalidParameter(parameter,
                    "No trial is named '" + name + "' (by id, acronym or alias); /api/v1/trials lists them.", null, nearest(name))));
        }
        return ids;
    }
}
