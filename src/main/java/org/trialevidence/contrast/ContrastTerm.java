package org.trialevidence.contrast;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A drug class of a contrast with its label and the arm's drugs of that class. */
@Schema(name = "ContrastTerm")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContrastTerm(@Schema(description = "Drug-class code (vocabulary/drugClasses)", example = "CDK4/6i") String code,
                           @Schema(example = "CDK4/6 inhibitor") String label,
                           @Schema(description = "Drug codes of this class in the arm; absent for an umbrella standing for several classes",
                                   example = "[\"palbociclib\"]") List<String> drugs) {
    public ContrastTerm {
        drugs = drugs == null ? List.of() : List.copyOf(drugs);
    }
}
