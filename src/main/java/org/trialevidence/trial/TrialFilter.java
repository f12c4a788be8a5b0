package org.trialevidence.trial;

import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.JpqlFilter;
import org.trialevidence.paging.QueryValues;
import org.trialevidence.vocabulary.TermResolver;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The trial-list query, validated and resolved to vocabulary codes once. */
public record TrialFilter(
        Optional<String> text,
        Set<String> drugs,
        Set<String> drugClasses,
        Set<String> settings,
        Set<String> biomarkers,
        Set<String> endpoints,
        Set<String> phases,
        Set<String> studyTypes,
        Set<String> statuses,
        String orderBy) {

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
                TermResolver.resolve(VocabularyKind.SETTINGS, "setting", query.setting),
                TermResolver.resolve(VocabularyKind.BIOMARKERS, "biomarker", query.biomarker),
                TermResolver.resolve(VocabularyKind.ENDPOINTS, "endpoint", query.endpoint),
                QueryValues.oneOf("phase", query.phase, phasesPresent).stream().map(phase -> phase.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                QueryValues.oneOf("studyType", query.studyType, StudyTypes.ALL),
                QueryValues.oneOf("status", query.status, STATUSES),
                QueryValues.orderBy(query.sort, "acronym", Map.of(
                        "acronym", "lower(t.acronym)",
                        "id", "t.id",
                        "phase", "t.phase",
                        "setting", "t.setting",
                        "results", "size(t.results)"), "t.id"));
    }

    /** The conditions over {@code Trial t}. */
    JpqlFilter where() {
        JpqlFilter filter = new JpqlFilter();
        text.ifPresent(value -> filter.and("lower(t.searchText) like :text escape '\\' or exists (select 1 from Trial tn join tn.names n where tn = t and n.nameKey = :nameKey)",
                Map.of("text", QueryValues.containsPattern(value),
                        "nameKey", TrialNames.key(value))));
        if (!drugs.isEmpty()) {
            filter.and("exists (select 1 from Arm a join a.drugs d where a.trial = t and d.drug in :drugs)", "drugs", drugs);
        }
        if (!drugClasses.isEmpty()) {
            filter.and("exists (select 1 from Arm a join a.drugs d where a.trial = t and d.drugClass in :drugClasses)", "drugClasses", drugClasses);
        }
        if (!settings.isEmpty()) {
            filter.and("t.setting in :settings", "settings", settings);
        }
        if (!biomarkers.isEmpty()) {
            filter.and("exists (select 1 from Trial tb join tb.biomarkers b where tb = t and b in :biomarkers)"
                    + " or exists (select 1 from Result r join r.populationBiomarkers pb where r.trial = t and pb in :biomarkers)", "biomarkers", biomarkers);
        }
        if (!endpoints.isEmpty()) {
            filter.and("exists (select 1 from Result r where r.trial = t and r.endpoint in :endpoints)", "endpoints", endpoints);
        }
        if (!phases.isEmpty()) {
            filter.and("lower(t.phase) in :phases", "phases", phases);
        }
        if (!studyTypes.isEmpty()) {
            filter.and("t.studyType in :studyTypes", "studyTypes", studyTypes);
        }
        if (!statuses.isEmpty()) {
            filter.and("t.status in :statuses", "statuses", statuses);
        }
        return filter;
    }
}
