package org.trialevidence.dataset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a value was read: the review (file and citation), the place in it, and the verbatim excerpt. */
@Schema(name = "Source")
public record SourceView(
        @Schema(description = "File name of the review under shared/seeds", example = "002_68e141cf09b578c4.txt") String document,
        @Schema(description = "The review's printed title, where the text has one", nullable = true) String title,
        @Schema(example = "text, section on oral SERDs (line 1282)") String location,
        @Schema(description = "Verbatim text of the review containing the numbers", example = "The median PFS was 16.0 months with camizestrant versus 9.2 months with continued AI (HR 0.44; 95% CI, 0.31–0.60; p<0.00001).") String excerpt) { }
