package org.trialevidence.store;

import org.trialevidence.seeding.PValue;
import org.trialevidence.seeding.SearchText;
import org.trialevidence.seeding.TrialSeed;
import org.trialevidence.entity.Result;
import org.trialevidence.entity.Arm;
import org.trialevidence.entity.ArmDrug;
import org.trialevidence.entity.Trial;
import org.trialevidence.entity.TrialAlias;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * Turns a validated curated record into the persistence model: a new trial's rows, or the rows a trial has, changed
 * where the record differs and left alone where it does not (a write that changes a sponsor updates one row, not the
 * trial's whole graph). Fields are assigned, never changed in place: the JSON columns are immutable values to
 * Hibernate, and an assignment of an equal value leaves the row clean.
 */
public final class TrialAssembler {
    private TrialAssembler() {
    }

    public static Trial assemble(TrialSeed seed, Map<String, Set<String>> conflictsByResult) {
        Trial trial = new Trial();
        trial.id = seed.id();
        update(trial, seed, conflictsByResult);
        return trial;
    }

    /**
     * Whether the trial's rows can be brought to the record in place: not when an arm is gone, since Hibernate
     * deletes orphaned arms before it updates the results that still point at them.
     */
    public static boolean updatable(Trial trial, TrialSeed seed) {
        Set<String> armIds = seed.arms().stream().map(TrialSeed.Arm::id).collect(Collectors.toSet());
        return trial.arms.stream().allMatch(arm -> armIds.contains(arm.armId));
    }

    /** Brings the trial's rows (new or read from the database) to the record; see {@link #updatable}. */
    public static void update(Trial trial, TrialSeed seed, Map<String, Set<String>> conflictsByResult) {
        trial.acronym = seed.acronym();
        trial.title = seed.title();
        trial.studyType = seed.studyType();
        trial.phase = seed.phase();
        trial.designNotes = seed.designNotes();
        trial.sponsor = seed.sponsor();
        trial.yearsConducted = seed.yearsConducted();
        trial.status = seed.status();
        trial.setting = seed.setting();
        trial.lineOfTherapy = seed.lineOfTherapy();
        trial.population = seed.population();
        trial.menopausalStatus = seed.menopausalStatus();
        Set<TrialAlias> names = new LinkedHashSet<>();
        names.add(TrialAlias.of(seed.id(), false));
        names.add(TrialAlias.of(seed.acronym(), false));
        seed.aliases().forEach(alias -> names.add(TrialAlias.of(alias, true)));
        // Compared with their skeletons too: names equal without them (rows older than skeletons) get them now.
        replaceIfDifferent(trial.names, names, alias -> List.of(alias, Objects.toString(alias.nameSkeleton())));
        trial.searchText = SearchText.of(seed);
        replaceIfDifferent(trial.biomarkers, seed.biomarkers());
        trial.enrolment = seed.enrolment();
        trial.approvals = new ArrayList<>(seed.approvals());
        trial.guideline = seed.guideline();
        trial.safety = new ArrayList<>(seed.safety());
        trial.sources = new ArrayList<>(seed.sources());
        trial.curationNotes = new ArrayList<>(seed.curationNotes());
        trial.contrastOverrides = new ArrayList<>(seed.contrasts());
        Map<String, Arm> arms = trial.arms.stream().collect(Collectors.toMap(arm -> arm.armId, Function.identity()));
        List<Arm> nextArms = new ArrayList<>();
        for (int i = 0; i < seed.arms().size(); i++) {
            TrialSeed.Arm armSeed = seed.arms().get(i);
            nextArms.add(arm(arms.computeIfAbsent(armSeed.id(), id -> new Arm()), trial, armSeed, i));
        }
        replaceIfDifferent(trial.arms, nextArms);
        Map<String, Result> results = trial.results.stream().collect(Collectors.toMap(result -> result.id, Function.identity()));
        List<Result> nextResults = new ArrayList<>();
        for (int i = 0; i < seed.results().size(); i++) {
            TrialSeed.Result resultSeed = seed.results().get(i);
            Result result = results.computeIfAbsent(resultSeed.id(), id -> new Result());
            nextResults.add(result(result, trial, resultSeed, i, conflictsByResult.getOrDefault(resultSeed.id(), Set.of())));
        }
        replaceIfDifferent(trial.results, nextResults);
    }

    private static Arm arm(Arm arm, Trial trial, TrialSeed.Arm seed, int position) {
        arm.trial = trial;
        arm.armId = seed.id();
        arm.label = seed.label();
        arm.role = seed.role();
        arm.dose = seed.dose();
        arm.position = position;
        var drugs = VocabularyCatalog.get().of(VocabularyKind.DRUGS);
        replaceIfDifferent(arm.drugs, seed.drugs().stream().map(drug -> new ArmDrug(drug, drugs.byCode(drug).orElseThrow().drugClass())).toList());
        return arm;
    }

    private static Result result(Result result, Trial trial, TrialSeed.Result seed, int position, Set<String> conflictsWith) {
        result.id = seed.id();
        result.trial = trial;
        result.position = position;
        result.endpoint = seed.endpoint();
        result.timepoint = seed.timepoint();
        result.populationType = seed.population().type();
        result.populationLabel = seed.population().label();
        replaceIfDifferent(result.populationBiomarkers, seed.population().biomarkers());
        result.analysisType = seed.analysis().type();
        result.assessor = seed.analysis().assessor();
        result.analysisDescription = seed.analysis().description();
        TrialSeed.Comparison comparison = seed.comparison();
        result.experimentalArm = comparison == null ? null : trial.arm(comparison.experimentalArm());
        result.controlArm = comparison == null ? null : trial.arm(comparison.controlArm());
        result.effectMeasure = comparison == null ? null : comparison.effectMeasure();
        result.estimate = sameNumber(result.estimate, comparison == null ? null : comparison.estimate());
        result.ciLower = sameNumber(result.ciLower, comparison == null ? null : comparison.ciLower());
        result.ciUpper = sameNumber(result.ciUpper, comparison == null ? null : comparison.ciUpper());
        result.ciLevel = sameNumber(result.ciLevel, comparison == null ? null : comparison.ciLevel());
        result.pValueText = comparison == null ? null : comparison.pValueText();
        Optional<PValue> pValue = comparison == null ? Optional.empty() : PValue.parse(comparison.pValueText());
        result.pValue = sameNumber(result.pValue, pValue.map(PValue::value).orElse(null));
        result.pValueComparator = pValue.map(PValue::comparator).orElse(null);
        result.significant = comparison == null || comparison.ciLower() == null || comparison.ciUpper() == null ? null
                : comparison.ciUpper().compareTo(BigDecimal.ONE) < 0 || comparison.ciLower().compareTo(BigDecimal.ONE) > 0;
        result.rawText = seed.rawText();
        result.armValues = new ArrayList<>(seed.arms());
        result.sources = new ArrayList<>(seed.sources());
        result.corrections = new ArrayList<>(seed.corrections());
        result.conflictsWith = new ArrayList<>(conflictsWith);
        result.notes = new ArrayList<>(seed.notes());
        result.disputedBy = new ArrayList<>(seed.disputedBy());
        result.suspect = seed.suspect();
        result.conflicting = !conflictsWith.isEmpty() || !seed.disputedBy().isEmpty();
        // The stored view was derived from the rows before the write (large datasets): it is written anew after it.
        result.viewJson = null;
        return result;
    }

    /** The number held when the next one is the same number: a column of scale 6 reads 0.580000 where the record says 0.58. */
    private static BigDecimal sameNumber(BigDecimal held, BigDecimal next) {
        return held != null && next != null && held.compareTo(next) == 0 ? held : next;
    }

    private static <T> void replaceIfDifferent(Collection<T> held, Collection<T> next) {
        replaceIfDifferent(held, next, Function.identity());
    }

    /**
     * Changes a mapped collection only when its elements (as compared; in any order for a set) differ: an unchanged
     * one writes no rows.
     */
    private static <T> void replaceIfDifferent(Collection<T> held, Collection<T> next, Function<T, ?> compared) {
        Collector<Object, ?, ? extends Collection<Object>> collector = held instanceof Set ? Collectors.toSet() : Collectors.toList();
        if (!held.stream().map(compared).collect(collector).equals(next.stream().map(compared).collect(collector))) {
            held.clear();
            held.addAll(next);
        }
    }
}
