package org.trialevidence.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NetworkMetaAnalysis agrees with metafor's rma.mv on two published networks with multi-arm studies (dat.senn2013, MD;
 * dat.hasselblad1998, OR): fixed effect within 1e-4 relative, random effects and tau^2 within 2e-3 (the bounds),
 * and the P-scores, design-by-treatment Q and node-splits the R script computes from metafor's fits.
 *
 * <p>Every expected number comes from {@code src/test/resources/stats/network-meta-analysis-reference.json}, written by
 * {@code Rscript src/test/r/network-meta-analysis-reference.R} (the script says how each number is computed). This
 * test never runs R.
 */
class NetworkMetaAnalysisReferenceTest {
    private static final double FIXED = 1e-4;
    private static final double RANDOM = 2e-3;
    private static final double ABSOLUTE_NEAR_ZERO = 1e-8;
    private static JsonNode reference;

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = NetworkMetaAnalysisReferenceTest.class.getResourceAsStream("/stats/network-meta-analysis-reference.json")) {
            assertNotNull(in, "stats/network-meta-analysis-reference.json on the test classpath");
            reference = new ObjectMapper().readTree(in);
        }
    }

    static List<NetworkStudy.Pair> pairs(JsonNode network) {
        List<NetworkStudy.Pair> pairs = new ArrayList<>();
        JsonNode contrasts = network.get("contrasts");
        for (int i = 0; i < contrasts.size(); i++) {
            JsonNode c = contrasts.get(i);
            pairs.add(new NetworkStudy.Pair(i, c.get("study").asText(), c.get("treatment1").asText(), c.get("treatment2").asText(),
                    c.get("estimate").asDouble(), c.get("standardError").asDouble()));
        }
        return pairs;
    }

    private static NetworkMetaAnalysis.Result analyse(JsonNode network) {
        return NetworkMetaAnalysis.analyse(NetworkStudy.fromPairs(pairs(network)), network.get("reference").asText(), 0.95);
    }

    @Test
    void theReferenceWasMadeWithMetafor38AndHoldsTwoNetworksWithMultiArmStudies() {
        assertTrue(reference.get("metafor").asText().startsWith("3.8"), reference.get("metafor").asText());
        List<String> names = new ArrayList<>();
        reference.get("networks").forEach(network -> {
            names.add(network.get("name").asText());
            List<NetworkStudy> studies = NetworkStudy.fromPairs(pairs(network));
            assertTrue(studies.stream().anyMatch(study -> study.arms().size() == 3), network.get("name").asText() + " has a three-arm study");
        });
        assertEquals(List.of("senn2013", "hasselblad1998"), names);
    }

    @TestFactory
    Stream<DynamicTest> everyNumberAgreesWithMetafor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode network : reference.get("networks")) {
            String name = network.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name + " estimates against the reference", () -> {
                NetworkMetaAnalysis.Result result = analyse(network);
                assertEquals(texts(network.get("treatments")), result.fixed().treatments());
                assertComparisons(network.get("fixed").get("estimates"), result.fixed(), FIXED, name + " fixed");
                assertComparisons(network.get("random").get("estimates"), result.random(), RANDOM, name + " random");
            }));
            tests.add(DynamicTest.dynamicTest(name + " tau^2 by REML", () ->
                    near(network.get("random").get("tauSquared").asDouble(), analyse(network).random().tauSquared(), RANDOM, name + " tau^2")));
            tests.add(DynamicTest.dynamicTest(name + " league table", () -> {
                NetworkMetaAnalysis.Result result = analyse(network);
                for (JsonNode cell : network.get("league")) {
                    String row = cell.get("row").asText();
                    String column = cell.get("column").asText();
                    assertComparison(cell.get("fixed"), result.fixed().compare(row, column), FIXED, name + " fixed " + row + " vs " + column);
                    assertComparison(cell.get("random"), result.random().compare(row, column), RANDOM, name + " random " + row + " vs " + column);
                }
            }));
            tests.add(DynamicTest.dynamicTest(name + " P-scores", () -> {
                NetworkMetaAnalysis.Result result = analyse(network);
                boolean small = "desirable".equals(network.get("smallValues").asText());
                assertPScores(network.get("pScores").get("fixed"), result.fixed().pScores(small), FIXED, name + " fixed");
                assertPScores(network.get("pScores").get("random"), result.random().pScores(small), RANDOM, name + " random");
            }));
            tests.add(DynamicTest.dynamicTest(name + " design-by-treatment Q", () -> {
                NetworkMetaAnalysis.DesignByTreatment q = analyse(network).designByTreatment();
                JsonNode expected = network.get("designByTreatment");
                assertQ(expected.get("total"), q.total(), name + " total");
                assertQ(expected.get("withinDesigns"), q.withinDesigns(), name + " within designs");
                assertQ(expected.get("betweenDesigns"), q.betweenDesigns(), name + " between designs");
            }));
            tests.add(DynamicTest.dynamicTest(name + " node-splitting", () -> {
                NetworkMetaAnalysis.Result result = analyse(network);
                assertSplits(network.get("nodeSplit").get("fixed"), result.fixedNodeSplits(), FIXED, name + " fixed");
                assertSplits(network.get("nodeSplit").get("random"), result.randomNodeSplits(), RANDOM, name + " random");
            }));
        }
        return tests.stream();
    }

    @Test
    void partsAreTheConnectedTreatmentsLargestFirst() {
        List<NetworkStudy> studies = NetworkStudy.fromPairs(List.of(
                new NetworkStudy.Pair(0, "s1", "A", "B", 0.1, 0.2),
                new NetworkStudy.Pair(1, "s2", "B", "C", 0.1, 0.2),
                new NetworkStudy.Pair(2, "s3", "D", "E", 0.1, 0.2)));
        assertEquals(List.of(List.of("A", "B", "C"), List.of("D", "E")), NetworkMetaAnalysis.parts(studies));
        assertThrows(IllegalArgumentException.class, () -> NetworkMetaAnalysis.analyse(studies, "A", 0.95));
    }

    @Test
    void aStudyMustGiveEveryPairOfItsArmsOnceAndConsistently() {
        NetworkStudy.InvalidStudyException missing = assertThrows(NetworkStudy.InvalidStudyException.class, () -> NetworkStudy.fromPairs(List.of(
                new NetworkStudy.Pair(0, "s", "A", "B", 0.1, 0.2), new NetworkStudy.Pair(1, "s", "A", "C", 0.1, 0.2))));
        assertTrue(missing.getMessage().contains("2 of their 3 pairs"), missing.getMessage());
        NetworkStudy.InvalidStudyException repeated = assertThrows(NetworkStudy.InvalidStudyException.class, () -> NetworkStudy.fromPairs(List.of(
                new NetworkStudy.Pair(0, "s", "A", "B", 0.1, 0.2), new NetworkStudy.Pair(1, "s", "B", "A", -0.1, 0.2))));
        assertEquals(1, repeated.index());
        NetworkStudy.InvalidStudyException inconsistent = assertThrows(NetworkStudy.InvalidStudyException.class, () -> NetworkStudy.fromPairs(List.of(
                new NetworkStudy.Pair(0, "s", "A", "B", 0.1, 0.2), new NetworkStudy.Pair(1, "s", "A", "C", 0.3, 0.2),
                new NetworkStudy.Pair(2, "s", "B", "C", 0.5, 0.2))));
        assertEquals(2, inconsistent.index());
    }

    private static void assertComparisons(JsonNode expected, NetworkMetaAnalysis.Fit fit, double tolerance, String what) {
        assertEquals(fit.treatments().size() - 1, expected.size(), what);
        for (JsonNode e : expected) {
            NetworkMetaAnalysis.Comparison actual = fit.compare(e.get("treatment").asText(), e.get("versus").asText());
            String label = what + " " + actual.treatment() + " vs " + actual.versus();
            assertComparison(e, actual, tolerance, label);
            near(e.get("ciLower").asDouble(), actual.ciLower(), tolerance, label + " ciLower");
            near(e.get("ciUpper").asDouble(), actual.ciUpper(), tolerance, label + " ciUpper");
        }
    }

    private static void assertComparison(JsonNode expected, NetworkMetaAnalysis.Comparison actual, double tolerance, String what) {
        near(expected.get("estimate").asDouble(), actual.estimate(), tolerance, what + " estimate");
        near(expected.get("standardError").asDouble(), actual.standardError(), tolerance, what + " standardError");
    }

    private static void assertPScores(JsonNode expected, Map<String, Double> actual, double tolerance, String what) {
        assertEquals(expected.size(), actual.size(), what);
        expected.fields().forEachRemaining(entry ->
                near(entry.getValue().asDouble(), actual.get(entry.getKey()), tolerance, what + " P-score of " + entry.getKey()));
    }

    private static void assertQ(JsonNode expected, Heterogeneity.Q actual, String what) {
        near(expected.get("q").asDouble(), actual.value(), FIXED, what + " Q");
        assertEquals(expected.get("df").asInt(), actual.df(), what + " df");
        near(expected.get("pValue").asDouble(), actual.pValue(), FIXED, what + " p");
    }

    private static void assertSplits(JsonNode expected, List<NetworkMetaAnalysis.NodeSplit> actual, double tolerance, String what) {
        assertEquals(expected.size(), actual.size(), what + " pairs");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            NetworkMetaAnalysis.NodeSplit split = actual.get(i);
            String label = what + " " + split.treatment() + " vs " + split.versus();
            assertEquals(e.get("treatment").asText(), split.treatment(), label);
            assertEquals(e.get("versus").asText(), split.versus(), label);
            assertEquals(e.get("studies").asInt(), split.studies(), label + " studies");
            assertComparison(e.get("direct"), split.direct(), tolerance, label + " direct");
            if (e.has("indirect")) {
                assertNotNull(split.indirect(), label + " has indirect evidence");
                assertComparison(e.get("indirect"), split.indirect(), tolerance, label + " indirect");
                near(e.get("difference").get("estimate").asDouble(), split.difference().estimate(), tolerance, label + " difference");
                near(e.get("difference").get("pValue").asDouble(), split.difference().pValue(), tolerance, label + " p");
            } else {
                assertNull(split.indirect(), label + " has no indirect evidence");
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void near(double expected, double actual, double relative, String what) {
        double tolerance = Math.abs(expected) < ABSOLUTE_NEAR_ZERO ? ABSOLUTE_NEAR_ZERO : relative * Math.abs(expected);
        assertEquals(expected, actual, tolerance, what);
    }
}
