package org.trialevidence.overview;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/**
 * The dataset's version, counts and source reviews. Every count is of the version the answer names: the read models
 * count them when they are of that version (counting in the database read every result, trial and arm row: 8 to 11 s
 * a request at 900,000 results, 0.4-0.5 s for the arms of 100,000 trials); when a write landed between reading the
 * version and the models, the database counts them in the same read. While the dataset is being written behind the
 * read models, the database holds none of it: the state is that of the dataset being stored, and the models count.
 */
@ApplicationScoped
public class DatasetOverview {
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

    public DatasetView read() {
        return QuarkusTransaction.joiningExisting().call(this::readInTransaction);
    }

    private DatasetView readInTransaction() {
        Optional<StoringBehind.Storing> storing = storingBehind.inProgress();
        if (storing.isPresent()) {
            StoringBehind.Storing being = storing.get();
            return view(being.version(), being.version(), 0, being.loadedAt(), being.loadedAt(), being.sourceFidelityChecked(),
                    results.counts(), trials.counts());
        }
        DatasetState state = DatasetState.current();
        ResultService.Counts indexedResults = results.counts();
        ResultService.Counts resultCounts = indexedResults.version().equals(state.version) ? indexedResults
                : new ResultService.Counts(state.version, resultRepository.count(), resultRepository.countTrialsWithResults(),
                        resultRepository.countWithEffectEstimate(), resultRepository.countConflicting());
        TrialService.Counts indexedTrials = trials.counts();
        TrialService.Counts trialCounts = indexedTrials.version().equals(state.version) ? indexedTrials
                : new TrialService.Counts(state.version, trialRepository.count(), trialRepository.countArms(), trialRepository.countByStudyType());
        return view(state.version, state.seedVersion, state.revision, state.loadedAt, state.changedAt, state.sourceFidelityChecked,
                resultCounts, trialCounts);
    }

    private DatasetView view(String version, String seedVersion, long revision, Instant loadedAt, Instant changedAt, boolean sourceFidelityChecked,
                             ResultService.Counts resultCounts, TrialService.Counts trialCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("trials", trialCounts.trials());
        counts.put("trialsWithResults", resultCounts.trialsWithResults());
        counts.put("results", resultCounts.results());
        counts.put("resultsWithEffectEstimate", resultCounts.withEffectEstimate());
        counts.put("conflictingResults", resultCounts.conflicting());
        counts.put("arms", trialCounts.arms());
        List<DatasetView.ReviewView> reviews = Review.<Review>listAll().stream()
                .map(review -> new DatasetView.ReviewView(review.document, review.title, review.citation, results.countQuoting(review.document)))
                .toList();
        return new DatasetView(version, seedVersion, revision, loadedAt, changedAt, sourceFidelityChecked, counts, trialCounts.studyTypes(),
                trials.phases(), reviews);
    }
}
