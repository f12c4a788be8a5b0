package org.trialevidence.contrast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a comparison tests, derived from arms as the reviews describe them (the drugs of each arm as curated in
 * seed-data); the expected contrasts are the randomized questions the reviews name for these trials.
 */
class ContrastsTest {
    private static Contrasts.Regimen experimental(String... drugs) {
        return new Contrasts.Regimen("experimental", List.of(drugs), null);
    }

    private static Contrasts.Regimen control(String... drugs) {
        return new Contrasts.Regimen("control", List.of(drugs), null);
    }

    private static Contrast derived(Contrasts.Regimen experimental, Contrasts.Regimen control) {
        return Contrasts.of(experimental, control, Optional.empty()).orElseThrow();
    }

    @Test
    void addingACdk46InhibitorToAnAromataseInhibitorOrToFulvestrantIsOneQuestion() {
        // PALOMA-2: palbociclib + letrozole vs placebo + letrozole; PALOMA-3: palbociclib + fulvestrant vs placebo + fulvestrant.
        Contrast paloma2 = derived(experimental("palbociclib", "letrozole"), control("placebo", "letrozole"));
        Contrast paloma3 = derived(experimental("palbociclib", "fulvestrant"), control("placebo", "fulvestrant"));
        assertEquals("CDK4/6i + AI vs AI", paloma2.label());
        assertEquals("CDK4/6i + SERD vs SERD", paloma3.label());
        assertEquals("add-on", paloma2.design());
        assertEquals(paloma2.id(), paloma3.id(), "one randomized question: a CDK4/6 inhibitor added to endocrine therapy");
        assertEquals("CDK4/6i + endocrine-therapy vs endocrine-therapy", paloma2.question());
        assertEquals("endocrine-therapy", paloma2.comparatorClass().code());
        assertEquals(List.of("palbociclib"), paloma2.added().get(0).drugs());
        assertEquals(Set.of("CDK4/6i", "palbociclib"), paloma2.addedCodes());
        assertEquals(Set.of("AI"), paloma2.comparatorCodes(), "an add-on is measured against its background");
    }

    @Test
    void cdk46InhibitorWithEndocrineTherapyAgainstChemotherapyIsAnotherQuestion() {
        // PEARL: palbociclib + exemestane or fulvestrant vs capecitabine; Young-PEARL: palbociclib + exemestane + OFS vs
        // capecitabine; RIGHT Choice: ribociclib + ET vs combination chemotherapy.
        Contrast pearl = derived(experimental("palbociclib", "exemestane", "fulvestrant"), control("capecitabine"));
        Contrast youngPearl = derived(experimental("palbociclib", "exemestane", "ovarian-function-suppression"), control("capecitabine"));
        Contrast rightChoice = derived(experimental("ribociclib", "endocrine-therapy"), control("chemotherapy"));
        Contrast paloma2 = derived(experimental("palbociclib", "letrozole"), control("placebo", "letrozole"));
        assertEquals(pearl.id(), youngPearl.id());
        assertEquals(pearl.id(), rightChoice.id());
        assertTrue(!pearl.id().equals(paloma2.id()));
        assertEquals("replacement", pearl.design());
        assertEquals("CDK4/6i + endocrine-therapy vs chemotherapy", pearl.question());
        assertEquals("chemotherapy", pearl.comparatorClass().code());
        assertEquals("CDK4/6i + endocrine-therapy", pearl.experimentalTreatment());
        assertEquals("chemotherapy", pearl.controlTreatment());
    }

    @Test
    void aSwitchWithTheSameCdk46InhibitorInBothArmsIsNotAboutTheCdk46Inhibitor() {
        // SERENA-6: camizestrant + the same CDK4/6 inhibitor vs continued AI + the same CDK4/6 inhibitor.
        Contrast serena6 = derived(experimental("camizestrant", "cdk46-inhibitor"), control("aromatase-inhibitor", "cdk46-inhibitor"));
        assertEquals("oral-SERD replacing AI, CDK4/6i in both arms", serena6.label());
        assertEquals(List.of("oral-SERD"), serena6.added().stream().map(ContrastTerm::code).toList());
        assertEquals(List.of("AI"), serena6.removed().stream().map(ContrastTerm::code).toList());
        assertEquals(List.of("CDK4/6i"), serena6.common().stream().map(ContrastTerm::code).toList());
        assertTrue(!serena6.addedCodes().contains("CDK4/6i"));
    }

    @Test
    void aCuratedContinuationDoesNotCountAsAddingTheDrug() {
        // MAINTAIN: ribociclib continued after progression on a CDK4/6 inhibitor, with a switched ET, vs placebo + switched ET.
        Contrasts.Override continuation = new Contrasts.Override("continuation-beyond-progression", "CDK4/6i continued + switched ET vs switched ET",
                "progressed on prior CDK4/6i", List.of("CDK4/6i"));
        Contrast maintain = Contrasts.of(experimental("ribociclib", "fulvestrant", "exemestane"), control("placebo", "fulvestrant", "exemestane"),
                Optional.of(continuation)).orElseThrow();
        Contrast paloma3 = derived(experimental("palbociclib", "fulvestrant"), control("placebo", "fulvestrant"));
        assertTrue(maintain.added().isEmpty());
        assertEquals(List.of("CDK4/6i"), maintain.continued().stream().map(ContrastTerm::code).toList());
        assertTrue(!maintain.id().equals(paloma3.id()));
        assertEquals("continuation-beyond-progression", maintain.design());
        assertEquals("CDK4/6i continued + switched ET vs switched ET", maintain.label());
        assertEquals("progressed on prior CDK4/6i", maintain.curatedReason());
        assertNull(paloma3.curatedReason());
    }

    @Test
    void armsOfOneTreatmentOrWithoutCuratedDrugsTestNoTreatment() {
        // ATAC's HER2 analysis compares anastrozole-treated HER2+ with HER2- tumours; postMONARCH's comparator is not named.
        assertTrue(Contrasts.of(experimental("anastrozole"), experimental("anastrozole"), Optional.empty()).isEmpty());
        assertTrue(Contrasts.of(experimental("abemaciclib", "fulvestrant"), control(), Optional.empty()).isEmpty());
        assertTrue(Contrasts.of(new Contrasts.Regimen("other", List.of("palbociclib"), null), control("letrozole"), Optional.empty()).isEmpty());
    }

    @Test
    void aDoseComparisonIsItsOwnQuestion() {
        // CONFIRM: fulvestrant 500 mg vs 250 mg.
        Contrast confirm = Contrasts.of(new Contrasts.Regimen("experimental", List.of("fulvestrant"), "500 mg"),
                new Contrasts.Regimen("control", List.of("fulvestrant"), "250 mg"), Optional.empty()).orElseThrow();
        assertEquals("dose-or-schedule", confirm.design());
        assertEquals("SERD: dose or schedule (500 mg vs 250 mg)", confirm.label());
    }

    @Test
    void aDrugGivenAloneAgainstPlaceboIsMeasuredAgainstPlacebo() {
        Contrast contrast = derived(experimental("tamoxifen"), control("placebo"));
        assertEquals("SERM vs placebo", contrast.label());
        assertEquals("placebo", contrast.comparatorClass().code());
        assertEquals("placebo", contrast.controlTreatment());
    }
}
