package org.trialevidence.dataset;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's pandas and R examples, run as written against the service under test (only the port differs). Needs a
 * python3 with pandas (ci/python-pandas) and Rscript (ci/r-metafor); without them this test fails rather than pass
 * unchecked.
 */
@QuarkusTest
class ReadmeScriptsTest {
    private static final String README_SERVICE = "http://localhost:8080";

    static List<String> blocks(String language) throws IOException {
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1).replace(README_SERVICE, "http://localhost:" + RestAssured.port));
        }
        return blocks;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished: " + command.get(0));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command.get(0) + " failed:\n" + output);
        return output;
    }

    /** A python3 that imports pandas: the one on PATH, or Debian's, which a pyenv or virtualenv python3 does not see. */
    static String pythonWithPandas() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                if (new ProcessBuilder(python, "-c", "import pandas").start().waitFor() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not installed there; try the next
            }
        }
        throw new AssertionError("no python3 with pandas; run ci/python-pandas (apt-get install python3-pandas)");
    }

    /** PFS of PALOMA-2 as review 001's table prints it: "HR 0.563; 95% CI" 0.461-0.687, the only PALOMA-2 report with a CI. */
    private static void comparesCdk46iTrials(String output) {
        assertTrue(output.lines().anyMatch(line -> line.contains("PALOMA-2") && line.contains("0.563") && line.contains("0.461")), output);
        String significant = output.lines().filter(line -> line.startsWith("significant:")).findFirst().orElseThrow(() -> new AssertionError(output));
        assertTrue(significant.contains("PALOMA-2"), significant);
    }

    @Test
    void thePandasExampleRuns() throws IOException, InterruptedException {
        List<String> blocks = blocks("python");
        assertEquals(1, blocks.size(), "one pandas example in README");
        comparesCdk46iTrials(run(List.of(pythonWithPandas(), "-c", blocks.get(0))));
    }

    @Test
    void theRExampleRuns() throws IOException, InterruptedException {
        List<String> blocks = blocks("r");
        assertEquals(1, blocks.size(), "one R example in README");
        Path script = Files.createTempFile("readme", ".R");
        Files.writeString(script, blocks.get(0));
        try {
            comparesCdk46iTrials(run(List.of("Rscript", script.toString())));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
