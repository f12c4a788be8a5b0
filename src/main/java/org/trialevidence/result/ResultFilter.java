package org.trialevidence.result;

import org.trialevidence.paging.QueryValues;
import org.trialevidence.paging.Sort;
import org.trialevidence.entity.StudyTypes;
import org.trialevidence.entity.TrialLookup;
import org.trialevidence.vocabulary.TermResolver;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence query, validated and resolved to vocabulary codes once; every view of results (JSON and CSV lists,
 * exports, comparison, meta-analysis, forest plots, FHIR) takes this same value.
 */
public record ResultFilter(
        Set<String> trialIds,
        Set<String> endpoints,
        Set<String> settings,
        Set<String> biomarkers,
        List<ArmMatch> arms,
        Set<String> drugs,
        Set<String> drugClasses,
        Set<String> added,
        Set<String> comparators,
        Optional<String> populationType,
        Set<String> effectMeasures,
        Optional<Boolean> significant,
        Optional<BigDecimal> maxHazardRatio,
        Optional<Boolean> conflicting,
        Set<String> studyTypes,
        Sort sort,
        Optional<Set<String>> resultIds) {

    static final List<String> POPULATION_TYPES = List.of("itt", "subgroup");
    static final List<String> EFFECT_MEASURES = List.of("HR", "OR", "RR");

    static final List<String> SORT_KEYS = List.of("trial", "endpoint", "hazardRatio", "estimate", "pValue", "id");

    /** An arm filter value: lower-case text in the arm label, or the drugs it names. */
    public record ArmMatch(String labelText, Set<String> drugs) { }

    public static ResultFilter parse(ResultCriteria query, TrialLookup trials) {
        return new ResultFilter(
                trials.ids("trial", query.trial),
                TermResolver.resolve(VocabularyKind.ENDPOINTS, "endpoint", query.endpoint),
                TermResolver.resolve(VocabularyKind.SETTINGS, "setting", query.setting),
                TermResolver.resolve(VocabularyKind.BIOMARKERS, "biomarker", query.biomarker),
                TermResolver.nonBlank("arm", query.arm).stream().map(ResultFilter::armMatch).toList(),
                TermResolver.resolve(VocabularyKind.DRUGS, "drug", query.drug),
                TermResolver.resolve(VocabularyKind.DRUG_CLASSES, "drugClass", query.drugClass),
                TermResolver.resolveDrugOrClass("added", query.added),
                TermResolver.resolve(VocabularyKind.DRUG_CLASSES, "comparator", query.comparator),
                QueryValues.oneOf("population", query.population == null ? null : List.of(query.population), POPULATION_TYPES).stream().findFirst(),
                QueryValues.oneOf("effectMeasure", query.effectMeasure, EFFECT_MEASURES),
                QueryValues.bool("significant", query.significant),
                QueryValues.positiveNumber("maxHazardRatio", query.maxHazardRatio),
                QueryValues.bool("conflicting", query.conflicting),
                studyTypes(query.studyType),
                Sort.parse(query.sort, "trial", SORT_KEYS),
                Optional.empty());
    }

    /** The same query narrowed to the given results (e.g. those an analysis chose among its matches). */
    public ResultFilter only(Set<String> ids) {
        return new ResultFilter(trialIds, endpoints, settings, biomarkers, arms, drugs, drugClasses, added, comparators, populationType,
                effectMeasures, significant, maxHazardRatio, conflicting, studyTypes, sort, Optional.of(Set.copyOf(ids)));
    }

    /**
     * Meta-analyses, cohorts and biomarker associations are not mixed into trial results unless asked for:
     * by default the trial kinds, {@code all} for every kind.
     */
    private static Set<String> studyTypes(List<String> requested) {
        List<String> accepted = new java.util.ArrayList<>(StudyTypes.ALL);
        accepted.add(StudyTypes.EVERY_KIND);
        Set<String> chosen = QueryValues.oneOf("studyType", requested, accepted);
        if (chosen.contains(StudyTypes.EVERY_KIND)) {
            return Set.copyOf(StudyTypes.ALL);
        }
        return chosen.isEmpty() ? Set.copyOf(StudyTypes.TRIALS) : chosen;
    }

    private static ArmMatch armMatch(String value) {
        Set<String> drugs = VocabularyCatalog.get().of(VocabularyKind.DRUGS).resolve(value).map(term -> Set.of(term.code())).orElse(Set.of());
        return new ArmMatch(value.toLowerCase(Locale.ROOT), drugs);
    }
}
