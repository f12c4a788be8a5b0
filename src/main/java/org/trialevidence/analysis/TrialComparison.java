package org.trialevidence.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.result.ResultView;

import java.util.List;
import java.util.Map;

/** GET /api/v1/compare: one row per trial for one endpoint, and what differs between the rows. */
@Schema(name = "TrialComparison")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialComparison(
        @Schema(example = "PFS") String endpoint,
        @Schema(description = "How the result standing for each trial was chosen") String rule,
        List<Row> rows,
        @Schema(description = "What a reader must notice before comparing the rows") List<Difference> differences,
        @Schema(description = "Trials asked for that report no result for the endpoint under the filters") List<String> withoutResult) {

    @Schema(name = "ComparisonRow")
    public record Row(ResultView.TrialRef trial,
                      @Schema(example = "metastatic-first-line") String setting,
                      @Schema(description = "Biomarker selection of the trial and of the chosen subgroup") List<String> biomarkers,
                      ResultView result,
                      @Schema(description = "Ids of the trial's other results for this endpoint (other populations, analyses or sources)") List<String> otherResults) { }

    @Schema(name = "ComparisonDifference")
    public record Difference(@Schema(description = "setting, contrast, comparator, population, analysis, effectMeasure, ciLevel, studyType, conflict",
                                     example = "comparator") String aspect,
                             @Schema(example = "The control arms differ.") String detail,
                             @Schema(description = "The value per trial acronym") Map<String, String> values) { }
}
