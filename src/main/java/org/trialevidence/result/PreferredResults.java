package org.trialevidence.result;

import java.util.Set;

/**
 * The results the analyses use among a query's matches: one per trial, endpoint, population and contrast. The rule
 * is the analyses' own, so it is implemented in the analysis package (which depends on results, not the reverse) and
 * reached through this interface.
 */
public interface PreferredResults {
    /** The parameter's description in OpenAPI; the selection rule itself is appended from the analysis package. */
    String PARAMETER = "true: only the results the analyses use (meta-analysis, contrasts, forest plots of pooled results): per endpoint and"
            + " contrast, one result per trial with a hazard ratio and its CI; results that no analysis can use (no treatment comparison,"
            + " no HR with CI, suspected copies) are left out. false or absent: every match.";

    Set<String> ids(ResultFilter filter);
}
