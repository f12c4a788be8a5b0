package org.trialevidence.trial;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An item of GET /api/v1/trials. */
@Schema(name = "TrialSummary")
public record TrialSummaryView(
        @Schema(example = "inavo120") String id,
        @Schema(example = "INAVO120") String acronym,
        @Schema(example = "[\"INAVO 120\", \"INAVO-120\"]") List<String> aliases,
        @Schema(description = "null where the reviews print none", nullable = true) String title,
        @Schema(example = "randomized-controlled-trial") String studyType,
        @Schema(description = "Phase as reported", example = "3") String phase,
        @Schema(example = "completed") String status,
        @Schema(description = "Settings vocabulary code", example = "metastatic-first-line") String setting,
        String lineOfTherapy,
        String population,
        @Schema(description = "Biomarker codes of the population's selection") List<String> biomarkers,
        @Schema(description = "Drug codes of all arms") List<String> drugs,
        @Schema(description = "Drug class codes of all arms") List<String> drugClasses,
        @Schema(description = "Endpoint codes the trial reports results for") List<String> endpoints,
        @Schema(description = "Number of results", example = "4") int resultCount,
        String sponsor,
        String yearsConducted) { }
