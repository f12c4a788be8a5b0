package org.trialevidence.seeding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each statistic of a trial record in the form its excerpts print it. A curator's tool that reads a record with
 * an ordinary JSON library and writes it back sends 0.6 for a printed 0.60; kept as sent, the stored record and the
 * seed-data export would lose the printed decimals although nothing changed.
 */
final class PrintedForms {
    private static final List<String> COMPARISON_FIELDS = List.of("estimate", "ciLower", "ciUpper");
    private static final List<String> ARM_FIELDS = List.of("value", "ciLower", "ciUpper");

    private PrintedForms() {
    }

    /** A copy of the record with every number of its results in its printed form (the record passed its checks). */
    static JsonNode of(JsonNode trial) {
        JsonNode copy = trial.deepCopy();
        for (JsonNode result : copy.path("results")) {
            List<BigDecimal> printed = new ArrayList<>();
            for (JsonNode correction : result.path("corrections")) {
                parse(correction.path("served").asText()).ifPresent(printed::add);
            }
            for (JsonNode source : result.path("sources")) {
                printed.addAll(NumbersInText.of(source.path("excerpt").asText()));
            }
            if (result.path("comparison") instanceof ObjectNode comparison) {
                COMPARISON_FIELDS.forEach(field -> restore(comparison, field, printed));
            }
            for (JsonNode arm : result.path("arms")) {
                if (arm instanceof ObjectNode value) {
                    ARM_FIELDS.forEach(field -> restore(value, field, printed));
                }
            }
        }
        return copy;
    }

    private static void restore(ObjectNode holder, String field, List<BigDecimal> printed) {
        JsonNode number = holder.get(field);
        if (number == null || !number.isNumber()) {
            return;
        }
        BigDecimal value = number.decimalValue();
        printed.stream().filter(candidate -> candidate.compareTo(value) == 0).findFirst()
                .ifPresent(form -> holder.set(field, DecimalNode.valueOf(form)));
    }

    private static java.util.Optional<BigDecimal> parse(String text) {
        try {
            return java.util.Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
