package org.trialevidence.curation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.api.RawJson;

import java.time.Instant;

/** One change to a trial, as the audit trail keeps it. */
@Schema(name = "HistoryEntry", description = "One change to a trial: who, when, why, and the whole record (seed-data shape) before and after")
public record HistoryEntry(
        @Schema(description = "seeded, create, update, delete, restore, or conflicts-changed (another trial's write changed the conflicts this trial shows)", example = "update") String action,
        @Schema(description = "The result changed through its own resource, if any", example = "serena-6-os") String resultId,
        @Schema(description = "Who made the change (the token's name; seed-data for the first load)", example = "alice") String actor,
        Instant at,
        @Schema(description = "Why, as the curator said", example = "Final OS analysis published") String reason,
        @Schema(description = "The trial's version after the change", example = "2") long trialVersion,
        @Schema(description = "The dataset version the change produced", example = "805c79153b130c7f.1") String datasetVersion,
        @Schema(description = "The whole trial before the change (null for a creation)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) RawJson before,
        @Schema(description = "The whole trial after the change (null for a deletion)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) RawJson after) { }
