package org.trialevidence.seeding;

/** A review listed in {@code seed-data/sources.json}: the file under ../shared/seeds and how to cite it. */
public record RegisteredSource(String document, String title, String citation) { }
