package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meta-analysis agrees with R's metafor, an independent implementation, within 1e-4.
 *
 * <p>Every expected number below was printed by {@code Rscript src/test/r/meta-analysis-reference.R} under
 * R 4.2.2 Patched (2022-11-10 r83330) with metafor 3.8.1 (Debian bookworm: apt-get install r-base-core
 * r-cran-metafor): {@code rma(yi, sei, method = "FE")} and {@code rma(yi, sei, method = <estimator>, test = <"knha" | "z">)}
 * with yi = ln(HR) and sei = (ln U - ln L) / (2 qnorm(1 - (1 - level) / 2)), {@code confint()} for the Q-profile CI of
 * tau^2, {@code weights()} of each fit, and {@code predict(fit, pi.type = "riley")} for the prediction interval (t with
 * k - 2 df). Re-run the script and update these numbers when the studies change. The framework-free statistics are
 * checked on many more datasets by {@code org.trialevidence.stats.RandomEffectsReferenceTest}; this test checks that
 * the HTTP answers carry them.
 */
@QuarkusTest
class MetaAnalysisReferenceTest {
    private static final double TOLERANCE = 1e-4;
    /** Numbers as doubles: as floats, a p-value of 5.7e-47 would read as 0. */
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    /**
     * The values as metafor reports them: fixed HR, CI bounds, z, p; random HR, CI bounds, statistic, p, SE of ln HR;
     * Q, df, p, I^2, H^2, tau^2 and its CI; prediction interval; weights in percent.
     */
    private record Reference(String estimator, boolean hartungKnapp, double[] fixed, double[] random, double[] heterogeneity,
                             double[] prediction, double[] weightsFixed, double[] weightsRandom) { }

    /**
     * (a) Hand-chosen: B has a 90% CI, C a CI asymmetric on the log scale (ln 0.80 - ln 0.60 = 0.288 below,
     * ln 1.20 - ln 0.80 = 0.405 above), and the five are heterogeneous so that tau^2 > 0.
     */
    private static final String HAND_CHOSEN_STUDIES = """
            {"studies": [
              {"label": "A", "hazardRatio": 0.45, "ciLower": 0.35, "ciUpper": 0.58, "ciLevel": 0.95},
              {"label": "B (90% CI)", "hazardRatio": 0.74, "ciLower": 0.57, "ciUpper": 0.98, "ciLevel": 0.90},
              {"label": "C (asymmetric CI)", "hazardRatio": 0.80, "ciLower": 0.60, "ciUpper": 1.20, "ciLevel": 0.95},
              {"label": "D", "hazardRatio": 1.05, "ciLower": 0.85, "ciUpper": 1.30, "ciLevel": 0.95},
              {"label": "E", "hazardRatio": 0.62, "ciLower": 0.50, "ciUpper": 0.77, "ciLevel": 0.95}]""";

    private static final Reference HAND_CHOSEN_REML_KNHA = new Reference("REML", true,
            new double[] {0.7100226522, 0.6336465464, 0.7956046941, -5.897831912, 3.683088801e-09},
            new double[] {0.7034794103, 0.4724323363, 1.047522032, -2.452685065, 0.07024196283, 0.1434006654},
            new double[] {27.5892334, 4, 1.510698524e-05, 83.45877112, 6.045500049, 0.08812657582, 0.02072858537, 0.8004459476},
            new double[] {0.246372061, 2.008682635},
            new double[] {20.30677698, 12.42456226, 10.78291367, 28.69775636, 27.78799074},
            new double[] {20.49607415, 18.62307114, 17.97866161, 21.49232359, 21.40986951});

    private static final Reference HAND_CHOSEN_DL_KNHA = new Reference("DL", true,
            new double[] {0.7100226522, 0.6336465464, 0.7956046941, -5.897831912, 3.683088801e-09},
            new double[] {0.7035487856, 0.472909245, 1.04667206, -2.457616717, 0.06987026168, 0.1430727808},
            new double[] {27.5892334, 4, 1.510698524e-05, 85.50159063, 6.89730835, 0.1030045756, 0.02072858537, 0.8004459476},
            new double[] {0.2299495278, 2.15256321},
            new double[] {20.30677698, 12.42456226, 10.78291367, 28.69775636, 27.78799074},
            new double[] {20.44581395, 18.79100485, 18.21283188, 21.31077112, 21.2395782});

    private static final Reference HAND_CHOSEN_DL_Z = new Reference("DL", false,
            new double[] {0.7100226522, 0.6336465464, 0.7956046941, -5.897831912, 3.683088801e-09},
            new double[] {0.7035487856, 0.5178251583, 0.9558842125, -2.248481896, 0.02454547825, 0.1563802042},
            new double[] {27.5892334, 4, 1.510698524e-05, 85.50159063, 6.89730835, 0.1030045756, 0.02072858537, 0.8004459476},
            new double[] {0.2258695875, 2.191445512},
            new double[] {20.30677698, 12.42456226, 10.78291367, 28.69775636, 27.78799074},
            new double[] {20.44581395, 18.79100485, 18.21283188, 21.31077112, 21.2395782});

    private static final Reference HAND_CHOSEN_PM_KNHA = new Reference("PM", true,
            new double[] {0.7100226522, 0.6336465464, 0.7956046941, -5.897831912, 3.683088801e-09},
            new double[] {0.7034582593, 0.4722714057, 1.047815973, -2.450982467, 0.07037081063, 0.1435125473},
            new double[] {27.5892334, 4, 1.510698524e-05, 82.75238343, 5.797902546, 0.08380194597, 0.02072858537, 0.8004459476},
            new double[] {0.2515745883, 1.967025071},
            new double[] {20.30677698, 12.42456226, 10.78291367, 28.69775636, 27.78799074},
            new double[] {20.51275968, 18.56515841, 17.89860945, 21.55494727, 21.46852518});

    private static final Reference REAL_QUERY_REML_KNHA = new Reference("REML", true,
            new double[] {0.5475357763, 0.5044182971, 0.5943389207, -14.39298266, 5.727173134e-47},
            new double[] {0.5475357763, 0.5134511607, 0.5838830433, -22.15985854, 9.631173921e-08, 0.02718101623},
            new double[] {2.953015161, 7, 0.8893144125, 0, 1, 0, 0, 0.01178633224},
            new double[] {0.5123040281, 0.5851904531},
            new double[] {14.41323622, 15.11146328, 13.08895573, 15.50985379, 10.23598086, 3.705311746, 16.90880502, 11.02639336},
            new double[] {14.41323622, 15.11146328, 13.08895573, 15.50985379, 10.23598086, 3.705311746, 16.90880502, 11.02639336});


    /**
     * (b) GET /api/v1/meta-analysis?added=CDK4/6i&comparator=endocrine-therapy&endpoint=PFS&setting=metastatic: one
     * contrast (a CDK4/6 inhibitor added to endocrine therapy). By the selection rule, worked out by hand from the
     * matching results: MONARCH 3 and PALOMA-2 each have three conflicting reports of which only review 001's Table 1
     * gives a CI, MONALEESA-7's review-001 table row is the one with a CI, and the others have one ITT result each;
     * MAINTAIN and PACE (continued after progression) and the chemotherapy-controlled trials are other contrasts.
     */
    private static final Map<String, String> REAL_QUERY = Map.of("added", "CDK4/6i", "comparator", "endocrine-therapy", "endpoint", "PFS",
            "setting", "metastatic");
    private static final List<String> REAL_QUERY_RESULTS = List.of("monaleesa-2-pfs-itt", "monaleesa-3-pfs-itt", "monaleesa-7-pfs-itt-review-001-table",
            "monarch-2-pfs-itt", "monarch-3-pfs-itt-review-001-table", "paloma-1-pfs-itt", "paloma-2-pfs-itt-review-001-table", "paloma-3-pfs-itt");
    private static final double[][] REAL_QUERY_INPUTS = {
            {0.568, 0.457, 0.704}, {0.593, 0.48, 0.732}, {0.553, 0.441, 0.694}, {0.553, 0.449, 0.681}, {0.54, 0.418, 0.698},
            {0.488, 0.319, 0.748}, {0.563, 0.461, 0.687}, {0.46, 0.36, 0.59}};

    @Test
    void theDefaultIsRemlWithHartungKnappAsMetaforComputesIt() {
        JsonPath answer = post(HAND_CHOSEN_STUDIES + "}");
        assertEquals("REML", answer.getString("method.tauEstimator"));
        assertTrue(answer.getBoolean("method.hartungKnapp"));
        assertEquals("rma(yi, sei = sei, method = \"REML\", test = \"knha\")", answer.getString("method.r"));
        assertAgrees(HAND_CHOSEN_REML_KNHA, answer);
        assertEquals(List.of("A", "B (90% CI)", "C (asymmetric CI)", "D", "E"), answer.getList("studies.label"));
        assertTrue(answer.getList("excluded").isEmpty());
    }

    @Test
    void everyEstimatorAndIntervalAgreesWithMetafor() {
        for (Reference reference : List.of(HAND_CHOSEN_DL_Z, HAND_CHOSEN_DL_KNHA, HAND_CHOSEN_PM_KNHA)) {
            JsonPath answer = post(HAND_CHOSEN_STUDIES + ", \"tauEstimator\": \"" + reference.estimator() + "\", \"hartungKnapp\": "
                    + reference.hartungKnapp() + "}");
            assertEquals(reference.estimator(), answer.getString("method.tauEstimator"));
            assertAgrees(reference, answer);
        }
    }

    @Test
    void getTakesTheSameOptions() {
        JsonPath answer = given().queryParams(REAL_QUERY).queryParam("tauEstimator", "dl").queryParam("hartungKnapp", "false")
                .when().get("/api/v1/meta-analysis").then().statusCode(200).extract().jsonPath();
        assertEquals("DL", answer.getString("method.tauEstimator"));
        assertEquals("z", answer.getString("randomEffects.test"));
    }

    @Test
    void theStudiesOfARealQueryAgreeWithMetafor() {
        JsonPath answer = given().queryParams(REAL_QUERY).when().get("/api/v1/meta-analysis").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().using(DOUBLES);
        assertEquals(REAL_QUERY_RESULTS, answer.getList("studies.result"), "the studies the R script pools");
        assertEquals("add-on;added=CDK4/6i;common=endocrine-therapy", answer.getString("contrast.id"));
        for (int i = 0; i < REAL_QUERY_INPUTS.length; i++) {
            assertEquals(REAL_QUERY_INPUTS[i][0], answer.getDouble("studies[" + i + "].hazardRatio"), 1e-12, "input of the R script");
            assertEquals(REAL_QUERY_INPUTS[i][1], answer.getDouble("studies[" + i + "].ciLower"), 1e-12, "input of the R script");
            assertEquals(REAL_QUERY_INPUTS[i][2], answer.getDouble("studies[" + i + "].ciUpper"), 1e-12, "input of the R script");
            assertEquals(0.95, answer.getDouble("studies[" + i + "].ciLevel"), 1e-12, "input of the R script");
        }
        assertAgrees(REAL_QUERY_REML_KNHA, answer);
    }

    private static JsonPath post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/meta-analysis")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().using(DOUBLES);
    }

    private static void assertAgrees(Reference r, JsonPath answer) {
        double[] fixed = r.fixed();
        close(fixed[0], answer.getDouble("fixedEffect.hazardRatio"), "fixed HR");
        close(fixed[1], answer.getDouble("fixedEffect.ciLower"), "fixed CI lower");
        close(fixed[2], answer.getDouble("fixedEffect.ciUpper"), "fixed CI upper");
        close(fixed[3], answer.getDouble("fixedEffect.statistic"), "fixed z");
        close(fixed[4], answer.getDouble("fixedEffect.pValue"), "fixed p");
        double[] random = r.random();
        close(random[0], answer.getDouble("randomEffects.hazardRatio"), "random HR");
        close(random[1], answer.getDouble("randomEffects.ciLower"), "random CI lower");
        close(random[2], answer.getDouble("randomEffects.ciUpper"), "random CI upper");
        close(random[3], answer.getDouble("randomEffects.statistic"), "random statistic");
        close(random[4], answer.getDouble("randomEffects.pValue"), "random p");
        close(random[5], answer.getDouble("randomEffects.standardError"), "random SE");
        assertEquals(r.hartungKnapp() ? "t" : "z", answer.getString("randomEffects.test"));
        double[] heterogeneity = r.heterogeneity();
        close(heterogeneity[0], answer.getDouble("heterogeneity.q"), "Q");
        assertEquals((int) heterogeneity[1], answer.getInt("heterogeneity.df"), "df");
        close(heterogeneity[2], answer.getDouble("heterogeneity.pValue"), "p of Q");
        close(heterogeneity[3], answer.getDouble("heterogeneity.iSquared"), "I^2");
        close(heterogeneity[4], answer.getDouble("heterogeneity.hSquared"), "H^2");
        close(heterogeneity[5], answer.getDouble("heterogeneity.tauSquared"), "tau^2");
        close(heterogeneity[6], answer.getDouble("heterogeneity.tauSquaredCiLower"), "tau^2 CI lower");
        close(heterogeneity[7], answer.getDouble("heterogeneity.tauSquaredCiUpper"), "tau^2 CI upper");
        close(r.prediction()[0], answer.getDouble("predictionInterval.lower"), "prediction interval lower");
        close(r.prediction()[1], answer.getDouble("predictionInterval.upper"), "prediction interval upper");
        assertEquals(r.weightsFixed().length, answer.getList("studies").size());
        for (int i = 0; i < r.weightsFixed().length; i++) {
            close(r.weightsFixed()[i], answer.getDouble("studies[" + i + "].weightFixed"), "fixed weight of study " + i);
            close(r.weightsRandom()[i], answer.getDouble("studies[" + i + "].weightRandom"), "random weight of study " + i);
        }
    }

    /** Within 1e-4, and for small numbers (p-values) also within 1e-4 relative, so that 1e-28 is not "close" to 0. */
    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE, what);
        if (expected != 0) {
            assertEquals(1, actual / expected, TOLERANCE, what + " (relative)");
        }
    }
}
