package org.trialevidence.overview;

import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.dataset.Review;
import org.trialevidence.dataset.StoringBehind;
import org.trialevidence.entity.ResultRepository;
import org.trialevidence.entity.TrialRepository;
import org.trialevidence.result.ResultService;
import org.trialevidence.trial.TrialService;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("/api/v1/dataset")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dataset", description = "Version, counts and the source reviews")
public class DatasetResource {
    @Inject
    TrialRepository trialRepository;
    @Inject
    ResultRepository resultRepository;
    @Inject
    TrialService trials;
    @Inject
    ResultService results;
    @Inject
    StoringBehind storingBehind;

    @GET
    @Operation(operationId = "getDataset", summary = "Dataset version, counts and sources",
            description = "The dataset version (it changes with every curated write), counts of trials, results and arms, the study types, and the "
                    + "source reviews.")
    public DatasetView dataset() {
        return QuarkusTransaction.joiningExisting().call(this::read);
    }

    /**
     * The results' counts come from the results' index when it is of the version read here: counting them in the
     * database read every row of the result table (8 to 11 s a request at 900,000 results). Otherwise (a write landed
     * between the two reads) they are counted in the database, in this read, so that every count is of the version
     * the answer names. While the dataset is being written behind the read models, the database holds none of it:
     * the state and the counts are those of the dataset being stored.
     */
    private DatasetView read() {
        Optional<StoringBehind.Storing> storing = storingBehind.inProgress();
        if (storing.isPresent()) {
            StoringBehind.Storing being = storing.get();
            return view(being.version(), being.version(), 0, being.loadedAt(), being.loadedAt(), being.sourceFidelityChecked(),
                    results.counts(), trials.count(), being.arms(), being.studyTypes());
        }
        DatasetState state = DatasetState.current();
        ResultService.Counts indexed = results.counts();
        ResultService.Counts resultCounts = indexed.version().equals(state.version) ? indexed
                : new ResultService.Counts(state.version, resultRepository.count(), resultRepository.countTrialsWithResults(),
                        resultRepository.countWithEffectEstimate(), resultRepository.countConflicting());
        return view(state.version, state.seedVersion, state.revision, state.loadedAt, state.changedAt, state.sourceFidelityChecked,
                resultCounts, trialRepository.count(), trialRepository.countArms(), trialRepository.countByStudyType());
    }

    private DatasetView view(String version, String seedVersion, long revision, Instant loadedAt, Instant changedAt, boolean sourceFidelityChecked,
                             ResultService.Counts resultCounts, long trialCount, long arms, Map<String, Long> studyTypes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("trials", trialCount);
        counts.put("trialsWithResults", resultCounts.trialsWithResults());
        counts.put("results", resultCounts.results());
        counts.put("resultsWithEffectEstimate", resultCounts.withEffectEstimate());
        counts.put("conflictingResults", resultCounts.conflicting());
        counts.put("arms", arms);
        List<DatasetView.ReviewView> reviews = Review.<Review>listAll().stream()
                .map(review -> new DatasetView.ReviewView(review.document, review.title, review.citation, results.countQuoting(review.document)))
                .toList();
        return new DatasetView(version, seedVersion, revision, loadedAt, changedAt, sourceFidelityChecked, counts, studyTypes, trials.phases(), reviews);
    }
}
