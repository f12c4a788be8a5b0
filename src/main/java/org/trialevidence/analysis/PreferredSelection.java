package org.trialevidence.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.result.PreferredResults;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultView;

import java.util.Set;
import java.util.stream.Collectors;

/** preferred=true on the results list: the results the meta-analysis chooses, by its own selection (StudySelection). */
@ApplicationScoped
public class PreferredSelection implements PreferredResults {
    /** The selection rule as the meta-analysis states it, for the preferred parameter's description. */
    public static final String RULE = MetaAnalysisService.SELECTION;

    @Inject
    MetaAnalysisService metaAnalyses;

    @Override
    public Set<String> ids(ResultFilter filter) {
        return metaAnalyses.select(filter).chosen().stream().flatMap(chosen -> chosen.results().stream()).map(ResultView::id)
                .collect(Collectors.toSet());
    }
}
