package org.trialevidence.seeding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

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
}
