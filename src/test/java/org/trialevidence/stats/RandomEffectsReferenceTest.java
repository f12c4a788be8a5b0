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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * RandomEffects agrees with R's metafor, an independent implementation, within 1e-4 relative (1e-8 absolute where
 * metafor's value is within 1e-8 of 0).
 *
 * <p>Every expected number comes from {@code src/test/resources/stats/random-effects-reference.json}, written by
 * {@code Rscript src/test/r/random-effects-reference.R} under R 4.2.2 Patched (2022-11-10 r83330) with metafor 3.8.1
 * (the JSON records the versions it was made with). This test never runs R: re-run the script when the datasets
 * change.
 */
class RandomEffectsReferenceTest {
    private static final double RELATIVE = 1e-4;
    private static final double ABSOLUTE_NEAR_ZERO = 1e-8;
    private static JsonNode reference;

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = RandomEffectsReferenceTest.class.getResourceAsStream("/stats/random-effects-reference.json")) {
            assertNotNull(in, "stats/random-effects-reference.json on the test classpath");
            reference = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theReferenceWasMadeWithMetafor38AndCoversTheRequiredDatasets() {
        assertTrue(reference.get("metafor").asText().startsWith("3.8"), reference.get("metafor").asText());
        List<String> names = new ArrayList<>();
        reference.get("datasets").forEach(d -> names.add(d.get("name").asText()));
        assertEquals(List.of("heterogeneous-5", "heterogeneous-5-level-90", "heterogeneous-13", "homogeneous-6",
                "two-studies", "three-studies", "real-query-cdk46-pfs"), names);
        reference.get("datasets").forEach(d -> assertEquals(6, d.get("fits").size(), d.get("name").asText()));
    }

    /** One test per dataset, estimator and test (z or Hartung-Knapp): every value metafor printed. */
    @TestFactory
    Stream<DynamicTest> everyFitAgreesWithMetafor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode dataset : reference.get("datasets")) {
            double[] yi = doubles(dataset.get("yi"));
            double[] sei = doubles(dataset.get("sei"));
            double level = dataset.get("level").asDouble();
            for (JsonNode fit : dataset.get("fits")) {
                TauEstimator estimator = TauEstimator.valueOf(fit.get("estimator").asText());
                boolean knha = switch (fit.get("test").asText()) {
                    case "knha" -> true;
                    case "z" -> false;
                    default -> throw new IllegalStateException("unknown test " + fit.get("test"));
                };
                String name = dataset.get("name").asText() + " " + estimator + " " + fit.get("test").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Pooling pooling = RandomEffects.pool(yi, sei, estimator, knha, level);
                    assertPooling(fit, pooling, yi.length, name);
                    assertLeaveOneOut(fit, yi, sei, estimator, knha, level, name);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void subgroupDifferencesAgreeWithMetafor() {
        JsonNode sub = reference.get("subgroupDifferences");
        double[] estimates = doubles(sub.get("estimates"));
        double[] standardErrors = doubles(sub.get("standardErrors"));
        Heterogeneity.Q q = RandomEffects.subgroupDifferences(estimates, standardErrors);
        close(sub.get("q"), q.value(), "Q between subgroups");
        assertEquals(sub.get("df").asInt(), q.df(), "df between subgroups");
        close(sub.get("pValue"), q.pValue(), "p between subgroups");

        // The subgroups' own REML (z) poolings, from the 13 studies, are metafor's too.
        JsonNode dataset = dataset("heterogeneous-13");
        double[] yi = doubles(dataset.get("yi"));
        double[] sei = doubles(dataset.get("sei"));
        List<String> groups = new ArrayList<>();
        sub.get("groups").forEach(g -> groups.add(g.asText()));
        List<String> names = groups.stream().distinct().sorted().toList();
        assertEquals(estimates.length, names.size());
        for (int g = 0; g < names.size(); g++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).equals(names.get(g))) {
                    members.add(i);
                }
            }
            double[] y = members.stream().mapToDouble(i -> yi[i]).toArray();
            double[] s = members.stream().mapToDouble(i -> sei[i]).toArray();
            Estimate random = RandomEffects.pool(y, s, TauEstimator.REML, false, 0.95).random();
            close(estimates[g], random.estimate(), "subgroup " + names.get(g) + " estimate");
            close(standardErrors[g], random.standardError(), "subgroup " + names.get(g) + " SE");
        }
    }

    @Test
    void fewerThanTwoStudiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(new double[] {-0.3}, new double[] {0.1}, TauEstimator.REML, false, 0.95));
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(new double[0], new double[0], TauEstimator.DL, true, 0.95));
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.subgroupDifferences(new double[] {-0.3}, new double[] {0.1}));
    }

    @Test
    void leaveOneOutNeedsThreeStudies() {
        double[] yi = {-0.5, -0.1};
        double[] sei = {0.1, 0.2};
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.leaveOneOut(yi, sei, TauEstimator.REML, false, 0.95));
        assertEquals(3, RandomEffects.leaveOneOut(new double[] {-0.5, -0.1, 0.2}, new double[] {0.1, 0.2, 0.15}, TauEstimator.REML, false, 0.95).size());
    }

    @Test
    void nonPositiveOrMissingStandardErrorsAreRejected() {
        double[] yi = {-0.5, -0.1, 0.2};
        for (double bad : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] sei = {0.1, bad, 0.15};
            for (TauEstimator estimator : TauEstimator.values()) {
                assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(yi, sei, estimator, false, 0.95), "SE " + bad);
            }
            assertThrows(IllegalArgumentException.class, () -> RandomEffects.leaveOneOut(yi, sei, TauEstimator.PM, true, 0.95), "SE " + bad);
            assertThrows(IllegalArgumentException.class, () -> RandomEffects.subgroupDifferences(yi, sei), "SE " + bad);
        }
    }

    @Test
    void malformedInputsAreRejected() {
        double[] yi = {-0.5, -0.1, 0.2};
        double[] sei = {0.1, 0.2, 0.15};
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(yi, new double[] {0.1, 0.2}, TauEstimator.DL, false, 0.95));
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(new double[] {-0.5, Double.NaN, 0.2}, sei, TauEstimator.DL, false, 0.95));
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(null, sei, TauEstimator.DL, false, 0.95));
        assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(yi, sei, null, false, 0.95));
        for (double level : new double[] {0, 1, 95, -0.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> RandomEffects.pool(yi, sei, TauEstimator.REML, false, level), "level " + level);
        }
    }

    private static void assertPooling(JsonNode fit, Pooling pooling, int k, String name) {
        assertEquals(k, pooling.k(), name + " k");
        assertEquals(TauEstimator.valueOf(fit.get("estimator").asText()), pooling.estimator(), name + " estimator");
        assertEquals("knha".equals(fit.get("test").asText()), pooling.hartungKnapp(), name + " hartungKnapp");
        assertEstimate(fit.get("fixed"), pooling.fixed(), name + " fixed");
        assertEstimate(fit.get("random"), pooling.random(), name + " random");

        JsonNode h = fit.get("heterogeneity");
        Heterogeneity het = pooling.heterogeneity();
        close(h.get("q"), het.q().value(), name + " Q");
        assertEquals(h.get("df").asInt(), het.q().df(), name + " Q df");
        close(h.get("qPValue"), het.q().pValue(), name + " Q p");
        close(h.get("tauSquared"), het.tauSquared(), name + " tau^2");
        close(h.get("tauSquaredCiLower"), het.tauSquaredCiLower(), name + " tau^2 CI lower");
        close(h.get("tauSquaredCiUpper"), het.tauSquaredCiUpper(), name + " tau^2 CI upper");
        close(h.get("iSquared"), het.iSquared(), name + " I^2");
        close(h.get("hSquared"), het.hSquared(), name + " H^2");

        if (k < 3) {
            assertNull(pooling.predictionInterval(), name + ": no prediction interval below 3 studies (metafor would use t with "
                    + fit.get("predictionDf").asInt() + " df)");
        } else {
            assertEquals(k - 2, fit.get("predictionDf").asInt(), name + " prediction df in R");
            assertNotNull(pooling.predictionInterval(), name + " prediction interval");
            assertEquals(2, pooling.predictionInterval().length);
            close(fit.get("predictionInterval").get(0), pooling.predictionInterval()[0], name + " prediction lower");
            close(fit.get("predictionInterval").get(1), pooling.predictionInterval()[1], name + " prediction upper");
        }
        assertArray(fit.get("weightsFixedPercent"), pooling.weightsFixedPercent(), name + " fixed weight %");
        assertArray(fit.get("weightsRandomPercent"), pooling.weightsRandomPercent(), name + " random weight %");
        assertEquals(fit.get("hartungKnappNarrowerThanWald").asBoolean(), pooling.hartungKnappNarrowerThanWald(),
                name + " Hartung-Knapp CI narrower than Wald");
    }

    private static void assertLeaveOneOut(JsonNode fit, double[] yi, double[] sei, TauEstimator estimator, boolean knha,
                                          double level, String name) {
        JsonNode expected = fit.get("leaveOneOut");
        if (yi.length < 3) {
            assertNull(expected, name + ": R wrote no leave1out below 3 studies");
            return;
        }
        assertNotNull(expected, name + " leave1out in the reference");
        List<Pooling> omitted = RandomEffects.leaveOneOut(yi, sei, estimator, knha, level);
        assertEquals(yi.length, omitted.size(), name + " leave-one-out count");
        assertEquals(yi.length, expected.size(), name + " leave1out count in R");
        for (int i = 0; i < yi.length; i++) {
            JsonNode e = expected.get(i);
            Pooling p = omitted.get(i);
            String what = name + " without study " + (i + 1);
            assertEquals(yi.length - 1, p.k(), what + " k");
            close(e.get("estimate"), p.random().estimate(), what + " estimate");
            close(e.get("standardError"), p.random().standardError(), what + " SE");
            close(e.get("statistic"), p.random().statistic(), what + " statistic");
            close(e.get("pValue"), p.random().pValue(), what + " p");
            close(e.get("ciLower"), p.random().ciLower(), what + " CI lower");
            close(e.get("ciUpper"), p.random().ciUpper(), what + " CI upper");
            close(e.get("q"), p.heterogeneity().q().value(), what + " Q");
            close(e.get("qPValue"), p.heterogeneity().q().pValue(), what + " Q p");
            close(e.get("tauSquared"), p.heterogeneity().tauSquared(), what + " tau^2");
            close(e.get("iSquared"), p.heterogeneity().iSquared(), what + " I^2");
            close(e.get("hSquared"), p.heterogeneity().hSquared(), what + " H^2");
        }
    }

    private static void assertEstimate(JsonNode expected, Estimate actual, String what) {
        close(expected.get("estimate"), actual.estimate(), what + " estimate");
        close(expected.get("standardError"), actual.standardError(), what + " SE");
        close(expected.get("ciLower"), actual.ciLower(), what + " CI lower");
        close(expected.get("ciUpper"), actual.ciUpper(), what + " CI upper");
        close(expected.get("statistic"), actual.statistic(), what + " statistic");
        close(expected.get("pValue"), actual.pValue(), what + " p");
        assertEquals(expected.get("distribution").asText(), actual.distribution(), what + " distribution");
        if (expected.get("df").isNull()) {
            assertTrue(Double.isNaN(actual.df()), what + " df is NaN for z, got " + actual.df());
        } else {
            assertEquals(expected.get("df").asDouble(), actual.df(), 0, what + " df");
        }
    }

    private static void assertArray(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int i = 0; i < actual.length; i++) {
            close(expected.get(i), actual[i], what + " [" + i + "]");
        }
    }

    private static void close(JsonNode expected, double actual, String what) {
        assertNotNull(expected, what + " missing from the reference");
        if (!expected.isNumber()) {
            fail(what + ": the reference holds " + expected + ", not a number");
        }
        close(expected.asDouble(), actual, what);
    }

    /** Within 1e-4 relative; where metafor's value is within 1e-8 of 0, within 1e-8 absolute. */
    private static void close(double expected, double actual, String what) {
        if (Math.abs(expected) <= ABSOLUTE_NEAR_ZERO) {
            assertEquals(expected, actual, ABSOLUTE_NEAR_ZERO, what);
        } else {
            assertEquals(expected, actual, RELATIVE * Math.abs(expected), what + " (relative 1e-4)");
        }
    }

    private static JsonNode dataset(String name) {
        for (JsonNode d : reference.get("datasets")) {
            if (d.get("name").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no dataset " + name + " in the reference");
    }

    private static double[] doubles(JsonNode array) {
        assertFalse(array == null || !array.isArray(), "an array in the reference");
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
