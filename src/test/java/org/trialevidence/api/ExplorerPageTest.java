package org.trialevidence.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence explorer at / in a real headless browser (Debian's chromium driven by playwright-core,
 * src/test/js/explorer.mjs): a shared link shows its filtered table and forest plot, numbers open their sources,
 * filters and sorting change the URL and the table, problems appear next to their controls, the downloads answer,
 * and the controls are named and reached by keyboard. Screenshots at 1280 and 390 px are kept under target/.
 */
@QuarkusTest
class ExplorerPageTest {
    private static final Path SCREENSHOTS = Path.of("target");

    @Test
    void aSharedLinkShowsItsSelectionAndEveryControlWorks() throws IOException, InterruptedException {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        Files.createDirectories(SCREENSHOTS);
        NodeScript run = NodeScript.run(300, NodeScript.DIRECTORY.resolve("explorer.mjs").toString(), base,
                System.getProperty("evidence.reviews-dir"), SCREENSHOTS.toString());
        assertEquals(0, run.exitCode(), run.output());
        String summary = run.output().strip().lines().reduce((first, second) -> second).orElseThrow();
        assertTrue(new JsonPath(summary).getList("failures").isEmpty(), run.output());
        for (int width : new int[] {1280, 390}) {
            Path screenshot = SCREENSHOTS.resolve("explorer-" + width + ".png");
            assertTrue(Files.size(screenshot) > 10_000, screenshot + " is missing or empty");
        }
    }
}
