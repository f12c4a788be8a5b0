package org.trialevidence.seeding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of the source reviews with whitespace (Unicode's: no-break and thin spaces too) collapsed, so that an excerpt copied from a table (cells split by
 * tabs and line breaks) is found when written with single spaces. Absent when the reviews are not beside the repo.
 */
public final class ReviewTexts {
    private final Map<String, String> collapsedByDocument = new HashMap<>();

    private ReviewTexts() {
    }

    public static Optional<ReviewTexts> load(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        ReviewTexts texts = new ReviewTexts();
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".txt"))::iterator) {
                texts.collapsedByDocument.put(file.getFileName().toString(),
                        collapse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reviews in " + directory, e);
        }
        return Optional.of(texts);
    }

    /** These texts and more: sources registered through the API carry their text in the database. */
    public ReviewTexts with(Map<String, String> textsByDocument) {
        ReviewTexts more = new ReviewTexts();
        more.collapsedByDocument.putAll(collapsedByDocument);
        textsByDocument.forEach((document, text) -> more.collapsedByDocument.put(document, collapse(text)));
        return more;
    }

    public static String collapse(String text) {
        return text.replaceAll("(?U)\\s+", " ").strip();
    }

    public boolean has(String document) {
        return collapsedByDocument.containsKey(document);
    }

    public boolean contains(String document, String excerpt) {
        String text = collapsedByDocument.get(document);
        return text != null && text.contains(collapse(excerpt));
    }
}
