package org.trialevidence.seeding;

import java.math.BigDecimal;
import java.util.List;

/**
 * The contract of {@code seed-data/trials/*.json} (described field by field in
 * {@code seed-data/schema/trial.schema.json}). The same shape is what curators will write through the API later,
 * and what the database keeps as the value objects of a trial (sources, safety, corrections).
 */
public record TrialSeed(
        String id,
        String acronym,
        List<String> aliases,
        String title,
        String studyType,
        String phase,
        String designNotes,
        String sponsor,
        String yearsConducted,
        String status,
        String setting,
        String lineOfTherapy,
        String population,
        String menopausalStatus,
        List<String> biomarkers,
        Enrolment enrolment,
        List<Approval> approvals,
        SourcedText guideline,
        List<Safety> safety,
        List<Arm> arms,
        List<ContrastOverride> contrasts,
        List<Result> results,
        List<Source> sources,
        List<String> curationNotes) {

    public TrialSeed {
        aliases = orEmpty(aliases);
        biomarkers = orEmpty(biomarkers);
        approvals = orEmpty(approvals);
        safety = orEmpty(safety);
        arms = orEmpty(arms);
        contrasts = orEmpty(contrasts);
        results = orEmpty(results);
        sources = orEmpty(sources);
        curationNotes = orEmpty(curationNotes);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public record Source(String document, String location, String excerpt) { }

    public record SourcedText(String text, Source source) { }

    public record Correction(String field, String sourceShows, String served, String reason) { }

    public record Enrolment(Integer patients, Source source) { }

    public record Approval(String agency, String dateAsReported, String note, Source source) { }

    public record Safety(String text, List<SafetyEvent> events, List<Correction> corrections, Source source) {
        public Safety {
            events = orEmpty(events);
            corrections = orEmpty(corrections);
        }
    }

    public record SafetyEvent(String term, String arm, String grade, BigDecimal percent) { }

    public record Arm(String id, String label, String role, List<String> drugs, String dose) {
        public Arm {
            drugs = orEmpty(drugs);
        }
    }

    /**
     * What the comparison of two arms tests, where their drugs cannot tell it (a drug continued after progression,
     * a sequencing or switch design); every other comparison's contrast is derived from its arms.
     */
    public record ContrastOverride(String experimentalArm, String controlArm, String design, String label, String reason, List<String> continued) {
        public ContrastOverride {
            continued = orEmpty(continued);
        }
    }

    /** A value that looks copied from another row: served, but flagged with the reason and the rows it resembles. */
    public record Suspect(String reason, List<String> resembles) {
        public Suspect {
            resembles = orEmpty(resembles);
        }
    }

    public record Result(
            String id,
            String endpoint,
            String timepoint,
            Population population,
            Analysis analysis,
            List<ArmValue> arms,
            Comparison comparison,
            String rawText,
            List<Source> sources,
            List<Correction> corrections,
            List<String> conflictsWith,
            List<DisputingStatement> disputedBy,
            Suspect suspect,
            List<String> notes) {
        public Result {
            arms = orEmpty(arms);
            sources = orEmpty(sources);
            corrections = orEmpty(corrections);
            conflictsWith = orEmpty(conflictsWith);
            disputedBy = orEmpty(disputedBy);
            notes = orEmpty(notes);
        }
    }

    /** A source that contradicts a result without a number of its own ("OS data is still immature"). */
    public record DisputingStatement(String statement, Source source) { }

    public record Population(String type, String label, List<String> biomarkers) {
        public Population {
            biomarkers = orEmpty(biomarkers);
        }
    }

    public record Analysis(String type, String assessor, String description) { }

    public record ArmValue(String arm, String measure, BigDecimal value, Boolean notReached,
                           BigDecimal ciLower, BigDecimal ciUpper, Integer patients) { }

    public record Comparison(String experimentalArm, String controlArm, String effectMeasure, BigDecimal estimate,
                             BigDecimal ciLower, BigDecimal ciUpper, BigDecimal ciLevel, String pValueText) { }
}
