package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
 * r-cran-metafor): {@code rma(yi, sei, method = "FE")} and {@code method = "DL"} with yi = ln(HR) and
 * sei = (ln U - ln L) / (2 qnorm(1 - (1 - level) / 2)), {@code weights()} of each fit, and the prediction interval of
 * {@code predict(dl, pi.type = "riley")} (t with k - 2 df; predict()'s default would use the normal quantile).
 * CI has no R: re-run the script and update these numbers when the studies change.
 */
@QuarkusTest
class MetaAnalysisReferenceTest {
    private static final double TOLERANCE = 1e-4;

    /** The pooled values as metafor reports them: HR, CI bounds, z, p for each model; Q, df, p, I^2, tau^2; PI. */
    private record Reference(double[] fixed, double[] random, double[] heterogeneity, double[] prediction,
                             double[] weightsFixed, double[] weightsRandom) { }

    /**
     * (a) Hand-chosen: B has a 90% CI, C a CI asymmetric on the log scale (ln 0.80 - ln 0.60 = 0.288 below,
     * ln 1.20 - ln 0.80 = 0.405 above), and the five are heterogeneous so that tau^2 > 0.
     */
    private static final String HAND_CHOSEN = """
            {"studies": [
              {"label": "A", "hazardRatio": 0.45, "ciLower": 0.35, "ciUpper": 0.58, "ciLevel": 0.95},
              {"label": "B (90% CI)", "hazardRatio": 0.74, "ciLower": 0.57, "ciUpper": 0.98, "ciLevel": 0.90},
              {"label": "C (asymmetric CI)", "hazardRatio": 0.80, "ciLower": 0.60, "ciUpper": 1.20, "ciLevel": 0.95},
              {"label": "D", "hazardRatio": 1.05, "ciLower": 0.85, "ciUpper": 1.30, "ciLevel": 0.95},
              {"label": "E", "hazardRatio": 0.62, "ciLower": 0.50, "ciUpper": 0.77, "ciLevel": 0.95}],
             "model": "random"}""";

    private static final Reference HAND_CHOSEN_R = new Reference(
            new double[] {0.7100226522, 0.6336465464, 0.7956046941, -5.897831912, 3.683088801e-09},
            new double[] {0.7035487856, 0.5178251583, 0.9558842125, -2.248481896, 0.02454547825},
            new double[] {27.5892334, 4, 1.510698524e-05, 85.50159063, 0.1030045756},
            new double[] {0.2258695875, 2.191445512},
            new double[] {20.30677698, 12.42456226, 10.78291367, 28.69775636, 27.78799074},
            new double[] {20.44581395, 18.79100485, 18.21283188, 21.31077112, 21.2395782});

    /**
     * (b) GET /api/v1/meta-analysis?endpoint=PFS&drugClass=CDK4/6i&setting=metastatic-first-line. By the selection
     * rule, worked out by hand from the matching results: MONARCH 3 and PALOMA-2 each have three conflicting reports
     * of which only review 001's Table 1 gives a CI, MONALEESA-2's review-002 version has no CI, and the other trials
     * have one ITT result each. The R script pools these six with the values below.
     */
    private static final List<String> REAL_QUERY_RESULTS = List.of("monaleesa-2-pfs-itt", "monarch-3-pfs-itt-review-001-table", "paloma-1-pfs-itt",
            "paloma-2-pfs-itt-review-001-table", "right-choice-pfs-itt", "serena-6-pfs-itt");
    private static final double[][] REAL_QUERY_INPUTS = {
            {0.568, 0.457, 0.704}, {0.54, 0.418, 0.698}, {0.488, 0.319, 0.748}, {0.563, 0.461, 0.687}, {0.54, 0.36, 0.79}, {0.44, 0.31, 0.60}};

    private static final Reference REAL_QUERY_R = new Reference(
            new double[] {0.5380186338, 0.4820663489, 0.6004651663, -11.06357765, 1.884284882e-28},
            new double[] {0.5380186338, 0.4820663489, 0.6004651663, -11.06357765, 1.884284882e-28},
            new double[] {2.068763106, 5, 0.8395508889, 0, 0},
            new double[] {0.4605109102, 0.6285715365},
            new double[] {25.83430181, 18.34698431, 6.641405197, 30.3073623, 7.808877459, 11.06106893},
            new double[] {25.83430181, 18.34698431, 6.641405197, 30.3073623, 7.808877459, 11.06106893});

    @Test
    void handChosenStudiesAgreeWithMetafor() {
        JsonPath answer = given().contentType(ContentType.JSON).body(HAND_CHOSEN).when().post("/api/v1/meta-analysis")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertAgrees(HAND_CHOSEN_R, answer);
        assertEquals(List.of("A", "B (90% CI)", "C (asymmetric CI)", "D", "E"), answer.getList("studies.label"));
        assertTrue(answer.getList("excluded").isEmpty());
    }

    @Test
    void theStudiesOfARealQueryAgreeWithMetafor() {
        JsonPath answer = given().queryParams(Map.of("endpoint", "PFS", "drugClass", "CDK4/6i", "setting", "metastatic-first-line"))
                .when().get("/api/v1/meta-analysis").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(REAL_QUERY_RESULTS, answer.getList("studies.result"), "the studies the R script pools");
        for (int i = 0; i < REAL_QUERY_INPUTS.length; i++) {
            assertEquals(REAL_QUERY_INPUTS[i][0], answer.getDouble("studies[" + i + "].hazardRatio"), 1e-12, "input of the R script");
            assertEquals(REAL_QUERY_INPUTS[i][1], answer.getDouble("studies[" + i + "].ciLower"), 1e-12, "input of the R script");
            assertEquals(REAL_QUERY_INPUTS[i][2], answer.getDouble("studies[" + i + "].ciUpper"), 1e-12, "input of the R script");
            assertEquals(0.95, answer.getDouble("studies[" + i + "].ciLevel"), 1e-12, "input of the R script");
        }
        assertAgrees(REAL_QUERY_R, answer);
    }

    private static void assertAgrees(Reference r, JsonPath answer) {
        assertEstimate(r.fixed(), answer, "fixedEffect");
        assertEstimate(r.random(), answer, "randomEffects");
        close(r.heterogeneity()[0], answer.getDouble("heterogeneity.q"), "Q");
        assertEquals((int) r.heterogeneity()[1], answer.getInt("heterogeneity.df"), "df");
        close(r.heterogeneity()[2], answer.getDouble("heterogeneity.pValue"), "p of Q");
        close(r.heterogeneity()[3], answer.getDouble("heterogeneity.iSquared"), "I^2");
        close(r.heterogeneity()[4], answer.getDouble("heterogeneity.tauSquared"), "tau^2");
        close(r.prediction()[0], answer.getDouble("predictionInterval.lower"), "prediction interval lower");
        close(r.prediction()[1], answer.getDouble("predictionInterval.upper"), "prediction interval upper");
        assertEquals(r.weightsFixed().length, answer.getList("studies").size());
        for (int i = 0; i < r.weightsFixed().length; i++) {
            close(r.weightsFixed()[i], answer.getDouble("studies[" + i + "].weightFixed"), "fixed weight of study " + i);
            close(r.weightsRandom()[i], answer.getDouble("studies[" + i + "].weightRandom"), "random weight of study " + i);
        }
    }

    private static void assertEstimate(double[] expected, JsonPath answer, String model) {
        close(expected[0], answer.getDouble(model + ".hazardRatio"), model + " HR");
        close(expected[1], answer.getDouble(model + ".ciLower"), model + " CI lower");
        close(expected[2], answer.getDouble(model + ".ciUpper"), model + " CI upper");
        close(expected[3], answer.getDouble(model + ".z"), model + " z");
        close(expected[4], answer.getDouble(model + ".pValue"), model + " p");
    }

    /** Within 1e-4, and for small numbers (p-values) also within 1e-4 relative, so that 1e-28 is not "close" to 0. */
    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE, what);
        if (expected != 0) {
            assertEquals(1, actual / expected, TOLERANCE, what + " (relative)");
        }
    }
}
