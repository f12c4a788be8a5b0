package org.trialevidence.dataset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** GET /api/v1/dataset. */
@Schema(name = "Dataset")
public record DatasetView(
        @Schema(description = "Content hash of seed-data; changes whenever any record changes", example = "3f2a9c0d1e4b5a6c") String version,
        Instant loadedAt,
        @Schema(description = "Whether every excerpt and number was checked against the reviews when this dataset was loaded") boolean sourceFidelityChecked,
        @Schema(description = "Record counts") Map<String, Long> counts,
        @Schema(description = "Trials per study type") Map<String, Long> studyTypes,
        @Schema(description = "Phases as reported (the values the phase filter accepts)") List<String> phases,
        @Schema(description = "The reviews every number is quoted from") List<ReviewView> sources) {

    @Schema(name = "Review")
    public record ReviewView(@Schema(example = "002_68e141cf09b578c4.txt") String document, String title, String citation,
                             @Schema(description = "Results quoting this review") long resultCount) { }
}
