package org.trialevidence.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A vocabulary term as served, with how many records use it (its own code or any term under it). */
@Schema(name = "Term")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TermView(
        @Schema(example = "ESR1-mutant") String code,
        @Schema(example = "ESR1 mutation") String label,
        @Schema(example = "[\"ESR1\", \"ESR1m\", \"ESR1-mutant\"]") List<String> aliases,
        String description,
        @Schema(description = "The umbrella term this one falls under; filtering on the parent matches this term") String parent,
        @Schema(description = "Codes of the terms directly under this one") List<String> children,
        @Schema(description = "For drugs: the drug class code", example = "oral-SERD") String drugClass,
        @Schema(description = "Trials using the term or a term under it") long trialCount,
        @Schema(description = "Results using the term or a term under it") long resultCount) { }
