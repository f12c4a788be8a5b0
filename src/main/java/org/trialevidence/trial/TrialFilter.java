package org.trialevidence.trial;

import org.trialevidence.entity.StudyTypes;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.QueryValues;
import org.trialevidence.paging.Sort;
import org.trialevidence.vocabulary.TermResolver;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The trial-list query, validated and resolved to vocabulary codes once. */
public record TrialFilter(
        Optional<String> text,
        Set<String> drugs,
        Set<String> drugClasses,
        Set<String> added,
        Set<String> comparators,
        Set<String> settings,
        Set<String> biomarkers,
        Set<String> endpoints,
        Set<String> phases,
        Set<String> studyTypes,
        Set<String> statuses,
        Sort sort) {

    static final List<String> SORT_KEYS = List.of("acronym", "id", "phase", "setting", "results");
    static final List<String> STATUSES = List.of("completed", "ongoing", "results-immature", "not-stated");

    public static TrialFilter parse(TrialCriteria query, List<String> phasesPresent) {
        Optional<String> text = Optional.ofNullable(query.q).map(String::strip);
        if (text.isPresent() && text.get().isEmpty()) {
            throw ProblemException.invalidParameter("q", "Parameter 'q' was given without a value.", null, null);
        }
        return new TrialFilter(
                text,
                TermResolver.resolve(VocabularyKind.DRUGS, "drug", query.drug),
                TermResolver.resolve(VocabularyKind.DRUG_CLASSES, "drugClass", query.drugClass),
                TermResolver.resolveDrugOrClass("added", query.added),
                TermResolver.resolve(VocabularyKind.DRUG_CLASSES, "comparator", query.comparator),
                TermResolver.resolve(VocabularyKind.SETTINGS, "setting", query.setting),
                TermResolver.resolve(VocabularyKind.BIOMARKERS, "biomarker", query.biomarker),
                TermResolver.resolve(VocabularyKind.ENDPOINTS, "endpoint", query.endpoint),
                QueryValues.oneOf("phase", query.phase, phasesPresent).stream().map(phase -> phase.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                QueryValues.oneOf("studyType", query.studyType, StudyTypes.ALL),
                QueryValues.oneOf("status", query.status, STATUSES),
                Sort.parse(query.sort, "acronym", SORT_KEYS));
    }
}
