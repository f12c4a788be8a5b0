package org.trialevidence.seeding;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What text the service keeps: Unicode NFC, without characters that hide or disguise what a reader sees. Refused are
 * control characters other than tab, line feed and carriage return (a NUL, which PostgreSQL cannot store either),
 * format characters (zero-width spaces and joiners, bidi overrides and isolates, the BOM), unpaired surrogates,
 * private-use and unassigned code points. Writes are normalized to NFC on the way in; seed-data must already be
 * (the export reproduces it byte for byte).
 */
public final class TextRules {
    private TextRules() {
    }

    /** Why the text is refused, naming the first offending character; empty when it is acceptable. */
    public static Optional<String> fault(String text) {
        OptionalInt refused = text.codePoints().filter(TextRules::refused).findFirst();
        return refused.isEmpty() ? Optional.empty() : Optional.of("contains " + describe(refused.getAsInt())
                + "; control characters (other than tab and line breaks), format and bidi characters, unpaired surrogates, "
                + "private-use and unassigned code points are not accepted");
    }

    public static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The document with every text value in NFC. */
    public static JsonNode nfc(JsonNode document) {
        return JsonText.map(document, TextRules::nfc);
    }

    /**
     * Adds a violation for every text value of the document that breaks a rule. Printable ASCII breaks none (and is
     * in NFC): a record of it alone is not walked with paths, and such a text is not looked at again.
     */
    static void check(String file, JsonNode document, List<SeedViolation> violations) {
        if (!JsonText.anyMatch(document, text -> !printableAscii(text))) {
            return;
        }
        JsonText.forEach(document, "$", (path, text) -> {
            if (!printableAscii(text)) {
                fault(text).or(() -> Normalizer.isNormalized(text, Normalizer.Form.NFC)
                                ? Optional.empty() : Optional.of("is not in Unicode NFC form (write it composed, as the API stores it)"))
                        .ifPresent(message -> violations.add(new SeedViolation(file, path, message)));
            }
        });
    }

    /** Printable ASCII, tab and line breaks: characters no rule refuses, each its own NFC form. */
    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean refused(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> c != '\t' && c != '\n' && c != '\r';
            case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String describe(int c) {
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " " + name);
    }
}
