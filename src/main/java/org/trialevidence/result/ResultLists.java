package org.trialevidence.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.export.ListResponses;
import org.trialevidence.export.ResultCsv;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageParams;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.paging.QueryValues;

import java.util.List;

/** A list of results as JSON or CSV (wide or one row per arm): the answer of /api/v1/results and of a trial's results. */
@ApplicationScoped
public class ResultLists {
    static final String LAYOUT = "CSV only: wide (default) is one row per result with the arms as experimental.*, control.* and other1.* to"
            + " other4.* (by the arm's role in the result's comparison); arms is one row per arm (resultId, trial, endpoint, population, arm,"
            + " role, value, unit, ciLower, ciUpper, source). Paging counts results either way: a page of 20 results holds every row of each.";
    private static final List<String> LAYOUTS = List.of("wide", "arms");

    @Inject
    ResultService results;
    @Inject
    PreferredResults preferredResults;

    Response respond(ResultFilter query, ResultListParams list, PageParams paging, HttpHeaders headers, UriInfo uri) {
        ResultFilter filter = QueryValues.bool("preferred", list.preferred).orElse(false) ? query.only(preferredResults.ids(query)) : query;
        boolean csv = paging.csv(headers);
        PageRequest request = paging.pageRequest(csv);
        if (armRows(list.layout, csv)) {
            return ListResponses.respond(csv, request, uri, page -> {
                Page<ResultView> found = results.search(filter, page);
                return new Page<>(found.items().stream().flatMap(result -> ResultCsv.ArmRow.of(result).stream()).toList(),
                        found.page(), found.size(), found.totalItems(), found.totalPages());
            }, row -> results.forEach(filter, result -> ResultCsv.ArmRow.of(result).forEach(row)), ResultCsv.ARM_ROWS, "result-arms.csv");
        }
        return ListResponses.respond(csv, request, uri, page -> results.searchJson(filter, page),
                page -> results.search(filter, page), row -> results.forEach(filter, row), ResultCsv.COLUMNS, "results.csv");
    }

    /**
     * Whether the long shape was asked for; it has no JSON form, so asking for it with JSON is an error rather than
     * ignored. The wide shape is the JSON one (an item per result), so layout=wide answers JSON as asked (Swagger UI
     * sends the default).
     */
    private static boolean armRows(String layout, boolean csv) {
        String chosen = QueryValues.oneOf("layout", layout == null ? null : List.of(layout), LAYOUTS).stream().findFirst().orElse("wide");
        if (!csv && "arms".equals(chosen)) {
            throw ProblemException.invalidParameter("layout", "layout shapes CSV rows; ask for CSV (format=csv or Accept: text/csv) or leave it out.",
                    LAYOUTS, null);
        }
        return "arms".equals(chosen);
    }
}
