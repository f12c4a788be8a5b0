package org.trialevidence.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.Evidence;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;
import org.trialevidence.trial.TrialService;
import org.trialevidence.trial.TrialView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence query as a FHIR searchset of Evidence resources. Only results with a comparison between two arms
 * become Evidence: an Evidence states an effect of an exposure against a reference exposure, which a single arm's
 * median or rate does not have.
 */
@ApplicationScoped
public class EvidenceService {
    @Inject
    ResultService results;
    @Inject
    TrialService trials;

    /**
     * @param self the URL that was asked (the searchset's self link)
     * @param evidenceBase the URL under which Evidence ids are resolved, ending in '/'
     */
    public Bundle search(ResultFilter filter, String self, String evidenceBase) {
        // A result's view names its compared arms by id; their labels, drugs and doses are in the trial's record.
        Map<String, TrialView> trialsById = new HashMap<>();
        List<Evidence> evidence = results.all(filter).stream().filter(result -> result.comparison() != null)
                .map(result -> EvidenceMapper.evidence(result, trialsById.computeIfAbsent(result.trial().id(), id -> trials.view(id).orElseThrow())))
                .toList();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(evidence.size());
        bundle.addLink().setRelation(Bundle.LinkRelationTypes.SELF).setUrl(self);
        for (Evidence item : evidence) {
            bundle.addEntry().setFullUrl(evidenceBase + item.getIdPart()).setResource(item).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
