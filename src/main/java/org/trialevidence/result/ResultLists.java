package org.trialevidence.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.ListShape;
import org.trialevidence.paging.ListResponses;
import org.trialevidence.paging.ListSource;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageParams;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.paging.QueryValues;

import java.util.List;
import java.util.function.Consumer;

/** A list of results as JSON or CSV (wide or one row per arm): the answer of /api/v1/results and of a trial's results. */
@ApplicationScoped
public class ResultLists {
    static final String LAYOUT = "The shape of the rows: wide (default) is one item per result, in JSON and in CSV, where the arms become"
            + " experimental.*, control.* and other1.* to other4.* (by the arm's role in the result's comparison); arms (CSV only) is one row per arm (resultId, trial, endpoint, population, arm,"
            + " role, value, unit, ciLower, ciUpper, source). Paging counts results either way: a page of 20 results holds every row of each.";
    private static final List<String> LAYOUTS = List.of("wide", "arms");

    @Inject
    ResultService results;
    @Inject
    PreferredResults preferredResults;
    @Inject
    ListResponses responses;

    public Response respond(ResultFilter query, ResultListParams list, PageParams paging, HttpHeaders headers, UriInfo uri) {
        ResultFilter filter = QueryValues.bool("preferred", list.preferred).orElse(false) ? query.only(preferredResults.ids(query)) : query;
        ListSource<?> rows = armRows(list.layout, paging.csv(headers)) ? new ArmRows(results, filter) : new Results(results, filter);
        return responses.respond(rows, paging, headers, uri);
    }

    /** One item per result; JSON pages are pasted from the JSON the read model keeps. */
    private record Results(ResultService results, ResultFilter filter) implements ListSource<ResultView> {
        @Override
        public Page<ResultView> page(PageRequest request) {
            return results.search(filter, request);
        }

        @Override
        public Page<?> jsonPage(PageRequest request) {
            return results.searchJson(filter, request);
        }

        @Override
        public void forEach(Consumer<ResultView> item) {
            results.forEach(filter, item);
        }

        @Override
        public ListShape<ResultView> shape() {
            return ResultCsv.RESULTS;
        }
    }

    /** layout=arms: one CSV row per arm; pages still count results, so a page holds every row of each. */
    private record ArmRows(ResultService results, ResultFilter filter) implements ListSource<ResultCsv.ArmRow> {
        @Override
        public Page<ResultCsv.ArmRow> page(PageRequest request) {
            Page<ResultView> found = results.search(filter, request);
            return new Page<>(found.items().stream().flatMap(result -> ResultCsv.ArmRow.of(result).stream()).toList(),
                    found.page(), found.size(), found.totalItems(), found.totalPages());
        }

        @Override
        public void forEach(Consumer<ResultCsv.ArmRow> item) {
            results.forEach(filter, result -> ResultCsv.ArmRow.of(result).forEach(item));
        }

        @Override
        public ListShape<ResultCsv.ArmRow> shape() {
            return ResultCsv.ARMS_SHAPE;
        }
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
