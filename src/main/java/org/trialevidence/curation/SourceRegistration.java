package org.trialevidence.curation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.seeding.TextRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A new source: what excerpts will cite ({@code document}), how to cite it, and its text. */
@Schema(name = "SourceRegistration")
public record SourceRegistration(
        @Schema(description = "The id excerpts cite as their document: letters, digits, '.', '_' and '-'", example = "serena-6-os-2026.txt", required = true, maxLength = 200) String document,
        @Schema(description = "Title as printed", example = "Camizestrant in emergent ESR1-mutant breast cancer: overall survival", maxLength = 255) String title,
        @Schema(description = "Full citation", example = "Author et al. Journal (2026) volume:page", required = true, maxLength = 2000) String citation,
        @Schema(description = "The text excerpts are checked against (whitespace is collapsed for matching)", required = true) String text) {

    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** The registration with its text in NFC, or a 422 naming the field at fault. */
    SourceRegistration checked() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", title);
        texts.put("citation", citation);
        texts.put("text", text);
        texts.forEach((field, value) -> TextRules.fault(value == null ? "" : value).ifPresent(fault -> {
            throw ProblemException.invalidBody(field, "The " + field + " " + fault + ".", null);
        }));
        return new SourceRegistration(document, nfc(title), nfc(citation), nfc(text)).measured();
    }

    private static String nfc(String text) {
        return text == null ? null : TextRules.nfc(text);
    }

    /** Measured in NFC, as stored. */
    private SourceRegistration measured() {
        if (document == null || !DOCUMENT.matcher(document).matches()) {
            throw ProblemException.invalidBody("document", "A source's document id is 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit.", null);
        }
        if (citation == null || citation.isBlank() || citation.length() > 2000) {
            throw ProblemException.invalidBody("citation", "A source needs a citation of at most 2000 characters.", null);
        }
        if (title != null && title.length() > 255) {
            throw ProblemException.invalidBody("title", "A title is at most 255 characters.", null);
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidBody("text", "A source needs its text: every excerpt that cites it is checked against it.", null);
        }
        return this;
    }
}
