package org.trialevidence.vocabulary;

import org.trialevidence.errors.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns filter values into vocabulary codes: case-insensitive, through aliases, with umbrella terms expanded to
 * everything under them. A repeated parameter is an OR; an unknown value is an error naming the allowed codes.
 */
public final class TermResolver {
    private TermResolver() {
    }

    /** The codes the values match, or an empty set when the parameter was not given. */
    public static Set<String> resolve(VocabularyKind kind, String parameter, List<String> values) {
        Vocabulary vocabulary = VocabularyCatalog.get().of(kind);
        Set<String> codes = new LinkedHashSet<>();
        for (String value : nonBlank(parameter, values)) {
            Term term = vocabulary.resolve(value).orElseThrow(() -> ProblemException.invalidParameter(parameter,
                    "Unknown " + parameter + " '" + value + "'. Allowed values are the codes (or aliases) of /api/v1/vocabulary/" + kind.pathName + ".",
                    vocabulary.codes(), vocabulary.nearest(value, 3)));
            codes.addAll(vocabulary.withDescendants(term.code()));
        }
        return codes;
    }

    /**
     * Codes of drugs or drug classes: a value naming a drug class stands for it and every class under it, a value
     * naming a drug for that drug. Classes are tried first, so "AI" is the class, not the unspecified drug.
     */
    public static Set<String> resolveDrugOrClass(String parameter, List<String> values) {
        Vocabulary classes = VocabularyCatalog.get().of(VocabularyKind.DRUG_CLASSES);
        Vocabulary drugs = VocabularyCatalog.get().of(VocabularyKind.DRUGS);
        Set<String> codes = new LinkedHashSet<>();
        for (String value : nonBlank(parameter, values)) {
            Optional<Term> drugClass = classes.resolve(value);
            if (drugClass.isPresent()) {
                codes.addAll(classes.withDescendants(drugClass.get().code()));
                continue;
            }
            Term drug = drugs.resolve(value).orElseThrow(() -> {
                List<String> allowed = new ArrayList<>(classes.codes());
                allowed.addAll(drugs.codes());
                List<String> nearest = new ArrayList<>(classes.nearest(value, 3));
                nearest.addAll(drugs.nearest(value, 3));
                return ProblemException.invalidParameter(parameter, "Unknown " + parameter + " '" + value + "'. Allowed values are the codes (or"
                        + " aliases) of /api/v1/vocabulary/drugClasses and /api/v1/vocabulary/drugs.", allowed, nearest);
            });
            codes.add(drug.code());
        }
        return codes;
    }

    /** The values of a repeatable parameter; an empty value is an error, not "no filter". */
    public static List<String> nonBlank(String parameter, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw ProblemException.invalidParameter(parameter, "Parameter '" + parameter + "' was given without a value.", null, null);
            }
        }
        return values.stream().map(String::strip).toList();
    }
}
