package org.trialevidence.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed OpenAPI document passes Spectral's OpenAPI ruleset (.spectral.yaml says which rule is off and why):
 * examples valid against their schemas, no ambiguous paths, every operation described. OpenApiDocumentTest keeps
 * the committed document equal to the served one, so this lints what the service serves.
 */
class OpenApiLintTest {

    @Test
    void spectralFindsNothing() throws IOException, InterruptedException {
        NodeScript run = NodeScript.run(300, NodeScript.DIRECTORY.resolve("node_modules/@stoplight/spectral-cli/dist/index.js").toString(),
                "lint", "openapi/openapi.yaml", "--ruleset", ".spectral.yaml", "--fail-severity", "warn");
        assertEquals(0, run.exitCode(), run.output());
    }
}
