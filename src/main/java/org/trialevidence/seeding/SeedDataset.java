package org.trialevidence.seeding;

import java.util.List;

/** A validated seed-data directory: every trial, the registered reviews, and a content hash as dataset version. */
public record SeedDataset(String version, List<RegisteredSource> sources, List<TrialSeed> trials) { }
