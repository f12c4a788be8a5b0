package org.trialevidence.plot;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialevidence.plot.SvgDocuments.extent;
import static org.trialevidence.plot.SvgDocuments.number;
import static org.trialevidence.plot.SvgDocuments.select;

/**
 * The forest plots over the real seed-data: what they draw is checked against the JSON of the same query, the
 * geometry against a log axis fitted from the plot itself, and the layout with a lower bound of text widths.
 */
@QuarkusTest
class ForestPlotTest {
    /** Coordinates are printed with 2 decimals. */
    private static final double PIXEL = 0.02;

    /** The plot for a query given as name, value pairs (repeatable names, in this order). */
    private static Document svg(String path, String... query) {
        String body = request(query).when().get(path).then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        return SvgDocuments.parse(body);
    }

    private static JsonPath json(String path, String... query) {
        return request(query).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification request(String... query) {
        RequestSpecification request = given();
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request;
    }

    /** x = a + b ln(ratio), fitted from two points of the plot; b > 0 means x increases with ln(HR). */
    private record Axis(double a, double b) {
        /** Through the points of the smallest and the largest ratio, which must differ. */
        static Axis fit(List<Double> ratios, List<Double> xs) {
            int low = 0;
            int high = 0;
            for (int i = 0; i < ratios.size(); i++) {
                low = ratios.get(i) < ratios.get(low) ? i : low;
                high = ratios.get(i) > ratios.get(high) ? i : high;
            }
            assertTrue(ratios.get(high) > ratios.get(low), "two different ratios are needed to fit the axis");
            double b = (xs.get(high) - xs.get(low)) / (Math.log(ratios.get(high)) - Math.log(ratios.get(low)));
            return new Axis(xs.get(low) - b * Math.log(ratios.get(low)), b);
        }

        double x(double ratio) {
            return a + b * Math.log(ratio);
        }
    }

    private static double centre(Element square) {
        return number(square, "x") + number(square, "width") / 2;
    }

    @Test
    void resultsPlotOneRowPerResultWithACiOnALogAxis() {
        String[] query = {"endpoint", "PFS", "setting", "metastatic"};
        JsonPath results = request(query).queryParam("size", 200).get("/api/v1/results").then().statusCode(200).extract().jsonPath();
        assertTrue(results.getInt("totalItems") <= 200, "one page holds every match");
        List<Map<String, Object>> items = results.getList("items");
        List<Map<String, Object>> withCi = new ArrayList<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> comparison = (Map<String, Object>) item.get("comparison");
            if (comparison != null && comparison.get("estimate") != null && comparison.get("ciLower") != null && comparison.get("ciUpper") != null) {
                withCi.add(item);
            }
        }
        assertTrue(withCi.size() > 10 && withCi.size() < items.size(), "some results have CIs, some do not");

        Document plot = svg("/api/v1/results/forest.svg", query);
        // Title and <title> name the filters in words.
        assertEquals("Hazard ratios \u2014 endpoint: PFS; setting: metastatic", select(plot, "/svg/title").get(0).getTextContent());
        assertEquals("Hazard ratios \u2014 endpoint: PFS; setting: metastatic", select(plot, "//text[@class='title']").get(0).getTextContent());
        List<Element> rows = select(plot, "//g[@class='row']");
        assertEquals(withCi.stream().map(item -> item.get("id")).toList(), rows.stream().map(row -> row.getAttribute("data-id")).toList(),
                "one row per result with a CI, in the query's order");

        Axis axis = Axis.fit(withCi.stream().map(item -> ratio(item, "estimate")).toList(),
                rows.stream().map(row -> centre(select(row, "./rect[@class='estimate']").get(0))).toList());
        assertTrue(axis.b() > 0, "x increases with ln(HR)");
        for (int i = 0; i < rows.size(); i++) {
            Element ci = select(rows.get(i), "./line[@class='ci']").get(0);
            assertEquals(axis.x(ratio(withCi.get(i), "estimate")), centre(select(rows.get(i), "./rect[@class='estimate']").get(0)), PIXEL, "estimate of row " + i);
            assertEquals(axis.x(ratio(withCi.get(i), "ciLower")), number(ci, "x1"), PIXEL, "CI lower of row " + i);
            assertEquals(axis.x(ratio(withCi.get(i), "ciUpper")), number(ci, "x2"), PIXEL, "CI upper of row " + i);
        }
        assertEquals(axis.x(1), number(select(plot, "//line[@class='no-effect']").get(0), "x1"), PIXEL, "line of no effect at HR 1");
        assertLayout(plot, axis);
    }

    @Test
    void ninetyPercentCisAreLabelledAndLongNamesWrapWithoutBeingCut() {
        Document plot = svg("/api/v1/results/forest.svg", "endpoint", "PFS", "trial", "SERENA-2");
        // 002: "HR 0.59 (90% CI 0.42-0.82)" for camizestrant 75 mg.
        assertEquals("0.59 (0.42\u20130.82), 90% CI", select(plot, "//g[@data-id='serena-2-pfs-itt-75mg']/text[@class='value']").get(0).getTextContent());
        Document vepdegestrant = svg("/api/v1/results/forest.svg", "trial", "vepdegestrant-vs-fulvestrant-phase-3");
        String acronym = given().get("/api/v1/trials/vepdegestrant-vs-fulvestrant-phase-3").then().statusCode(200).extract().path("acronym");
        Element row = select(vepdegestrant, "//g[@class='row']").get(0);
        String shown = select(row, "./text[@class='label']/tspan[@font-weight='bold']").stream().map(Element::getTextContent)
                .collect(java.util.stream.Collectors.joining(" "));
        assertEquals(acronym, shown, "the whole name, on as many lines as it takes");
        for (Element text : select(vepdegestrant, "//text")) {
            assertFalse(text.getTextContent().contains("\u2026"), "nothing is cut: " + text.getTextContent());
        }
    }

    @Test
    void titleGivesThePlotItsOwnTitleWrappedToItsWidth() {
        String title = "Camizestrant switch on ESR1 mutation in SERENA-6: progression-free survival as reported in the review, for a journal club"
                + " slide that needs a long and descriptive heading";
        Document plot = svg("/api/v1/results/forest.svg", "trial", "SERENA-6", "endpoint", "PFS", "title", title);
        assertEquals(title, select(plot, "/svg/title").get(0).getTextContent());
        List<Element> lines = select(plot, "//text[@class='title']");
        assertTrue(lines.size() >= 2, "a long title takes several lines");
        assertEquals(title, lines.stream().map(Element::getTextContent).collect(java.util.stream.Collectors.joining(" ")));
        double width = number(plot.getDocumentElement(), "width");
        for (Element line : lines) {
            assertTrue(extent(line)[1] <= width, "title line inside the drawing: " + line.getTextContent());
        }
        Document metaAnalysis = svg("/api/v1/meta-analysis/forest.svg", "endpoint", "PFS", "trial", "MAINTAIN", "trial", "PACE", "title", "CDK4/6i beyond progression");
        assertEquals("CDK4/6i beyond progression", select(metaAnalysis, "//text[@class='title']").get(0).getTextContent());
        request("trial", "SERENA-6", "title", "x".repeat(201)).get("/api/v1/results/forest.svg").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", org.hamcrest.Matchers.equalTo("title"));
    }

    @Test
    void metaAnalysisPlotSquaresByWeightDiamondsAndPredictionInterval() {
        for (String model : List.of("random", "fixed")) {
            String[] query = {"endpoint", "PFS", "added", "CDK4/6i", "comparator", "endocrine-therapy", "setting", "metastatic", "model", model};
            JsonPath analysis = json("/api/v1/meta-analysis", query);
            Document plot = svg("/api/v1/meta-analysis/forest.svg", query);
            List<Element> rows = select(plot, "//g[@class='row']");
            assertEquals(analysis.getList("studies.result"), rows.stream().map(row -> row.getAttribute("data-id")).toList());

            String weight = "random".equals(model) ? "weightRandom" : "weightFixed";
            Axis axis = Axis.fit(analysis.<Number>getList("studies.hazardRatio").stream().map(Number::doubleValue).toList(),
                    rows.stream().map(row -> centre(select(row, "./rect[@class='estimate']").get(0))).toList());
            double areaPerWeight = 0;
            for (int i = 0; i < rows.size(); i++) {
                Element square = select(rows.get(i), "./rect[@class='estimate']").get(0);
                assertEquals(number(square, "width"), number(square, "height"), 1e-9);
                double area = number(square, "width") * number(square, "width") / analysis.getDouble("studies[" + i + "]." + weight);
                areaPerWeight = i == 0 ? area : areaPerWeight;
                assertEquals(1, area / areaPerWeight, 0.01, model + ": square areas proportional to the weights (row " + i + ")");
                assertEquals(axis.x(analysis.getDouble("studies[" + i + "].hazardRatio")), centre(square), PIXEL);
            }

            for (String pooled : List.of("fixed", "random")) {
                Element diamond = select(plot, "//g[@data-id='" + pooled + "']/polygon").get(0);
                String[] points = diamond.getAttribute("points").split("[ ,]");
                String estimate = pooled + ("fixed".equals(pooled) ? "Effect" : "Effects");
                assertEquals(axis.x(analysis.getDouble(estimate + ".ciLower")), Double.parseDouble(points[0]), 2 * PIXEL, pooled + " diamond left");
                assertEquals(axis.x(analysis.getDouble(estimate + ".hazardRatio")), Double.parseDouble(points[2]), 2 * PIXEL, pooled + " diamond centre");
                assertEquals(axis.x(analysis.getDouble(estimate + ".ciUpper")), Double.parseDouble(points[4]), 2 * PIXEL, pooled + " diamond right");
                assertEquals(pooled.equals(model), !"#ffffff".equals(diamond.getAttribute("fill")), "the model asked for is the filled diamond");
            }
            Element prediction = select(plot, "//g[@class='band']/line[@class='prediction']").get(0);
            assertEquals(axis.x(analysis.getDouble("predictionInterval.lower")), number(prediction, "x1"), 2 * PIXEL);
            assertEquals(axis.x(analysis.getDouble("predictionInterval.upper")), number(prediction, "x2"), 2 * PIXEL);

            String heterogeneity = select(plot, "//text[@class='note']").get(0).getTextContent();
            assertTrue(heterogeneity.startsWith(String.format(Locale.ROOT, "Heterogeneity: Q = %.2f, df = %d, p = %.3f; I\u00b2 = %.1f%%; \u03c4\u00b2 = %.4f",
                    analysis.getDouble("heterogeneity.q"), analysis.getInt("heterogeneity.df"), analysis.getDouble("heterogeneity.pValue"),
                    analysis.getDouble("heterogeneity.iSquared"), analysis.getDouble("heterogeneity.tauSquared"))), heterogeneity);
            assertLayout(plot, axis);
        }
    }

    @Test
    void aBlockPerContrastTitledByItWithItsOwnDiamonds() {
        String[] query = {"endpoint", "PFS", "drugClass", "CDK4/6i", "setting", "metastatic"};
        JsonPath analysis = json("/api/v1/meta-analysis", query);
        Document plot = svg("/api/v1/meta-analysis/forest.svg", query);
        List<Element> blocks = select(plot, "//g[@class='block']");
        assertEquals(analysis.getList("subgroups.contrast.id"), blocks.stream().map(block -> block.getAttribute("data-id")).toList());
        assertTrue(analysis.getList("subgroups").size() >= 2);
        for (int b = 0; b < blocks.size(); b++) {
            Element block = blocks.get(b);
            assertEquals(analysis.getList("subgroups[" + b + "].studies.result"),
                    select(block, ".//g[@class='row']").stream().map(row -> row.getAttribute("data-id")).toList());
            assertTrue(select(block, "./text[@class='block-title']").stream().map(Element::getTextContent).collect(java.util.stream.Collectors.joining(" "))
                    .startsWith("Contrast: " + analysis.getString("subgroups[" + b + "].contrast.question")));
            assertEquals(2, select(block, ".//polygon[@class='diamond']").size(), "fixed and random diamond of this contrast only");
        }
        List<String> notes = select(plot, "//text[@class='note']").stream().map(Element::getTextContent).toList();
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("Test for subgroup differences")), notes.toString());
    }

    @Test
    void theOpenApiExamplesAreTheStartOfRealAnswers() {
        String results = request("trial", "SERENA-6", "endpoint", "PFS").get("/api/v1/results/forest.svg").then().statusCode(200).extract().asString();
        String metaAnalysis = request("endpoint", "PFS", "added", "CDK4/6i", "comparator", "endocrine-therapy", "setting", "metastatic").get("/api/v1/meta-analysis/forest.svg").then().statusCode(200).extract().asString();
        assertTrue(results.startsWith(ResultForestResource.SVG_EXAMPLE.substring(0, ResultForestResource.SVG_EXAMPLE.indexOf("..."))), results);
        assertTrue(metaAnalysis.startsWith(MetaAnalysisForestResource.SVG_EXAMPLE.substring(0, MetaAnalysisForestResource.SVG_EXAMPLE.indexOf("..."))), metaAnalysis);
    }

    @Test
    void noPredictionIntervalWithTwoTrials() {
        Document plot = svg("/api/v1/meta-analysis/forest.svg", "endpoint", "PFS", "trial", "MAINTAIN", "trial", "PACE");
        assertEquals(2, select(plot, "//g[@class='row']").size());
        assertTrue(select(plot, "//g[@class='band']").isEmpty());
    }

    @Test
    void nothingToPlotIsAProblemNamingTheFilter() {
        // DAISY (single-arm cohorts) reports no comparison with a CI.
        given().queryParam("trial", "DAISY").get("/api/v1/results/forest.svg").then().statusCode(422)
                .contentType("application/problem+json").body("parameter", equalTo("trial"));
        given().queryParam("endpont", "PFS").get("/api/v1/results/forest.svg").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("endpont"));
    }

    /**
     * Nothing overlaps: row labels end before the plot area, values start after it, tick labels are apart, in order,
     * at their values, and all text lies inside the drawing.
     */
    private static void assertLayout(Document plot, Axis axis) {
        Element axisLine = select(plot, "//line[@class='axis']").get(0);
        double plotLeft = number(axisLine, "x1");
        double plotRight = number(axisLine, "x2");
        double width = number(plot.getDocumentElement(), "width");
        for (Element label : select(plot, "//g/text[starts-with(@class, 'label')]")) {
            assertTrue(extent(label)[1] <= plotLeft, "label runs into the plot: " + label.getTextContent());
        }
        for (Element value : select(plot, "//g/text[starts-with(@class, 'value')]")) {
            assertTrue(extent(value)[0] >= plotRight, "value starts inside the plot: " + value.getTextContent());
        }
        List<Element> ticks = new ArrayList<>(select(plot, "//text[@class='tick']"));
        ticks.sort(Comparator.comparingDouble(tick -> number(tick, "x")));
        assertTrue(ticks.size() >= 3, "at least three tick labels");
        assertTrue(ticks.stream().anyMatch(tick -> tick.getTextContent().equals("1")), "a tick at 1");
        for (int i = 0; i < ticks.size(); i++) {
            double value = Double.parseDouble(ticks.get(i).getTextContent());
            assertEquals(axis.x(value), number(ticks.get(i), "x"), PIXEL, "tick " + value + " at its place");
            if (i > 0) {
                assertTrue(value > Double.parseDouble(ticks.get(i - 1).getTextContent()), "tick labels increase");
                assertTrue(extent(ticks.get(i - 1))[1] < extent(ticks.get(i))[0], "tick labels overlap: " + ticks.get(i - 1).getTextContent()
                        + " and " + ticks.get(i).getTextContent());
            }
        }
        for (Element text : select(plot, "//text")) {
            double[] extent = extent(text);
            assertTrue(extent[0] >= 0 && extent[1] <= width, "text outside the drawing: " + text.getTextContent());
        }
        assertFalse(select(plot, "//text[@class='title']").get(0).getTextContent().isBlank());
    }

    @SuppressWarnings("unchecked")
    private static double ratio(Map<String, Object> item, String field) {
        return ((Number) ((Map<String, Object>) item.get("comparison")).get(field)).doubleValue();
    }
}
