package org.trialevidence.seeding;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules at the edges of printable ASCII, which a record's check passes without looking further: every character
 * just outside it (DEL, C1 controls, NUL, a format character) is still refused, wherever the record holds it.
 */
class TextRulesTest {
    private static List<SeedViolation> check(String text) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("title", "plain ~ printable text");
        document.putArray("notes").add("another").add(text);
        List<SeedViolation> violations = new ArrayList<>();
        TextRules.check("t.json", document, violations);
        return violations;
    }

    @Test
    void printableAsciiTabsAndLineBreaksPass() {
        assertEquals(List.of(), check(" !\"#$%&'()*+,-./0-9:;<=>?@A-Z[\\]^_`a-z{|}~\ttab\nline\r\n"));
    }

    @Test
    void theCharactersJustOutsidePrintableAsciiAreRefused() {
        for (String refused : List.of("\u007F", "\u0000", "\u001F", "\u0085", "\u200B", "\uFEFF")) {
            List<SeedViolation> violations = check("before" + refused + "after");
            assertEquals(1, violations.size(), "U+" + Integer.toHexString(refused.charAt(0)));
            assertEquals("$.notes[1]", violations.get(0).path());
        }
    }

    @Test
    void otherTextIsStillCheckedForNfc() {
        List<SeedViolation> violations = check("Astra\u0301Zeneca");
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).message().contains("NFC"), violations.get(0).message());
        assertEquals(List.of(), check("AstraZéneca – 0.44 ≤ 0.60"));
    }
}
