package org.trialevidence.dataset;

/** Fired (synchronously) when the database holds a new dataset version, so in-memory read models rebuild. */
public record DatasetChanged(String version) { }
