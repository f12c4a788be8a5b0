package org.trialevidence.seeding;

import org.trialevidence.seeding.TrialSeed.Correction;
import org.trialevidence.seeding.TrialSeed.Result;
import org.trialevidence.seeding.TrialSeed.Source;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a schema cannot express for one trial file: vocabulary codes, references between arms and results,
 * consistent statistics, and source fidelity (every excerpt is in its review, every served number is in an excerpt
 * of its own or explained by a correction).
 */
final class TrialSeedChecks {
    private static final BigDecimal DEFAULT_CI_LEVEL = new BigDecimal("0.95");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final String file;
    private final Set<String> registeredDocuments;
    private final Optional<ReviewTexts> reviews;
    private final VocabularyCatalog vocabulary = VocabularyCatalog.get();
    private final List<SeedViolation> violations = new ArrayList<>();
    /** The numbers printed in each excerpt of this trial: every served number is looked for in its excerpts, read once. */
    private final Map<String, List<BigDecimal>> numbersByExcerpt = new HashMap<>();

    private TrialSeedChecks(String file, Set<String> registeredDocuments, Optional<ReviewTexts> reviews) {
        this.file = file;
        this.registeredDocuments = registeredDocuments;
        this.reviews = reviews;
    }

    static List<SeedViolation> check(String file, TrialSeed trial, Set<String> registeredDocuments, Optional<ReviewTexts> reviews) {
        TrialSeedChecks checks = new TrialSeedChecks(file, registeredDocuments, reviews);
        checks.checkTrial(trial);
        return checks.violations;
    }

    private void fault(String path, String message) {
        violations.add(new SeedViolation(file, path, message));
    }

    private void checkTrial(TrialSeed trial) {
        if (!file.equals(trial.id() + ".json")) {
            fault("$.id", "trial id '" + trial.id() + "' must equal the file name without .json");
        }
        int searchText = SearchText.of(trial).length();
        if (searchText > SearchText.MAX_LENGTH) {
            fault("$", "acronym, title, population, sponsor, designNotes and aliases together make " + searchText
                    + " characters of search text; at most " + SearchText.MAX_LENGTH);
        }
        code(VocabularyKind.SETTINGS, trial.setting(), "$.setting");
        for (int i = 0; i < trial.biomarkers().size(); i++) {
            code(VocabularyKind.BIOMARKERS, trial.biomarkers().get(i), "$.biomarkers[" + i + "]");
        }
        Set<String> armIds = new HashSet<>();
        for (int i = 0; i < trial.arms().size(); i++) {
            TrialSeed.Arm arm = trial.arms().get(i);
            if (!armIds.add(arm.id())) {
                fault("$.arms[" + i + "].id", "duplicate arm id '" + arm.id() + "'");
            }
            for (int j = 0; j < arm.drugs().size(); j++) {
                code(VocabularyKind.DRUGS, arm.drugs().get(j), "$.arms[" + i + "].drugs[" + j + "]");
            }
        }
        Set<List<String>> overridden = new HashSet<>();
        for (int i = 0; i < trial.contrasts().size(); i++) {
            TrialSeed.ContrastOverride contrast = trial.contrasts().get(i);
            String path = "$.contrasts[" + i + "]";
            arm(armIds, contrast.experimentalArm(), path + ".experimentalArm");
            arm(armIds, contrast.controlArm(), path + ".controlArm");
            if (contrast.experimentalArm().equals(contrast.controlArm())) {
                fault(path + ".controlArm", "a contrast compares two different arms");
            }
            for (int j = 0; j < contrast.continued().size(); j++) {
                code(VocabularyKind.DRUG_CLASSES, contrast.continued().get(j), path + ".continued[" + j + "]");
            }
            if (!overridden.add(List.of(contrast.experimentalArm(), contrast.controlArm()))) {
                fault(path, "a second contrast for " + contrast.experimentalArm() + " vs " + contrast.controlArm());
            }
        }
        for (int i = 0; i < trial.sources().size(); i++) {
            source(trial.sources().get(i), "$.sources[" + i + "]");
        }
        if (trial.guideline() != null) {
            source(trial.guideline().source(), "$.guideline.source");
        }
        for (int i = 0; i < trial.approvals().size(); i++) {
            source(trial.approvals().get(i).source(), "$.approvals[" + i + "].source");
        }
        if (trial.enrolment() != null) {
            source(trial.enrolment().source(), "$.enrolment.source");
            served(new BigDecimal(trial.enrolment().patients()), "$.enrolment.patients", List.of(trial.enrolment().source()), List.of(), "enrolment.patients");
        }
        for (int i = 0; i < trial.safety().size(); i++) {
            checkSafety(trial.safety().get(i), "$.safety[" + i + "]", armIds);
        }
        for (int i = 0; i < trial.results().size(); i++) {
            checkResult(trial.id(), trial.results().get(i), "$.results[" + i + "]", armIds);
        }
    }

    private void checkSafety(TrialSeed.Safety safety, String path, Set<String> armIds) {
        source(safety.source(), path + ".source");
        for (int j = 0; j < safety.events().size(); j++) {
            TrialSeed.SafetyEvent event = safety.events().get(j);
            String eventPath = path + ".events[" + j + "]";
            if (event.arm() != null && !armIds.contains(event.arm())) {
                fault(eventPath + ".arm", "unknown arm '" + event.arm() + "'; arms: " + armIds);
            }
            served(event.percent(), eventPath + ".percent", List.of(safety.source()), safety.corrections(), "events[" + j + "].percent");
        }
    }

    private void checkResult(String trialId, Result result, String path, Set<String> armIds) {
        if (!result.id().startsWith(trialId + "-")) {
            fault(path + ".id", "result id '" + result.id() + "' must start with the trial id and a hyphen");
        }
        code(VocabularyKind.ENDPOINTS, result.endpoint(), path + ".endpoint");
        for (int i = 0; i < result.population().biomarkers().size(); i++) {
            code(VocabularyKind.BIOMARKERS, result.population().biomarkers().get(i), path + ".population.biomarkers[" + i + "]");
        }
        for (int i = 0; i < result.sources().size(); i++) {
            source(result.sources().get(i), path + ".sources[" + i + "]");
        }
        for (int i = 0; i < result.disputedBy().size(); i++) {
            source(result.disputedBy().get(i).source(), path + ".disputedBy[" + i + "].source");
        }
        boolean hasNumber = false;
        for (int i = 0; i < result.arms().size(); i++) {
            TrialSeed.ArmValue value = result.arms().get(i);
            String valuePath = path + ".arms[" + i + "]";
            String field = "arms[" + i + "]";
            if (!armIds.contains(value.arm())) {
                fault(valuePath + ".arm", "unknown arm '" + value.arm() + "'; arms: " + armIds);
            }
            boolean notReached = Boolean.TRUE.equals(value.notReached());
            if (notReached == (value.value() != null)) {
                fault(valuePath, "give either a value or notReached: true");
            }
            hasNumber |= value.value() != null || notReached;
            interval(value.value(), value.ciLower(), value.ciUpper(), valuePath);
            served(value.value(), valuePath + ".value", result.sources(), result.corrections(), field + ".value");
            served(value.ciLower(), valuePath + ".ciLower", result.sources(), result.corrections(), field + ".ciLower");
            served(value.ciUpper(), valuePath + ".ciUpper", result.sources(), result.corrections(), field + ".ciUpper");
            served(value.patients() == null ? null : new BigDecimal(value.patients()), valuePath + ".patients", result.sources(), result.corrections(), field + ".patients");
        }
        TrialSeed.Comparison comparison = result.comparison();
        if (comparison != null) {
            hasNumber = true;
            checkComparison(comparison, result, path + ".comparison", armIds);
        }
        if (!hasNumber) {
            fault(path, "a result needs at least one number (an arm value or a comparison); text-only findings belong in curationNotes");
        }
    }

    private void checkComparison(TrialSeed.Comparison comparison, Result result, String path, Set<String> armIds) {
        for (String arm : new String[] {comparison.experimentalArm(), comparison.controlArm()}) {
            if (!armIds.contains(arm)) {
                fault(path, "unknown arm '" + arm + "'; arms: " + armIds);
            }
        }
        if (comparison.experimentalArm().equals(comparison.controlArm())) {
            fault(path, "experimentalArm and controlArm must differ");
        }
        boolean hasCi = comparison.ciLower() != null || comparison.ciUpper() != null;
        if (hasCi && (comparison.ciLower() == null || comparison.ciUpper() == null)) {
            fault(path, "a CI needs both ciLower and ciUpper");
        }
        if (hasCi && comparison.ciLevel() == null) {
            fault(path + ".ciLevel", "state the CI level (0.95 unless the review says otherwise)");
        }
        if (hasCi && comparison.estimate() == null) {
            fault(path + ".estimate", "a CI without its estimate");
        }
        if ((comparison.effectMeasure() == null) != (comparison.estimate() == null)) {
            fault(path + ".effectMeasure", "an effect measure goes with an estimate: give both, or neither when the review prints only a p-value");
        }
        // A comparison without numbers of its own still says which arm is compared with which (EMBER-3 prints two
        // pairwise response rates in one cell), so it must report a value for both of them.
        Set<String> valued = new HashSet<>();
        result.arms().stream().filter(value -> value.value() != null || Boolean.TRUE.equals(value.notReached())).forEach(value -> valued.add(value.arm()));
        if (comparison.estimate() == null && comparison.pValueText() == null
                && !(valued.contains(comparison.experimentalArm()) && valued.contains(comparison.controlArm()))) {
            fault(path, "a comparison needs an estimate, a p-value, or values of both its arms");
        }
        interval(comparison.estimate(), comparison.ciLower(), comparison.ciUpper(), path);
        served(comparison.estimate(), path + ".estimate", result.sources(), result.corrections(), "comparison.estimate");
        served(comparison.ciLower(), path + ".ciLower", result.sources(), result.corrections(), "comparison.ciLower");
        served(comparison.ciUpper(), path + ".ciUpper", result.sources(), result.corrections(), "comparison.ciUpper");
        if (comparison.ciLevel() != null && comparison.ciLevel().compareTo(DEFAULT_CI_LEVEL) != 0) {
            served(comparison.ciLevel().multiply(HUNDRED), path + ".ciLevel", result.sources(), result.corrections(), "comparison.ciLevel");
        }
        if (comparison.pValueText() != null) {
            Optional<PValue> pValue = PValue.parse(comparison.pValueText());
            if (pValue.isEmpty()) {
                fault(path + ".pValueText", "cannot read p-value '" + comparison.pValueText() + "'");
            } else {
                served(pValue.get().value(), path + ".pValueText", result.sources(), result.corrections(), "comparison.pValueText");
            }
        }
    }

    private void interval(BigDecimal estimate, BigDecimal lower, BigDecimal upper, String path) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            fault(path, "ciLower " + lower + " is above ciUpper " + upper);
        }
        if (estimate != null && lower != null && upper != null && (estimate.compareTo(lower) < 0 || estimate.compareTo(upper) > 0)) {
            fault(path, "estimate " + estimate + " lies outside its CI " + lower + "–" + upper);
        }
    }

    private void arm(Set<String> armIds, String arm, String path) {
        if (!armIds.contains(arm)) {
            fault(path, "unknown arm '" + arm + "'; arms: " + armIds);
        }
    }

    private void code(VocabularyKind kind, String code, String path) {
        if (code != null && vocabulary.of(kind).byCode(code).isEmpty()) {
            List<String> nearest = vocabulary.of(kind).nearest(code, 3);
            fault(path, "unknown " + kind.pathName + " code '" + code + "'"
                    + (nearest.isEmpty() ? "" : "; nearest: " + nearest));
        }
    }

    private void source(Source source, String path) {
        if (!registeredDocuments.contains(source.document())) {
            fault(path + ".document", "document '" + source.document() + "' is not registered in sources.json");
            return;
        }
        reviews.ifPresent(texts -> {
            if (!texts.has(source.document())) {
                fault(path + ".document", "review file '" + source.document() + "' is missing from the reviews directory");
            } else if (!texts.contains(source.document(), source.excerpt())) {
                fault(path + ".excerpt", "excerpt not found verbatim (whitespace collapsed) in " + source.document());
            }
        });
    }

    /** A served number must be printed in one of its excerpts, or be the served value of a correction of that field. */
    private void served(BigDecimal number, String path, List<Source> sources, List<Correction> corrections, String field) {
        if (number == null) {
            return;
        }
        boolean corrected = corrections.stream().anyMatch(correction -> correction.field().equals(field) && sameNumber(correction.served(), number));
        boolean printed = sources.stream()
                .anyMatch(source -> NumbersInText.contains(numbersByExcerpt.computeIfAbsent(source.excerpt(), NumbersInText::of), number));
        if (!corrected && !printed) {
            fault(path, "number " + number.toPlainString() + " appears in none of its excerpts and no correction of '" + field + "' serves it");
        }
    }

    private static boolean sameNumber(String text, BigDecimal number) {
        try {
            return new BigDecimal(text.strip()).compareTo(number) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
