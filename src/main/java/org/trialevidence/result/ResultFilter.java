package org.trialevidence.result;

import org.trialevidence.paging.JpqlFilter;
import org.trialevidence.paging.QueryValues;
import org.trialevidence.trial.StudyTypes;
import org.trialevidence.trial.TrialLookup;
import org.trialevidence.vocabulary.TermResolver;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
        Optional<String> populationType,
        Set<String> effectMeasures,
        Optional<Boolean> significant,
        Optional<BigDecimal> maxHazardRatio,
        Optional<Boolean> conflicting,
        Set<String> studyTypes,
        String orderBy) {

    static final List<String> POPULATION_TYPES = List.of("itt", "subgroup");
    static final List<String> EFFECT_MEASURES = List.of("HR", "OR", "RR");

    /** An arm filter value: text in the arm label, or the drugs it names. */
    public record ArmMatch(String labelPattern, Set<String> drugs) { }

    public static ResultFilter parse(ResultCriteria query, TrialLookup trials) {
        return new ResultFilter(
                trials.ids("trial", query.trial),
                TermResolver.resolve(VocabularyKind.ENDPOINTS, "endpoint", query.endpoint),
                TermResolver.resolve(VocabularyKind.SETTINGS, "setting", query.setting),
                TermResolver.resolve(VocabularyKind.BIOMARKERS, "biomarker", query.biomarker),
                TermResolver.nonBlank("arm", query.arm).stream().map(ResultFilter::armMatch).toList(),
                TermResolver.resolve(VocabularyKind.DRUGS, "drug", query.drug),
                TermResolver.resolve(VocabularyKind.DRUG_CLASSES, "drugClass", query.drugClass),
                QueryValues.oneOf("population", query.population == null ? null : List.of(query.population), POPULATION_TYPES).stream().findFirst(),
                QueryValues.oneOf("effectMeasure", query.effectMeasure, EFFECT_MEASURES),
                QueryValues.bool("significant", query.significant),
                QueryValues.positiveNumber("maxHazardRatio", query.maxHazardRatio),
                QueryValues.bool("conflicting", query.conflicting),
                studyTypes(query.studyType),
                QueryValues.orderBy(query.sort, "trial", Map.of(
                        "trial", "t.acronym",
                        "endpoint", "r.endpoint",
                        "hazardRatio", "r.estimate",
                        "estimate", "r.estimate",
                        "pValue", "r.pValue",
                        "id", "r.id"), "t.acronym, r.position, r.id"));
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
        return new ArmMatch(QueryValues.containsPattern(value), drugs);
    }

    /** The conditions over {@code Result r join r.trial t}. */
    JpqlFilter where() {
        JpqlFilter filter = new JpqlFilter();
        if (!trialIds.isEmpty()) {
            filter.and("t.id in :trialIds", "trialIds", trialIds);
        }
        if (!endpoints.isEmpty()) {
            filter.and("r.endpoint in :endpoints", "endpoints", endpoints);
        }
        if (!settings.isEmpty()) {
            filter.and("t.setting in :settings", "settings", settings);
        }
        if (!biomarkers.isEmpty()) {
            filter.and("exists (select 1 from Trial t2 join t2.biomarkers b where t2 = t and b in :biomarkers)"
                    + " or exists (select 1 from Result r2 join r2.populationBiomarkers pb where r2 = r and pb in :biomarkers)", "biomarkers", biomarkers);
        }
        for (int i = 0; i < arms.size(); i++) {
            // The drug set is never empty in the query: a label-only match passes a code no arm has.
            Set<String> armDrugs = arms.get(i).drugs().isEmpty() ? Set.of("") : arms.get(i).drugs();
            filter.and("exists (select 1 from Result r3 join r3.arms a left join a.drugs d where r3 = r and (lower(a.label) like :armLabel" + i
                    + " escape '\\' or d.drug in :armDrugs" + i + "))", Map.of("armLabel" + i, arms.get(i).labelPattern(), "armDrugs" + i, armDrugs));
        }
        if (!drugs.isEmpty()) {
            filter.and("exists (select 1 from Result r4 join r4.arms a join a.drugs d where r4 = r and d.drug in :drugs)", "drugs", drugs);
        }
        if (!drugClasses.isEmpty()) {
            filter.and("exists (select 1 from Result r5 join r5.arms a join a.drugs d where r5 = r and d.drugClass in :drugClasses)", "drugClasses", drugClasses);
        }
        populationType.ifPresent(type -> filter.and("r.populationType = :populationType", "populationType", type));
        if (!effectMeasures.isEmpty()) {
            filter.and("r.effectMeasure in :effectMeasures", "effectMeasures", effectMeasures);
        }
        significant.ifPresent(value -> filter.and("r.significant = :significant", "significant", value));
        maxHazardRatio.ifPresent(value -> filter.and("r.effectMeasure = 'HR' and r.estimate <= :maxHazardRatio", "maxHazardRatio", value));
        conflicting.ifPresent(value -> filter.and("r.conflicting = :conflicting", "conflicting", value));
        if (!studyTypes.containsAll(StudyTypes.ALL)) {
            filter.and("t.studyType in :studyTypes", "studyTypes", studyTypes);
        }
        return filter;
    }
}
