package org.trialevidence.trial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.api.RawJson;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.vocabulary.TermResolver;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves trial names in requests (id, acronym or alias, whatever the case, spacing or hyphens), or says why not. */
@ApplicationScoped
public class TrialLookup {
    @Inject
    TrialService trials;

    public RawJson get(String parameter, String name) {
        return trials.json(name).orElseThrow(() -> notFound(parameter, name));
    }

    /** The id of the trial a path names; unknown is 404 with the nearest names, as for the trial itself. */
    public String id(String parameter, String name) {
        return trials.idOf(name).orElseThrow(() -> notFound(parameter, name));
    }

    private ProblemException notFound(String parameter, String name) {
        return ProblemException.notFound(parameter, "No trial is named '" + name + "' (by id, acronym or alias).", trials.nearest(name));
    }

    /** The ids of the named trials, for a filter; an unknown name is an error, not an empty answer. */
    public Set<String> ids(String parameter, List<String> names) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : TermResolver.nonBlank(parameter, names)) {
            ids.add(trials.idOf(name).orElseThrow(() -> ProblemException.invalidParameter(parameter,
                    "No trial is named '" + name + "' (by id, acronym or alias); /api/v1/trials lists them.", null, trials.nearest(name))));
        }
        return ids;
    }
}
