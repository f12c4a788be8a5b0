package org.trialevidence.contrast;

import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.Vocabulary;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives the contrast of a comparison between two arms from their drugs and drug classes.
 *
 * <p>Placebo is no drug. Drugs in both arms are the background ({@code common}); the experimental arm's other drugs
 * are {@code added}, the control arm's {@code removed}. The question ({@link Contrast#id}) keeps the added and removed
 * classes as they are, except that several classes under one umbrella on one side (an investigator's choice of
 * letrozole or fulvestrant) count as the umbrella, and takes the background at its umbrella class: adding a CDK4/6
 * inhibitor to an aromatase inhibitor or to fulvestrant is one question, adding it against chemotherapy another.
 * A curated override names the design where the drugs cannot tell (continuation after progression, sequencing).
 */
public final class Contrasts {
    public static final String PLACEBO = "placebo";
    public static final List<String> DERIVED_DESIGNS = List.of("add-on", "replacement", "omission", "dose-or-schedule");
    public static final List<String> CURATED_DESIGNS = List.of("continuation-beyond-progression", "sequencing", "switch-on-ctdna-mutation");

    /** One arm as the derivation needs it. */
    public record Regimen(String role, List<String> drugs, String dose) { }

    /**
     * A curator's statement of the design where the drugs cannot tell it.
     *
     * @param continued drug classes the experimental arm continues after progression on them (continuation designs):
     *                  they are not {@code added}, so {@code added=CDK4/6i} asks for trials that add a CDK4/6 inhibitor
     */
    public record Override(String design, String label, String reason, List<String> continued) {
        public Override {
            continued = continued == null ? List.of() : List.copyOf(continued);
        }
    }

    private Contrasts() {
    }

    /**
     * The contrast of the comparison, or empty when it tests no treatment: an arm without a role in a randomized
     * comparison ("other"), an arm without curated drugs (the regimen is unknown), or two arms with the same regimen
     * (a comparison of biomarker groups within one treatment).
     */
    public static Optional<Contrast> of(Regimen experimental, Regimen control, Optional<Override> override) {
        if ("other".equals(experimental.role()) || "other".equals(control.role()) || experimental.drugs().isEmpty() || control.drugs().isEmpty()) {
            return Optional.empty();
        }
        List<String> experimentalDrugs = active(experimental.drugs());
        List<String> controlDrugs = active(control.drugs());
        if (experimentalDrugs.equals(controlDrugs) && Objects.equals(experimental.dose(), control.dose()) && override.isEmpty()) {
            return Optional.empty();
        }
        List<String> common = experimentalDrugs.stream().filter(controlDrugs::contains).toList();
        List<String> added = experimentalDrugs.stream().filter(drug -> !common.contains(drug)).toList();
        List<String> removed = controlDrugs.stream().filter(drug -> !common.contains(drug)).toList();
        List<String> continuedClasses = override.map(Override::continued).orElse(List.of());
        List<ContrastTerm> addedTerms = byClass(added.stream().filter(drug -> !continuedClasses.contains(drugClass(drug))).toList());
        List<ContrastTerm> continuedTerms = byClass(added.stream().filter(drug -> continuedClasses.contains(drugClass(drug))).toList());
        List<ContrastTerm> removedTerms = byClass(removed);
        List<ContrastTerm> commonTerms = byClass(common);
        String derived = design(addedTerms, continuedTerms, removedTerms);
        String design = override.map(Override::design).orElse(derived);

        List<String> addedKey = question(addedTerms);
        List<String> continuedKey = question(continuedTerms);
        List<String> removedKey = question(removedTerms);
        List<String> commonKey = commonTerms.stream().map(term -> root(term.code())).distinct().toList();
        String id = design + part("added", addedKey) + part("continued", continuedKey) + part("removed", removedKey) + part("common", commonKey);
        boolean placeboControlled = control.drugs().stream().anyMatch(drug -> PLACEBO.equals(drugClass(drug)));
        String label = override.map(Override::label).orElseGet(() -> label(derived, codes(addedTerms), codes(removedTerms), codes(commonTerms),
                placeboControlled, experimental.dose(), control.dose()));
        String question = label(derived, withContinued(addedKey, continuedKey), removedKey, commonKey, placeboControlled, null, null)
                + (design.equals(derived) ? "" : " (" + design.replace('-', ' ') + ")");
        List<ContrastTerm> against = !removedTerms.isEmpty() ? removedTerms : commonTerms;
        ContrastTerm comparator = against.isEmpty() ? term(PLACEBO, List.of()) : term(root(against.get(0).code()), List.of());
        List<String> experimentalTreatment = new ArrayList<>(withContinued(addedKey, continuedKey));
        experimentalTreatment.addAll(commonKey);
        List<String> controlTreatment = new ArrayList<>(removedKey);
        controlTreatment.addAll(commonKey);
        return Optional.of(new Contrast(id, label, question, String.join(" + ", experimentalTreatment),
                controlTreatment.isEmpty() ? PLACEBO : String.join(" + ", controlTreatment), design, addedTerms, continuedTerms, removedTerms, commonTerms, comparator,
                override.map(Override::reason).orElse(null)));
    }

    private static List<String> active(List<String> drugs) {
        return drugs.stream().filter(drug -> !PLACEBO.equals(drugClass(drug))).distinct().toList();
    }

    private static String design(List<ContrastTerm> added, List<ContrastTerm> continued, List<ContrastTerm> removed) {
        if (added.isEmpty() && continued.isEmpty() && removed.isEmpty()) {
            return "dose-or-schedule";
        }
        if (removed.isEmpty()) {
            return "add-on";
        }
        return added.isEmpty() && continued.isEmpty() ? "omission" : "replacement";
    }

    /** Classes of one side as the question sees them: several classes under one umbrella count as the umbrella. */
    private static List<String> question(List<ContrastTerm> side) {
        Map<String, Long> perRoot = side.stream().collect(Collectors.groupingBy(term -> root(term.code()), LinkedHashMap::new, Collectors.counting()));
        Set<String> codes = new LinkedHashSet<>();
        for (ContrastTerm term : side) {
            String root = root(term.code());
            codes.add(perRoot.get(root) > 1 ? root : term.code());
        }
        return List.copyOf(codes);
    }

    private static String label(String design, List<String> added, List<String> removed, List<String> common, boolean placeboControlled,
                                String experimentalDose, String controlDose) {
        String background = String.join(" + ", common);
        return switch (design) {
            case "add-on" -> common.isEmpty()
                    ? String.join(" + ", added) + " vs " + (placeboControlled ? "placebo" : "no added treatment")
                    : String.join(" + ", added) + " + " + background + " vs " + background;
            case "omission" -> background + " vs " + String.join(" + ", removed) + " + " + background;
            case "dose-or-schedule" -> background + ": dose or schedule"
                    + (experimentalDose != null && controlDose != null ? " (" + experimentalDose + " vs " + controlDose + ")" : "");
            default -> common.isEmpty()
                    ? String.join(" + ", added) + " vs " + String.join(" + ", removed)
                    : String.join(" + ", added) + " replacing " + String.join(" + ", removed) + ", " + background + " in both arms";
        };
    }

    private static List<String> withContinued(List<String> added, List<String> continued) {
        List<String> all = new ArrayList<>(added);
        continued.forEach(code -> all.add(code + " continued"));
        return all;
    }

    private static String part(String name, List<String> codes) {
        return codes.isEmpty() ? "" : ";" + name + "=" + String.join(",", codes);
    }

    private static List<ContrastTerm> byClass(List<String> drugs) {
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        drugs.forEach(drug -> byClass.computeIfAbsent(drugClass(drug), code -> new ArrayList<>()).add(drug));
        List<ContrastTerm> terms = new ArrayList<>();
        byClass.forEach((code, members) -> terms.add(term(code, members)));
        return List.copyOf(terms);
    }

    private static List<String> codes(List<ContrastTerm> terms) {
        return terms.stream().map(ContrastTerm::code).toList();
    }

    private static ContrastTerm term(String classCode, List<String> drugs) {
        return new ContrastTerm(classCode, classes().byCode(classCode).map(Term::label).orElse(classCode), drugs);
    }

    private static String drugClass(String drug) {
        return VocabularyCatalog.get().of(VocabularyKind.DRUGS).byCode(drug).map(Term::drugClass)
                .orElseThrow(() -> new IllegalArgumentException("unknown drug " + drug));
    }

    /** The top umbrella of a drug class: endocrine-therapy for AI and oral-SERD, chemotherapy for chemotherapy. */
    static String root(String classCode) {
        List<String> chain = List.copyOf(classes().withAncestors(classCode));
        return chain.isEmpty() ? classCode : chain.get(chain.size() - 1);
    }

    private static Vocabulary classes() {
        return VocabularyCatalog.get().of(VocabularyKind.DRUG_CLASSES);
    }
}
