package org.trialevidence.seeding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The strings of a JSON document: every text value, wherever it is nested. */
public final class JsonText {
    private JsonText() {
    }

    /** A copy of the document with every text value passed through {@code change}; numbers and names as they are. */
    public static JsonNode map(JsonNode node, UnaryOperator<String> change) {
        if (node.isTextual()) {
            return TextNode.valueOf(change.apply(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), map(field.getValue(), change)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(map(element, change)));
            return copy;
        }
        return node;
    }

    /** Whether some text value of the document passes {@code test}; stops at the first. */
    public static boolean anyMatch(JsonNode node, Predicate<String> test) {
        if (node.isTextual()) {
            return test.test(node.textValue());
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (anyMatch(child, test)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every text value with its JSON path as the schema validator writes it ({@code $.results[0].rawText}). */
    public static void forEach(JsonNode node, String path, BiConsumer<String, String> action) {
        if (node.isTextual()) {
            action.accept(path, node.textValue());
        } else if (node.isObject()) {
            node.properties().forEach(field -> forEach(field.getValue(), path + "." + field.getKey(), action));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEach(node.get(i), path + "[" + i + "]", action);
            }
        }
    }
}
