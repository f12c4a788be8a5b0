package org.trialevidence.fhir;

import org.trialevidence.contrast.Contrast;
import org.hl7.fhir.r5.model.Annotation;
import org.hl7.fhir.r5.model.Attachment;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.Evidence;
import org.hl7.fhir.r5.model.Narrative;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Range;
import org.hl7.fhir.r5.model.RelatedArtifact;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.trialevidence.dataset.SourceView;
import org.trialevidence.result.ResultView;
import org.trialevidence.trial.TrialView;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A result with a comparison as a FHIR R5 Evidence. Codes are those of the R5 value sets bound to the elements
 * (statistic-type, attribute-estimate-type, variable-role in HL7 Terminology 5.1.0, the version R5 validates against).
 */
final class EvidenceMapper {
    static final String RESULT_IDENTIFIER_SYSTEM = "https://trial-evidence.example/results";
    /** FHIR ids are at most 64 characters; longer result ids keep a readable prefix and a hash of the whole id. */
    static final int MAX_ID_LENGTH = 64;
    private static final int ID_HASH_LENGTH = 16;

    private static final String STATISTIC_TYPE = "http://terminology.hl7.org/CodeSystem/statistic-type";
    private static final String ATTRIBUTE_ESTIMATE_TYPE = "http://terminology.hl7.org/CodeSystem/attribute-estimate-type";
    private static final String VARIABLE_ROLE = "http://terminology.hl7.org/CodeSystem/variable-role";
    private static final String UCUM = "http://unitsofmeasure.org";

    private static final Code CONFIDENCE_INTERVAL = new Code(ATTRIBUTE_ESTIMATE_TYPE, "C53324", "Confidence interval");
    private static final Code P_VALUE = new Code(ATTRIBUTE_ESTIMATE_TYPE, "C44185", "P-value");
    private static final Map<String, Code> EFFECT_MEASURES = Map.of(
            "HR", new Code(STATISTIC_TYPE, "C93150", "Hazard Ratio"),
            "OR", new Code(STATISTIC_TYPE, "C16932", "Odds Ratio"),
            "RR", new Code(STATISTIC_TYPE, "C93152", "Relative Risk"));
    /** Per-arm measures: a median in months, or a rate in percent (the proportion of patients). */
    private static final Map<String, ArmMeasure> ARM_MEASURES = Map.of(
            "median", new ArmMeasure(new Code(STATISTIC_TYPE, "C28007", "Median"), "Median", "months", "mo"),
            "rate", new ArmMeasure(new Code(STATISTIC_TYPE, "C44256", "Proportion"), "Rate", "%", "%"));

    private record Code(String system, String code, String display) {
        CodeableConcept concept() {
            return new CodeableConcept(new Coding(system, code, display));
        }
    }

    private record ArmMeasure(Code type, String label, String unit, String ucum) { }

    private EvidenceMapper() {
    }

    /** The Evidence of a result whose comparison is not null; {@code trial} supplies the compared arms and the population. */
    static Evidence evidence(ResultView result, TrialView trial) {
        ResultView.Comparison comparison = result.comparison();
        TrialView.ArmView experimental = arm(trial, comparison.experimentalArm());
        TrialView.ArmView control = arm(trial, comparison.controlArm());
        String endpoint = label(VocabularyKind.ENDPOINTS, result.endpoint());

        Evidence evidence = new Evidence();
        evidence.setId(id(result.id()));
        evidence.addIdentifier().setSystem(RESULT_IDENTIFIER_SYSTEM).setValue(result.id());
        evidence.setStatus(Enumerations.PublicationStatus.ACTIVE);
        evidence.setTitle(result.trial().acronym() + ": " + endpoint + timepoint(result, " (", ")") + ", " + result.population().label());
        evidence.setDescription(experimental.label() + " versus " + control.label() + ": " + endpoint + " (" + result.endpoint() + ")"
                + timepoint(result, " at ", "") + " in " + result.population().label() + " of " + result.trial().acronym()
                + " (" + study(result) + "); " + analysis(result.analysis()) + ".");
        result.sources().forEach(source -> evidence.addRelatedArtifact(derivedFrom(source)));
        notes(result).forEach(note -> evidence.addNote(new Annotation().setText(note)));

        evidence.addVariableDefinition().setVariableRole(role("population", "population")).setDescription(population(result))
                .setNote(trial.population() == null ? List.of() : List.of(new Annotation().setText("Trial population: " + trial.population())));
        Contrast contrast = comparison.contrast();
        evidence.addVariableDefinition().setVariableRole(role("exposure", "exposure")).setDescription(arm(experimental, "experimental"))
                .setNote(contrast == null ? List.of() : List.of(new Annotation().setText("Contrast (what the randomization tested): " + contrast.label()
                        + "; question: " + contrast.question() + "; design: " + contrast.design() + "; contrast id: " + contrast.id())));
        evidence.addVariableDefinition().setVariableRole(role("referenceExposure", "reference exposure")).setDescription(arm(control, "control"))
                .setNote(contrast == null ? List.of() : List.of(new Annotation().setText("Comparator class: " + contrast.comparatorClass().label()
                        + " (" + contrast.comparatorClass().code() + ")")));
        evidence.addVariableDefinition().setVariableRole(role("measuredVariable", "measured variable"))
                .setDescription(endpoint + " (" + result.endpoint() + ")" + timepoint(result, ", ", ""));

        evidence.addStatistic(comparison(comparison, experimental, control));
        for (ResultView.ArmResult arm : result.arms()) {
            evidence.addStatistic(armStatistic(arm, result));
        }
        evidence.setText(narrative(evidence));
        return evidence;
    }

    /** The result id where it is a valid FHIR id, else its first characters, '-' and a hash of the whole id. */
    static String id(String resultId) {
        if (resultId.length() <= MAX_ID_LENGTH) {
            return resultId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(resultId.getBytes(StandardCharsets.UTF_8));
            return resultId.substring(0, MAX_ID_LENGTH - ID_HASH_LENGTH - 1) + "-" + HexFormat.of().formatHex(hash).substring(0, ID_HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static TrialView.ArmView arm(TrialView trial, String armId) {
        return trial.arms().stream().filter(arm -> arm.id().equals(armId)).findFirst()
                .orElseThrow(() -> new IllegalStateException(trial.id() + " has no arm " + armId));
    }

    /** The arm with its role in this comparison (in a multi-arm trial an arm can be the control of one comparison and the experimental arm of another). */
    private static String arm(TrialView.ArmView arm, String role) {
        String drugs = arm.drugs().stream().map(TrialView.DrugView::label).collect(Collectors.joining(", "));
        return arm.label() + " (" + role + " arm" + (drugs.isEmpty() ? "" : "; drugs: " + drugs) + (arm.dose() == null ? "" : "; dose: " + arm.dose()) + ")";
    }

    private static String population(ResultView result) {
        String biomarkers = result.biomarkers().stream().map(code -> label(VocabularyKind.BIOMARKERS, code)).collect(Collectors.joining(", "));
        return result.population().label() + ("itt".equals(result.population().type()) ? "; intention-to-treat (the whole randomized population)" : "; subgroup")
                + (biomarkers.isEmpty() ? "" : "; biomarkers: " + biomarkers);
    }

    private static String study(ResultView result) {
        List<String> parts = new ArrayList<>();
        if (result.trial().phase() != null) {
            parts.add("phase " + result.trial().phase());
        }
        parts.add(result.trial().studyType());
        if (result.setting() != null) {
            parts.add("setting: " + label(VocabularyKind.SETTINGS, result.setting()));
        }
        return String.join(", ", parts);
    }

    private static String analysis(ResultView.Analysis analysis) {
        return (analysis.type() == null ? "analysis not stated" : analysis.type() + " analysis")
                + (analysis.assessor() == null ? "" : ", assessed by " + analysis.assessor())
                + (analysis.description() == null ? "" : ": " + analysis.description());
    }

    private static String timepoint(ResultView result, String before, String after) {
        return result.timepoint() == null ? "" : before + result.timepoint() + after;
    }

    private static String label(VocabularyKind kind, String code) {
        return VocabularyCatalog.get().of(kind).byCode(code).map(Term::label).orElse(code);
    }

    private static CodeableConcept role(String code, String display) {
        return new Code(VARIABLE_ROLE, code, display).concept();
    }

    private static RelatedArtifact derivedFrom(SourceView source) {
        String review = source.title() == null ? source.document() : source.title() + " (" + source.document() + ")";
        return new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.DERIVEDFROM)
                .setDisplay(review)
                .setCitation(review + ", " + source.location() + ": \"" + source.excerpt() + "\"")
                .setDocument(new Attachment().setContentType("text/plain").setTitle(source.document()));
    }

    private static List<String> notes(ResultView result) {
        List<String> notes = new ArrayList<>(result.notes());
        for (ResultView.Correction correction : result.corrections()) {
            notes.add("Correction of " + correction.field() + ": the source shows \"" + correction.sourceShows() + "\"; served: "
                    + correction.served() + (correction.reason() == null ? "" : ". " + correction.reason()));
        }
        if (!result.conflictsWith().isEmpty()) {
            notes.add("Conflicts with " + String.join(", ", result.conflictsWith())
                    + ": another source reports this quantity with a different value; each value is served with its own source.");
        }
        for (ResultView.DisputingStatement disputed : result.disputedBy()) {
            notes.add("Disputed by " + disputed.source().document() + " (" + disputed.source().location() + "): \"" + disputed.source().excerpt() + "\"");
        }
        if (result.suspect() != null) {
            notes.add("Suspect value, possibly copied from " + String.join(", ", result.suspect().resembles()) + ": " + result.suspect().reason());
        }
        return notes;
    }

    private static Evidence.EvidenceStatisticComponent comparison(ResultView.Comparison comparison, TrialView.ArmView experimental, TrialView.ArmView control) {
        Evidence.EvidenceStatisticComponent statistic = new Evidence.EvidenceStatisticComponent();
        List<String> printed = new ArrayList<>();
        if (comparison.effectMeasure() != null) {
            statistic.setStatisticType(EFFECT_MEASURES.get(comparison.effectMeasure()).concept());
            statistic.setQuantity(new Quantity().setValue(comparison.estimate()));
            printed.add(comparison.effectMeasure() + " " + plain(comparison.estimate()));
        }
        if (comparison.ciLower() != null || comparison.ciUpper() != null) {
            statistic.addAttributeEstimate(confidenceInterval(comparison.ciLower(), comparison.ciUpper(), comparison.ciLevel(), null));
            printed.add((comparison.ciLevel() == null ? "" : plain(comparison.ciLevel().movePointRight(2)) + "% ") + "CI "
                    + (comparison.ciLower() == null ? "" : plain(comparison.ciLower())) + "–" + (comparison.ciUpper() == null ? "" : plain(comparison.ciUpper())));
        }
        if (comparison.pValueText() != null) {
            Evidence.EvidenceStatisticAttributeEstimateComponent p = statistic.addAttributeEstimate()
                    .setType(P_VALUE.concept()).setDescription("p as printed: " + comparison.pValueText());
            if (comparison.pValue() != null) {
                Quantity value = new Quantity().setValue(comparison.pValue());
                if (!"=".equals(comparison.pValueComparator())) {
                    value.setComparator(Enumerations.QuantityComparator.fromCode(comparison.pValueComparator()));
                }
                p.setQuantity(value);
            }
            printed.add("p" + (Character.isDigit(comparison.pValueText().charAt(0)) ? "=" : "") + comparison.pValueText());
        }
        statistic.setDescription((comparison.effectMeasure() == null ? "No effect measure printed; " : "")
                + String.join(", ", printed) + "; " + experimental.label() + " versus " + control.label());
        return statistic;
    }

    private static Evidence.EvidenceStatisticComponent armStatistic(ResultView.ArmResult arm, ResultView result) {
        ArmMeasure measure = ARM_MEASURES.get(arm.measure());
        Evidence.EvidenceStatisticComponent statistic = new Evidence.EvidenceStatisticComponent().setStatisticType(measure.type().concept());
        if (arm.value() != null) {
            statistic.setQuantity(quantity(arm.value(), measure));
        }
        if (arm.ciLower() != null || arm.ciUpper() != null) {
            statistic.addAttributeEstimate(confidenceInterval(arm.ciLower(), arm.ciUpper(), null, measure));
        }
        if (arm.patients() != null) {
            statistic.getSampleSize().setNumberOfParticipants(arm.patients());
        }
        String value = arm.notReached() ? "not reached" : arm.value() == null ? "not printed" : plain(arm.value()) + " " + arm.unit();
        statistic.setDescription(measure.label() + " " + result.endpoint() + timepoint(result, " (", ")") + ", " + arm.label()
                + " (" + arm.role() + " arm): " + value);
        return statistic;
    }

    /** The level is the one printed; a CI printed without one has none (per-arm CIs of the reviews do not state it). */
    private static Evidence.EvidenceStatisticAttributeEstimateComponent confidenceInterval(BigDecimal lower, BigDecimal upper, BigDecimal level, ArmMeasure unit) {
        Range range = new Range();
        if (lower != null) {
            range.setLow(unit == null ? new Quantity().setValue(lower) : quantity(lower, unit));
        }
        if (upper != null) {
            range.setHigh(unit == null ? new Quantity().setValue(upper) : quantity(upper, unit));
        }
        Evidence.EvidenceStatisticAttributeEstimateComponent interval = new Evidence.EvidenceStatisticAttributeEstimateComponent()
                .setType(CONFIDENCE_INTERVAL.concept()).setRange(range);
        if (level != null) {
            interval.setLevel(level);
        }
        return interval;
    }

    private static Quantity quantity(BigDecimal value, ArmMeasure measure) {
        return new Quantity().setValue(value).setUnit(measure.unit()).setSystem(UCUM).setCode(measure.ucum());
    }

    private static String plain(BigDecimal number) {
        return number.toPlainString();
    }

    /** What a reader without FHIR tooling sees: title, description, the statistics and the primary source. */
    private static Narrative narrative(Evidence evidence) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addTag("p").addTag("b").addText(evidence.getTitle());
        div.addTag("p").addText(evidence.getDescription());
        XhtmlNode statistics = div.addTag("ul");
        evidence.getStatistic().forEach(statistic -> statistics.addTag("li").addText(statistic.getDescription()));
        div.addTag("p").addText("Source: " + evidence.getRelatedArtifactFirstRep().getCitation());
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }
}
