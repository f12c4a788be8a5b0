package org.trialevidence.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.Evidence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /fhir/Evidence over the real seed-data. Numbers are those printed in the reviews; counts and order come from
 * /api/v1/results; the structure is checked by HL7's instance validator against the R5 definitions, not by this code.
 */
@QuarkusTest
class FhirEvidenceTest {
    private static final String EFFECT_MEASURE = "statistic[0].statisticType.coding[0]";
    private static final String CI = "statistic[0].attributeEstimate.find { it.type.coding[0].code == 'C53324' }";
    private static final String P = "statistic[0].attributeEstimate.find { it.type.coding[0].code == 'C44185' }";

    private static FhirContext context;
    private static FhirValidator validator;
    /** The R5 structure definitions, value sets and code systems (HL7's packages in hapi-fhir-validation-resources-r5). */
    private static DefaultProfileValidationSupport terminology;

    @BeforeAll
    static void validator() {
        context = FhirContext.forR5();
        terminology = new DefaultProfileValidationSupport(context);
        ValidationSupportChain support = new ValidationSupportChain(
                terminology,
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    static JsonPath evidence(Map<String, ?> query) {
        return given().queryParams(query).when().get("/fhir/Evidence")
                .then().statusCode(200).contentType(startsWith(FhirJson.MEDIA_TYPE)).extract().jsonPath();
    }

    /** Ids of the results /api/v1/results answers that compare two arms, in its order, through all pages. */
    static List<String> comparedResultIds(Map<String, ?> query) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> paged = new HashMap<>(query);
            paged.put("size", 200);
            paged.put("page", page);
            List<Map<String, Object>> items = given().queryParams(paged).get("/api/v1/results").then().statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.stream().filter(item -> item.get("comparison") != null).forEach(item -> ids.add((String) item.get("id")));
        }
    }

    @Test
    void serena6ProgressionFreeSurvivalAsTheReviewPrintsIt() {
        // 002, text: "The median PFS was 16.0 months with camizestrant versus 9.2 months with continued AI
        // (HR 0.44; 95% CI, 0.31–0.60; p<0.00001)."
        JsonPath bundle = evidence(Map.of("trial", "SERENA-6", "endpoint", "PFS"));
        assertEquals("Bundle", bundle.getString("resourceType"));
        assertEquals("searchset", bundle.getString("type"));
        assertEquals(1, bundle.getInt("total"));
        assertEquals(1, bundle.getList("entry").size());
        JsonPath evidence = bundle.setRootPath("entry[0].resource");
        assertEquals("Evidence", evidence.getString("resourceType"));
        assertEquals("active", evidence.getString("status"));
        assertEquals("http://terminology.hl7.org/CodeSystem/statistic-type", evidence.getString(EFFECT_MEASURE + ".system"));
        assertEquals("C93150", evidence.getString(EFFECT_MEASURE + ".code"));
        assertEquals(0.44f, evidence.getFloat("statistic[0].quantity.value"));
        assertEquals("http://terminology.hl7.org/CodeSystem/attribute-estimate-type", evidence.getString(CI + ".type.coding[0].system"));
        assertEquals(0.95f, evidence.getFloat(CI + ".level"));
        assertEquals(0.31f, evidence.getFloat(CI + ".range.low.value"));
        assertEquals(0.60f, evidence.getFloat(CI + ".range.high.value"));
        assertEquals(0.00001f, evidence.getFloat(P + ".quantity.value"));
        assertEquals("<", evidence.getString(P + ".quantity.comparator"));
        // Per arm: the medians in months, named by their arm.
        assertEquals(List.of("C28007", "C28007"), evidence.getList("statistic[1..2].collect { it.statisticType.coding[0].code }"));
        assertEquals(List.of(16.0f, 9.2f), evidence.getList("statistic[1..2].quantity.value", Float.class));
        assertEquals(List.of("mo", "mo"), evidence.getList("statistic[1..2].quantity.code"));
        assertTrue(evidence.getString("statistic[1].description").contains("Camizestrant"), evidence.getString("statistic[1].description"));
        // The source, with the verbatim excerpt.
        assertEquals("derived-from", evidence.getString("relatedArtifact[0].type"));
        assertEquals("002_68e141cf09b578c4.txt", evidence.getString("relatedArtifact[0].document.title"));
        assertTrue(evidence.getString("relatedArtifact[0].citation").contains(
                "The median PFS was 16.0 months with camizestrant versus 9.2 months with continued AI (HR 0.44; 95% CI, 0.31–0.60; p<0.00001)"));
        // The variables: the compared arms (Table 1b: "Camizestrant + same CDK4/6 inhibitor", "Continue AI + same CDK4/6i").
        assertEquals(List.of("population", "exposure", "referenceExposure", "measuredVariable"), evidence.getList("variableDefinition.collect { it.variableRole.coding[0].code }"));
        assertTrue(evidence.getString("variableDefinition[0].description").contains("ESR1"), evidence.getString("variableDefinition[0].description"));
        assertTrue(evidence.getString("variableDefinition[1].description").startsWith("Camizestrant"), evidence.getString("variableDefinition[1].description"));
        assertTrue(evidence.getString("variableDefinition[2].description").startsWith("Continue AI"), evidence.getString("variableDefinition[2].description"));
        assertTrue(evidence.getString("variableDefinition[3].description").contains("Progression-free survival"));
        // What the randomization tested: camizestrant replacing the AI, the CDK4/6 inhibitor in both arms (Table 1b).
        assertTrue(evidence.getString("variableDefinition[1].note[0].text").startsWith("Contrast (what the randomization tested): oral-SERD replacing AI"),
                evidence.getString("variableDefinition[1].note[0].text"));
        assertTrue(evidence.getString("variableDefinition[2].note[0].text").contains("(endocrine-therapy)"));
    }

    @Test
    void anArmIsTheReferenceExposureOfTheComparisonItIsTheControlOf() {
        // EMBER-3 (002 Table 1b): "Imlunestrant + Abemaciclib vs. Imlunestrant 34.8% vs. 15.2%".
        JsonPath bundle = evidence(Map.of("trial", "EMBER-3", "endpoint", "PFS", "population", "itt"));
        List<String> references = bundle.getList("entry.resource.variableDefinition.flatten().findAll { it.variableRole.coding[0].code == 'referenceExposure' }.description");
        assertTrue(references.stream().anyMatch(description -> description.startsWith("Imlunestrant (control arm")), references.toString());
    }

    @Test
    void numbersAreJsonNumbersInPlainNotation() {
        String body = given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").get("/fhir/Evidence").asString();
        assertTrue(body.contains("\"value\":0.00001,\"comparator\":\"<\""), body);
        assertTrue(body.contains("\"value\":0.44}"), body);
    }

    @Test
    void oddsAndRelativeRisksHaveTheirOwnStatisticTypes() {
        // 002, line 582: "12-week ORR 58.8% in arm A and 40.2% in arm B (OR: 2.12 [95% CI, 1.13–3.96]; p=0.019)."
        JsonPath abigail = new JsonPath(given().queryParam("trial", "ABIGAIL").queryParam("endpoint", "ORR").get("/fhir/Evidence").asString())
                .setRootPath("entry.find { it.resource.identifier[0].value == 'abigail-orr-itt-12-week' }.resource");
        assertEquals("C16932", abigail.getString(EFFECT_MEASURE + ".code"));
        assertEquals(2.12f, abigail.getFloat("statistic[0].quantity.value"));
        assertEquals(1.13f, abigail.getFloat(CI + ".range.low.value"));
        assertEquals(3.96f, abigail.getFloat(CI + ".range.high.value"));
        assertEquals(0.019f, abigail.getFloat(P + ".quantity.value"));
        assertNull(abigail.getString(P + ".quantity.comparator"), "an exact p-value has no comparator");
        assertEquals(List.of("C44256", "C44256"), abigail.getList("statistic[1..2].collect { it.statisticType.coding[0].code }"));
        assertEquals(List.of(58.8f, 40.2f), abigail.getList("statistic[1..2].quantity.value", Float.class));
        assertEquals(List.of("%", "%"), abigail.getList("statistic[1..2].quantity.code"));

        // 002, line 12: "... lower for women receiving AI than for women assigned to tamoxifen (RR 0.79, 95% CI 0.69–0.90, p=0.0005)"
        JsonPath ebctcg = new JsonPath(given().queryParam("trial", "ebctcg-ai-vs-tamoxifen-premenopausal").queryParam("studyType", "all").get("/fhir/Evidence").asString())
                .setRootPath("entry.find { it.resource.identifier[0].value == 'ebctcg-ai-vs-tamoxifen-premenopausal-recurrence-itt' }.resource");
        assertEquals("C93152", ebctcg.getString(EFFECT_MEASURE + ".code"));
        assertEquals(0.79f, ebctcg.getFloat("statistic[0].quantity.value"));
        assertEquals(0.69f, ebctcg.getFloat(CI + ".range.low.value"));
        assertEquals(0.90f, ebctcg.getFloat(CI + ".range.high.value"));
    }

    @Test
    void aComparisonPrintedOnlyAsAPValueHasNoEffectMeasure() {
        // 002, line 1284: "In the ESR1-mutant subgroup, imlunestrant significantly improved PFS compared to standard ET
        // (5.5 vs. 3.8 months; P<0.001)."
        JsonPath ember3 = new JsonPath(given().queryParam("trial", "EMBER-3").queryParam("endpoint", "PFS").get("/fhir/Evidence").asString())
                .setRootPath("entry.find { it.resource.identifier[0].value == 'ember-3-pfs-esr1-mutant' }.resource");
        assertNull(ember3.get("statistic[0].statisticType"));
        assertNull(ember3.get("statistic[0].quantity"));
        assertEquals(0.001f, ember3.getFloat(P + ".quantity.value"));
        assertEquals("<", ember3.getString(P + ".quantity.comparator"));
        assertEquals(List.of(5.5f, 3.8f), ember3.getList("statistic[1..2].quantity.value", Float.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "trial=SERENA-6",
            "endpoint=PFS&drugClass=CDK4/6i",
            "effectMeasure=HR&sort=-hazardRatio",
            "studyType=meta-analysis",
            "biomarker=ESR1&population=subgroup",
            "studyType=all"})
    void oneEvidencePerMatchingResultWithAComparisonInTheSameOrder(String filter) {
        Map<String, String> query = new HashMap<>();
        for (String pair : filter.split("&")) {
            query.put(pair.split("=")[0], pair.split("=")[1]);
        }
        List<String> expected = comparedResultIds(query);
        assertFalse(expected.isEmpty(), query + " should match results with comparisons");
        JsonPath bundle = evidence(query);
        assertEquals(expected.size(), bundle.getInt("total"));
        assertEquals(expected, bundle.getList("entry.collect { it.resource.identifier[0].value }"));
        assertEquals(List.of("match"), bundle.getList("entry.search.mode").stream().distinct().toList());
    }

    @Test
    void idsAreTheResultIdsWithinFhirsLimitOfSixtyFourCharacters() {
        JsonPath bundle = evidence(Map.of("studyType", "all"));
        List<String> ids = bundle.getList("entry.resource.id");
        List<String> resultIds = bundle.getList("entry.collect { it.resource.identifier[0].value }");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(ids.get(i).matches("[A-Za-z0-9\\-.]{1,64}"), ids.get(i));
            if (resultIds.get(i).length() <= 64) {
                assertEquals(resultIds.get(i), ids.get(i));
            }
        }
        // 47 characters, '-', then the first 16 hex digits of SHA-256 of the whole id (computed with Python's hashlib).
        assertTrue(ids.contains("de-laurentiis-her2-meta-analysis-treatment-fail-57f07e35358e00b2"), ids.toString());
        assertTrue(ids.contains("ellis-neoadjuvant-letrozole-vs-tamoxifen-clinic-f2bcfc712467d717"), ids.toString());
        List<String> fullUrls = bundle.getList("entry.fullUrl");
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(fullUrls.get(i).endsWith("/fhir/Evidence/" + ids.get(i)), fullUrls.get(i));
        }
    }

    @Test
    void everyEvidenceOfTheDatasetValidatesAgainstTheR5Definitions() {
        String body = given().queryParam("studyType", "all").get("/fhir/Evidence").then().statusCode(200).extract().asString();
        Bundle bundle = context.newJsonParser().parseResource(Bundle.class, body);
        assertEquals(comparedResultIds(Map.of("studyType", "all")).size(), bundle.getEntry().size());
        List<SingleValidationMessage> messages = validator.validateWithResult(bundle).getMessages();
        List<String> errors = messages.stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertEquals(List.of(), errors);
        List<String> warnings = messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertEquals(List.of(), warnings);

        // The validator does reject what this test relies on it for: a missing status, a code its code system lacks.
        Evidence serena6 = bundle.getEntry().stream().map(entry -> (Evidence) entry.getResource())
                .filter(evidence -> evidence.getIdPart().equals("serena-6-pfs-itt")).findFirst().orElseThrow();
        serena6.setStatus(null);
        serena6.getStatistic().get(1).getStatisticType().getCodingFirstRep().setCode("median");
        List<String> faults = validator.validateWithResult(serena6).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).map(SingleValidationMessage::getMessage).toList();
        assertTrue(faults.stream().anyMatch(fault -> fault.contains("Evidence.status")), faults.toString());
        assertTrue(faults.stream().anyMatch(fault -> fault.contains("statistic-type#median")), faults.toString());
    }

    /**
     * The instance validator rejects unknown codes but does not compare displays; this compares every coding with the
     * concept of HL7's R5 terminology package (C25564, for one, is "Maximum" there, not "Median").
     */
    @Test
    void everyCodingIsTheCodeSystemsConceptWithItsDisplay() {
        String body = given().queryParam("studyType", "all").get("/fhir/Evidence").then().statusCode(200).extract().asString();
        List<Coding> codings = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : context.newJsonParser().parseResource(Bundle.class, body).getEntry()) {
            Evidence evidence = (Evidence) entry.getResource();
            evidence.getVariableDefinition().forEach(variable -> codings.addAll(variable.getVariableRole().getCoding()));
            for (Evidence.EvidenceStatisticComponent statistic : evidence.getStatistic()) {
                codings.addAll(statistic.getStatisticType().getCoding());
                statistic.getAttributeEstimate().forEach(estimate -> codings.addAll(estimate.getType().getCoding()));
            }
        }
        assertFalse(codings.isEmpty());
        for (Coding coding : codings) {
            CodeSystem system = (CodeSystem) terminology.fetchCodeSystem(coding.getSystem());
            assertTrue(system != null, coding.getSystem() + " is not an R5 code system");
            String display = system.getConcept().stream().filter(concept -> concept.getCode().equals(coding.getCode()))
                    .map(CodeSystem.ConceptDefinitionComponent::getDisplay).findFirst().orElse(null);
            assertEquals(display, coding.getDisplay(), coding.getSystem() + "#" + coding.getCode());
        }
    }

    @Test
    void plainJsonIsAcceptedToo() {
        String fhir = given().accept(FhirJson.MEDIA_TYPE).queryParam("trial", "SERENA-6").get("/fhir/Evidence").then().statusCode(200)
                .contentType(startsWith(FhirJson.MEDIA_TYPE)).extract().asString();
        String json = given().accept("application/json").queryParam("trial", "SERENA-6").get("/fhir/Evidence").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        assertEquals(fhir, json);
    }

    @ParameterizedTest
    @CsvSource({
            "endpoint, PFSS",
            "biomarker, ESR1-mutnt",
            "trial, PALOMA-33",
            "population, everyone",
            "effectMeasure, HRR",
            "maxHazardRatio, -1",
            "studyType, rct",
            "sort, hazard",
            "biomarker, ''"})
    void badFiltersGetTheSameProblemAsTheResultsQuery(String parameter, String value) {
        Map<String, Object> results = given().queryParam(parameter, value).get("/api/v1/results").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getMap("");
        Map<String, Object> fhir = given().queryParam(parameter, value).get("/fhir/Evidence").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getMap("");
        assertEquals("/fhir/Evidence", fhir.remove("instance"));
        results.remove("instance");
        assertEquals(results, fhir);
    }

    @ParameterizedTest
    @CsvSource({"endpont, PFS", "page, 1", "size, 20", "format, csv"})
    void parametersOutsideTheFilterAreRejected(String parameter, String value) {
        given().queryParam(parameter, value).get("/fhir/Evidence").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trial-evidence.example/problems/unknown-parameter"))
                .body("parameter", equalTo(parameter))
                .body("allowedValues", hasItem("endpoint"))
                .body("allowedValues", not(hasItem("page")))
                .body("detail", containsString(parameter));
    }
}
