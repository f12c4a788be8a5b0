package org.trialevidence.entity;

/**
 * What the read models learn from seeding: the trials it writes, as they are written, so that the first models of a
 * seeded database are made from them instead of read back from the database after (at 100,000 trials that read took
 * longer than a minute and a half). The read models implement it; seeding calls it.
 */
public interface SeededTrials {
    /** A seeding of this many results begins: what an earlier one collected is dropped. */
    void begin(int resultCount);

    /**
     * A trial seeding writes, with its results in their order and the versions stored: the read models make their
     * rows of it. Called on several threads at once.
     */
    void written(Trial trial);

    /**
     * A trial seeding is about to insert, after {@link #written} (the same trial, or the same file made into a trial
     * again): a result whose pages are read from the database gets the view the results model makes of it in
     * {@link Result#viewJson}, and is inserted with it. Called on several threads at once.
     */
    void storing(Trial trial);

    /**
     * Every trial is made into the models' rows, and the database is marked seeded at this version (committed) or is
     * being written behind them: the models are installed.
     */
    void seeded(String version);
}
