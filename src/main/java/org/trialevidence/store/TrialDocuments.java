package org.trialevidence.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trialevidence.seeding.TrialValidation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Trial records as JSON text, in the seed-data shape. A trial is stored as its document with {@code results} left
 * empty (in place, so the key order survives) and one document per result; put together again they are the
 * record as written, numbers as written.
 */
public final class TrialDocuments {
    private static final String RESULTS = "results";

    private TrialDocuments() {
    }

    /** The trial's document without its results. */
    public static String trialPart(JsonNode trial) {
        ObjectNode copy = trial.deepCopy();
        copy.putArray(RESULTS);
        return compact(copy);
    }

    /** The documents of the trial's results, in order. */
    public static List<JsonNode> results(JsonNode trial) {
        List<JsonNode> results = new ArrayList<>();
        trial.path(RESULTS).forEach(results::add);
        return results;
    }

    /** The whole record: the trial's document with these result documents in place. */
    public static ObjectNode whole(String trialPart, List<String> resultDocuments) {
        ObjectNode trial = (ObjectNode) parse(trialPart);
        ArrayNode results = trial.putArray(RESULTS);
        resultDocuments.forEach(result -> results.add(parse(result)));
        return trial;
    }

    public static JsonNode parse(String document) {
        try {
            return TrialValidation.MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not JSON", e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return TrialValidation.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The layout of the files in {@code seed-data/trials} (two-space indent, {@code ": "}, {@code []} for an empty
     * list, non-ASCII as is, a final newline), so that exporting an unchanged record reproduces its file.
     */
    public static String seedFile(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject() && node.size() > 0) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                indent(depth + 1, out).append(compact(TrialValidation.MAPPER.getNodeFactory().textNode(field.getKey()))).append(": ");
                write(field.getValue(), depth + 1, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            indent(depth, out).append('}');
        } else if (node.isArray() && node.size() > 0) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, out);
                write(node.get(i), depth + 1, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            indent(depth, out).append(']');
        } else if (node.isBigDecimal()) {
            out.append(node.decimalValue().toPlainString());
        } else {
            out.append(compact(node));
        }
    }

    private static StringBuilder indent(int depth, StringBuilder out) {
        return out.append("  ".repeat(depth));
    }
}
