package org.trialevidence.contrast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a randomized comparison tests: what the experimental arm adds or swaps in against the control arm, and the
 * background both arms get. Comparisons with the same {@link #id} answer the same question and are the only ones
 * pooled together.
 */
@Schema(name = "Contrast", description = "What the randomization tested, derived from the two arms' drugs and drug classes (or curated where"
        + " derivation cannot tell, e.g. a continuation or sequencing design). Comparisons with the same id answer one randomized"
        + " question; analyses never pool two ids.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "label", "question", "experimentalTreatment", "controlTreatment", "design", "added", "continued", "removed", "common", "comparatorClass", "curatedReason"})
public record Contrast(
        @Schema(description = "The randomized question: design and the drug classes added, removed and in common (the common background at its"
                + " umbrella class). Comparisons with the same id are pooled together.",
                example = "add-on;added=CDK4/6i;common=endocrine-therapy") String id,
        @Schema(description = "This comparison in words, by drug class", example = "CDK4/6i + AI vs AI") String label,
        @Schema(description = "The question of the id in words, as analyses title it", example = "CDK4/6i + endocrine-therapy vs endocrine-therapy") String question,
        @Schema(description = "The experimental arm's treatment as the question names it (treat1 of GET /api/v1/contrasts)",
                example = "CDK4/6i + endocrine-therapy") String experimentalTreatment,
        @Schema(description = "The control arm's treatment as the question names it (treat2)", example = "endocrine-therapy") String controlTreatment,
        @Schema(description = "add-on (the experimental arm adds drugs), replacement (it swaps drugs), omission (it leaves drugs out),"
                + " dose-or-schedule (same drugs), or a curated design: continuation-beyond-progression, sequencing, switch-on-ctdna-mutation",
                example = "add-on") String design,
        @Schema(description = "Drug classes only the experimental arm gets, with its drugs of each") List<ContrastTerm> added,
        @Schema(description = "Drug classes only the experimental arm gets that its patients had progressed on (continuation designs): not counted"
                + " as added") List<ContrastTerm> continued,
        @Schema(description = "Drug classes only the control arm gets") List<ContrastTerm> removed,
        @Schema(description = "Drug classes both arms get: the background") List<ContrastTerm> common,
        @Schema(description = "The control arm's umbrella class: what it replaces, or the background of an add-on; placebo when the control"
                + " arm gets nothing else") ContrastTerm comparatorClass,
        @Schema(description = "Why the contrast is curated rather than derived; absent when derived") String curatedReason) {

    /** The drug codes and drug-class codes the experimental arm adds or swaps in: what {@code added=} matches. */
    public Set<String> addedCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (ContrastTerm term : added) {
            codes.add(term.code());
            codes.addAll(term.drugs());
        }
        return codes;
    }

    /** The drug classes of the control arm that the question is measured against: what {@code comparator=} matches. */
    public Set<String> comparatorCodes() {
        List<ContrastTerm> against = !removed.isEmpty() ? removed : common;
        Set<String> codes = new LinkedHashSet<>();
        against.forEach(term -> codes.add(term.code()));
        if (codes.isEmpty()) {
            codes.add(comparatorClass.code());
        }
        return codes;
    }
}
