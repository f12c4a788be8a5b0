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
import java.util.Map;
import java.util.Set;

/** Turns a validated curated record into the persistence model. */
public final class TrialAssembler {
    private TrialAssembler() {
    }

    public static Trial assemble(TrialSeed seed, Map<String, Set<String>> conflictsByResult) {
        Trial trial = new Trial();
        trial.id = seed.id();
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
        trial.names.add(TrialAlias.of(seed.id(), false));
        trial.names.add(TrialAlias.of(seed.acronym(), false));
        seed.aliases().forEach(alias -> trial.names.add(TrialAlias.of(alias, true)));
        trial.searchText = SearchText.of(seed);
        trial.biomarkers.addAll(seed.biomarkers());
        trial.enrolment = seed.enrolment();
        trial.approvals.addAll(seed.approvals());
        trial.guideline = seed.guideline();
        trial.safety.addAll(seed.safety());
        trial.sources.addAll(seed.sources());
        trial.curationNotes.addAll(seed.curationNotes());
        trial.contrastOverrides.addAll(seed.contrasts());
        for (int i = 0; i < seed.arms().size(); i++) {
            trial.arms.add(arm(trial, seed.arms().get(i), i));
        }
        for (int i = 0; i < seed.results().size(); i++) {
            TrialSeed.Result result = seed.results().get(i);
            trial.results.add(result(trial, result, i, conflictsByResult.getOrDefault(result.id(), Set.of())));
        }
        return trial;
    }

    private static Arm arm(Trial trial, TrialSeed.Arm seed, int position) {
        Arm arm = new Arm();
        arm.trial = trial;
        arm.armId = seed.id();
        arm.label = seed.label();
        arm.role = seed.role();
        arm.dose = seed.dose();
        arm.position = position;
        var drugs = VocabularyCatalog.get().of(VocabularyKind.DRUGS);
        seed.drugs().forEach(drug -> arm.drugs.add(new ArmDrug(drug, drugs.byCode(drug).orElseThrow().drugClass())));
        return arm;
    }

    private static Result result(Trial trial, TrialSeed.Result seed, int position, Set<String> conflictsWith) {
        Result result = new Result();
        result.id = seed.id();
        result.trial = trial;
        result.position = position;
        result.endpoint = seed.endpoint();
        result.timepoint = seed.timepoint();
        result.populationType = seed.population().type();
        result.populationLabel = seed.population().label();
        result.populationBiomarkers.addAll(seed.population().biomarkers());
        result.analysisType = seed.analysis().type();
        result.assessor = seed.analysis().assessor();
        result.analysisDescription = seed.analysis().description();
        seed.arms().forEach(value -> result.arms.add(trial.arm(value.arm())));
        TrialSeed.Comparison comparison = seed.comparison();
        if (comparison != null) {
            result.experimentalArm = trial.arm(comparison.experimentalArm());
            result.controlArm = trial.arm(comparison.controlArm());
            result.arms.add(result.experimentalArm);
            result.arms.add(result.controlArm);
            result.effectMeasure = comparison.effectMeasure();
            result.estimate = comparison.estimate();
            result.ciLower = comparison.ciLower();
            result.ciUpper = comparison.ciUpper();
            result.ciLevel = comparison.ciLevel();
            result.pValueText = comparison.pValueText();
            PValue.parse(comparison.pValueText()).ifPresent(p -> {
                result.pValue = p.value();
                result.pValueComparator = p.comparator();
            });
            if (comparison.ciLower() != null && comparison.ciUpper() != null) {
                result.significant = comparison.ciUpper().compareTo(BigDecimal.ONE) < 0 || comparison.ciLower().compareTo(BigDecimal.ONE) > 0;
            }
        }
        result.rawText = seed.rawText();
        result.armValues.addAll(seed.arms());
        result.sources.addAll(seed.sources());
        result.corrections.addAll(seed.corrections());
        result.conflictsWith.addAll(conflictsWith);
        result.notes.addAll(seed.notes());
        result.disputedBy.addAll(seed.disputedBy());
        result.suspect = seed.suspect();
        result.conflicting = !conflictsWith.isEmpty() || !seed.disputedBy().isEmpty();
        return result;
    }
}
