package org.trialevidence.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.result.ResultService;
import org.trialevidence.trial.TrialService;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.Vocabulary;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Serves the vocabularies with usage counts from the read models of the current dataset. */
@ApplicationScoped
public class VocabularyService {
    @Inject
    TrialService trials;
    @Inject
    ResultService results;

    public List<TermView> terms(VocabularyKind kind) {
        Vocabulary vocabulary = VocabularyCatalog.get().of(kind);
        return vocabulary.terms().stream().map(term -> {
            Set<String> codes = vocabulary.withDescendants(term.code());
            List<String> children = vocabulary.terms().stream().filter(other -> term.code().equals(other.parent())).map(Term::code).toList();
            return new TermView(term.code(), term.label(), term.aliases(), term.description(), term.parent(),
                    children.isEmpty() ? null : children, term.drugClass(), trials.countUsing(kind, codes), results.countUsing(kind, codes));
        }).toList();
    }

    /** Whether the usage counts now come from memory (the event loop asks this; see {@link org.trialevidence.api.EventLoopAnswers}). */
    public boolean countsWithoutBlocking() {
        return trials.answersWithoutBlocking() && results.answersWithoutBlocking();
    }

    /** The dataset version the usage counts now come from (what answers kept by version are keyed by). */
    public String answeringVersion() {
        return trials.answeringVersion() + ' ' + results.answeringVersion();
    }

    public Map<String, List<TermView>> all() {
        Map<String, List<TermView>> all = new LinkedHashMap<>();
        for (VocabularyKind kind : VocabularyKind.values()) {
            all.put(kind.pathName, terms(kind));
        }
        return all;
    }
}
