package org.trialevidence.trial;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.dataset.SourceView;
import org.trialevidence.result.ResultView;

import java.math.BigDecimal;
import java.util.List;

/** GET /api/v1/trials/{id}: the full record with arms, results, safety, approvals and sources. */
@Schema(name = "Trial")
public record TrialView(
        @Schema(example = "serena-6") String id,
        @Schema(example = "SERENA-6") String acronym,
        List<String> aliases,
        @Schema(description = "null where the reviews print none", nullable = true) String title,
        @Schema(example = "randomized-controlled-trial") String studyType,
        @Schema(example = "3") String phase,
        String designNotes,
        String sponsor,
        String yearsConducted,
        @Schema(example = "ongoing") String status,
        @Schema(example = "metastatic-first-line") String setting,
        String lineOfTherapy,
        String population,
        @Schema(example = "postmenopausal") String menopausalStatus,
        List<String> biomarkers,
        List<String> drugClasses,
        @Schema(description = "null where the reviews give no enrolment", nullable = true) Enrolment enrolment,
        List<ArmView> arms,
        List<ResultView> results,
        List<SafetyView> safety,
        List<ApprovalView> approvals,
        Guideline guideline,
        List<SourceView> sources,
        List<String> curationNotes) {

    @Schema(name = "Enrolment")
    public record Enrolment(int patients, SourceView source) { }

    @Schema(name = "Arm")
    public record ArmView(@Schema(example = "camizestrant-cdk46i") String id, String label,
                          @Schema(description = "experimental, control or other") String role, @Schema(nullable = true) String dose, List<DrugView> drugs) { }

    @Schema(name = "Drug")
    public record DrugView(@Schema(example = "camizestrant") String code, @Schema(example = "Camizestrant") String label,
                           @Schema(example = "oral-SERD") String drugClass) { }

    @Schema(name = "Safety")
    public record SafetyView(String text, List<AdverseEvent> events, List<ResultView.Correction> corrections, SourceView source) { }

    @Schema(name = "AdverseEvent")
    public record AdverseEvent(@Schema(example = "neutropenia") String term, @Schema(description = "Arm id, where attributed") String arm,
                               @Schema(example = ">=3") String grade, @Schema(description = "Percent of patients", example = "45") BigDecimal percent) { }

    @Schema(name = "Approval")
    public record ApprovalView(@Schema(example = "FDA") String agency, @Schema(description = "As printed (month-year)", example = "Feb-15") String dateAsReported,
                               String note, SourceView source) { }

    @Schema(name = "Guideline")
    public record Guideline(String text, SourceView source) { }
}
