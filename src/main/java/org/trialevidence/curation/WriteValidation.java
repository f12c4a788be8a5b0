package org.trialevidence.curation;

import org.trialevidence.config.EvidenceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.dataset.Review;
import org.trialevidence.errors.InvalidRecordException;
import org.trialevidence.seeding.ReviewTexts;
import org.trialevidence.seeding.SeedDataReader;
import org.trialevidence.seeding.SeedViolation;
import org.trialevidence.seeding.TextRules;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.entity.TrialRepository;
import org.trialevidence.store.RecordStore;
import org.trialevidence.store.ResultRecord;
import org.trialevidence.seeding.TrialNames;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates a written trial exactly as seed-data is validated (schema, vocabularies, an excerpt for every number,
 * excerpts found in the registered reviews), and against the rest of the database for names and result ids.
 */
@ApplicationScoped
public class WriteValidation {
    @Inject
    EvidenceConfig config;
    @Inject
    TrialRepository trialRepository;
    @Inject
    RecordStore store;

    private volatile JsonSchema schema;
    private volatile Optional<ReviewTexts> reviewFiles;

    /** The record, its text in NFC, as the contract type; a 422 listing every fault otherwise. */
    TrialValidation.Checked check(JsonNode trial, String trialId) {
        List<SeedViolation> violations = new ArrayList<>();
        Optional<TrialValidation.Checked> checked = validation().check(trialId + ".json", TextRules.nfc(trial), others(trialId), violations);
        if (!violations.isEmpty() || checked.isEmpty()) {
            throw new InvalidRecordException(violations.size() + " fault(s); nothing was changed.", violations.stream()
                    .map(violation -> new InvalidRecordException.Violation(violation.path(), violation.message())).toList());
        }
        return checked.get();
    }

    /**
     * Built for each write from the database: a source another replica registered a moment ago counts. The schema
     * and the review files are read once.
     */
    private TrialValidation validation() {
        if (schema == null) {
            schema = TrialValidation.readSchema(config.seedDir().resolve(SeedDataReader.SCHEMA));
            reviewFiles = config.reviewsDir().flatMap(ReviewTexts::load);
        }
        List<Review> sources = Review.listAll();
        Map<String, String> registeredTexts = new HashMap<>();
        sources.stream().filter(source -> source.registeredBy != null).forEach(source -> registeredTexts.put(source.document, source.sourceText));
        return new TrialValidation(schema, sources.stream().map(source -> source.document).collect(Collectors.toSet()),
                reviewFiles.map(texts -> texts.with(registeredTexts)));
    }

    /** Names and result ids owned by other trials: served names, and result ids ever used (deleted ones stay taken). */
    private TrialValidation.Dataset others(String trialId) {
        return new TrialValidation.Dataset() {
            @Override
            public Optional<TrialValidation.NameOwner> ownerOfName(String skeleton) {
                return trialRepository.otherTrialsName(skeleton, trialId, name -> TrialNames.skeleton(name).equals(skeleton))
                        .map(name -> new TrialValidation.NameOwner("trial " + name.trialId(), name.name()));
            }

            @Override
            public Optional<String> ownerOfResult(String resultId) {
                ResultRecord result = ResultRecord.findById(resultId);
                return result == null || result.trialId.equals(trialId) ? Optional.empty()
                        : Optional.of("trial " + result.trialId + (result.deleted ? " (deleted result)" : ""));
            }

            @Override
            public boolean hasResult(String resultId) {
                return store.servedByAnotherTrial(resultId, trialId);
            }
        };
    }
}
