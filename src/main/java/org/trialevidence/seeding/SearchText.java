package org.trialevidence.seeding;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The free text the trial filter ({@code q}) searches: acronym, title, population, sponsor, design notes and
 * aliases, lower-cased. Built here so that validation can refuse a record whose text would not fit the column
 * that keeps it.
 */
public final class SearchText {
    /** The length of the {@code trial.searchText} column. */
    public static final int MAX_LENGTH = 8000;

    private SearchText() {
    }

    public static String of(TrialSeed seed) {
        return Stream.concat(Stream.of(seed.acronym(), seed.title(), seed.population(), seed.sponsor(), seed.designNotes()), seed.aliases().stream())
                .filter(Objects::nonNull).map(text -> text.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" | "));
    }
}
