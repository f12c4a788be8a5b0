package org.trialevidence.dataset;

/** Fired (synchronously) when the database holds a new dataset version: the in-memory read models are brought up to it before it returns. */
public record DatasetChanged(String version) { }
