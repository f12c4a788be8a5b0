package org.trialevidence.seeding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the source reviews with whitespace (Unicode's: no-break and thin spaces too) collapsed, so that an excerpt copied from a table (cells split by
 * tabs and line breaks) is found when written with single spaces. Absent when the reviews are not beside the repo.
 */
public final class ReviewTexts {
    /** Enough for every excerpt of a dataset many times the curated one; beyond it excerpts are searched each time. */
    private static final int REMEMBERED_EXCERPTS = 20_000;

    private final Map<String, String> collapsedByDocument = new HashMap<>();
    /**
     * Excerpts found, by document and the text they were found in, shared with the copies {@link #with} makes: a
     * write validates its whole trial, and searching each excerpt in its review again was a quarter of a write's time.
     */
    private final Map<String, Found> foundByDocument;

    private record Found(String text, Set<String> excerpts) { }

    private ReviewTexts(Map<String, Found> foundByDocument) {
        this.foundByDocument = foundByDocument;
    }

    public static Optional<ReviewTexts> load(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        ReviewTexts texts = new ReviewTexts(new ConcurrentHashMap<>());
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
        ReviewTexts more = new ReviewTexts(foundByDocument);
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
        if (text == null) {
            return false;
        }
        Found known = foundByDocument.get(document);
        // The texts of review files are the same instance in every copy; a registered source is collapsed anew.
        if (known == null || (known.text() != text && !known.text().equals(text))) {
            known = new Found(text, ConcurrentHashMap.newKeySet());
            foundByDocument.put(document, known);
        }
        Set<String> found = known.excerpts();
        if (found.contains(excerpt)) {
            return true;
        }
        boolean contained = text.contains(collapse(excerpt));
        if (contained && found.size() < REMEMBERED_EXCERPTS) {
            found.add(excerpt);
        }
        return contained;
    }
}
