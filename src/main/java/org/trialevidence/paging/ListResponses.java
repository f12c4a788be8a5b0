package org.trialevidence.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a list request as a JSON page, or as CSV: one page, or every match streamed when size=all; with only the
 * fields asked for ({@link FieldSelection}). Every answer carries the paging headers ({@link PageHeaders}), so a CSV page
 * says that it is one and where the next is.
 */
@ApplicationScoped
public class ListResponses {
    /** Counting the matches of a size=all answer asks for the smallest page. */
    private static final PageRequest COUNT_ONLY = new PageRequest(0, 1);
    /** The package whose types are walked into for JSON paths; others (strings, numbers, maps) are leaves. */
    private static final String OWN_TYPES = "org.trialevidence.";

    private final ObjectMapper mapper;
    /** Reads an item back keeping numbers as printed (0.60 stays 0.60, not 0.6). */
    private final ObjectReader exactReader;
    private final Map<Class<?>, List<String>> jsonPaths = new ConcurrentHashMap<>();

    @Inject
    public ListResponses(ObjectMapper mapper) {
        this.mapper = mapper;
        this.exactReader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    public Response respond(ListSource<?> list, PageParams params, HttpHeaders headers, UriInfo uri) {
        return answer(list, params, headers, uri);
    }

    private <T> Response answer(ListSource<T> source, PageParams params, HttpHeaders headers, UriInfo uri) {
        boolean csv = params.csv(headers);
        PageRequest page = params.pageRequest(csv);
        if (!csv) {
            FieldSelection fields = FieldSelection.parse(params.fields, jsonPaths(source.shape().jsonItemType()));
            Page<?> json = source.jsonPage(page);
            Object body = fields.everyField() ? json : new Page<>(json.items().stream().map(item -> fields.prune(tree(item))).toList(),
                    json.page(), json.size(), json.totalItems(), json.totalPages());
            return PageHeaders.page(Response.ok(body, MediaType.APPLICATION_JSON), json, uri).build();
        }
        CsvColumns<T> all = source.shape().csvColumns();
        CsvColumns<T> columns = FieldSelection.parse(params.fields, all.paths()).columns(all);
        if (page.isAll()) {
            return PageHeaders.everyMatch(csv(columns.stream(source::forEach), source.shape().csvFileName()), source.page(COUNT_ONLY).totalItems()).build();
        }
        Page<T> rows = source.page(page);
        return PageHeaders.page(csv(columns.stream(row -> rows.items().forEach(row)), source.shape().csvFileName()), rows, uri).build();
    }

    /** A CSV answer, shown inline under a file name a browser saves it as. */
    public static Response.ResponseBuilder csv(StreamingOutput body, String fileName) {
        return Response.ok(body, PageParams.CSV + "; charset=UTF-8").header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }

    private JsonNode tree(Object item) {
        try {
            return exactReader.readTree(mapper.writeValueAsString(item));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path fields= may name in an item of this type, as Jackson writes it: members, and members of members. */
    List<String> jsonPaths(Class<?> type) {
        return jsonPaths.computeIfAbsent(type, key -> {
            List<String> paths = new ArrayList<>();
            addPaths(mapper.constructType(key), "", paths, 0);
            return List.copyOf(paths);
        });
    }

    private void addPaths(JavaType type, String prefix, List<String> paths, int depth) {
        for (BeanPropertyDefinition property : mapper.getSerializationConfig().introspect(type).findProperties()) {
            String path = prefix + property.getName();
            paths.add(path);
            JavaType member = property.getPrimaryType();
            while (member.isContainerType() && !member.isMapLikeType()) {
                member = member.getContentType();
            }
            // A depth bound guards against a type that contains itself.
            if (depth < 4 && !member.isEnumType() && member.getRawClass().getName().startsWith(OWN_TYPES)) {
                addPaths(member, path + ".", paths, depth + 1);
            }
        }
    }
}
