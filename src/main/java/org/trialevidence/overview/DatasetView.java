package org.trialevidence.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** GET /api/v1/dataset. */
@Schema(name = "Dataset")
public record DatasetView(
        @Schema(description = "Changes with every write: the content hash of the seed-data the database was seeded from, then that hash and the revision", example = "805c79153b130c7f.3") String version,
        @Schema(description = "Content hash of the seed-data the database was seeded from", example = "805c79153b130c7f") String seedVersion,
        @Schema(description = "Writes through the curation API since seeding", example = "3") long revision,
        @Schema(description = "When the database was seeded") Instant loadedAt,
        @Schema(description = "When the last write (or the seeding) happened") Instant changedAt,
        @Schema(description = "Whether every excerpt and number was checked against the reviews when the database was seeded (writes are always checked against the reviews the service can read)") boolean sourceFidelityChecked,
        @Schema(description = "Record counts") Map<String, Long> counts,
        @Schema(description = "Trials per study type") Map<String, Long> studyTypes,
        @Schema(description = "Phases as reported (the values the phase filter accepts)") List<String> phases,
        @Schema(description = "The reviews every number is quoted from") List<ReviewView> sources) {

    @Schema(name = "Review")
    public record ReviewView(@Schema(example = "002_68e141cf09b578c4.txt") String document, String title, String citation,
                             @Schema(description = "Results quoting this review") long resultCount) { }
}
