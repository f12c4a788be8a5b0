package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R reads GET /api/v1/contrasts as CSV and, with metafor, pools the rows of one contrast to the estimates the
 * service serves. Needs Rscript with metafor on PATH (Debian: apt-get install r-base-core r-cran-metafor; .ci/run
 * installs them): without R this test fails rather than pass unchecked.
 */
@QuarkusTest
class ContrastsCsvInRTest {
    private static final Map<String, String> ONE_CONTRAST = Map.of("added", "CDK4/6i", "comparator", "endocrine-therapy", "endpoint", "PFS",
            "setting", "metastatic");

    @Test
    void rPoolsTheContrastsCsvToTheServedEstimates() throws IOException, InterruptedException {
        String csv = given().queryParams(ONE_CONTRAST).queryParam("format", "csv").queryParam("size", "all").when().get("/api/v1/contrasts")
                .then().statusCode(200).extract().asString();
        JsonPath served = given().queryParams(ONE_CONTRAST).when().get("/api/v1/meta-analysis").then().statusCode(200).extract().jsonPath();
        Path file = Files.createTempFile("contrasts", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        String script = "suppressPackageStartupMessages(library(metafor));"
                + " d <- read.csv('" + file + "', check.names = FALSE, stringsAsFactors = FALSE);"
                + " stopifnot(length(unique(d$contrastId)) == 1);"
                + " fe <- rma(TE, sei = seTE, data = d, method = 'FE');"
                + " re <- rma(TE, sei = seTE, data = d, method = 'REML', test = 'knha', control = list(threshold = 1e-12, maxiter = 10000));"
                + " cat(nrow(d), exp(coef(fe)), exp(fe$ci.lb), exp(fe$ci.ub), exp(coef(re)), exp(re$ci.lb), exp(re$ci.ub), sep = '\\n')";
        Process r;
        try {
            r = new ProcessBuilder("Rscript", "-e", script).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Rscript is not on PATH; install R and metafor (apt-get install r-base-core r-cran-metafor)", e);
        }
        assertTrue(r.waitFor(120, TimeUnit.SECONDS), "R finished");
        String output = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, r.exitValue(), output);
        String[] lines = output.strip().split("\\R");
        assertEquals(served.getList("studies").size(), Integer.parseInt(lines[0].strip()), "R read one row per pooled study");
        close(served.getDouble("fixedEffect.hazardRatio"), Double.parseDouble(lines[1]), "fixed-effect HR");
        close(served.getDouble("fixedEffect.ciLower"), Double.parseDouble(lines[2]), "fixed-effect CI lower");
        close(served.getDouble("fixedEffect.ciUpper"), Double.parseDouble(lines[3]), "fixed-effect CI upper");
        close(served.getDouble("randomEffects.hazardRatio"), Double.parseDouble(lines[4]), "random-effects HR");
        close(served.getDouble("randomEffects.ciLower"), Double.parseDouble(lines[5]), "random-effects CI lower");
        close(served.getDouble("randomEffects.ciUpper"), Double.parseDouble(lines[6]), "random-effects CI upper");
        Files.deleteIfExists(file);
    }

    private static void close(double served, double r, String what) {
        assertEquals(1, served / r, 1e-4, what + ": served " + served + ", R " + r);
    }
}
