package org.trialevidence.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The controlled vocabularies; {@code pathName} is how the API and the resource files name them. */
public enum VocabularyKind {
    SETTINGS("settings", "settings.json"),
    BIOMARKERS("biomarkers", "biomarkers.json"),
    ENDPOINTS("endpoints", "endpoints.json"),
    DRUG_CLASSES("drugClasses", "drug-classes.json"),
    DRUGS("drugs", "drugs.json");

    public final String pathName;
    final String resourceFile;

    VocabularyKind(String pathName, String resourceFile) {
        this.pathName = pathName;
        this.resourceFile = resourceFile;
    }

    public static Optional<VocabularyKind> fromPathName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.pathName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
