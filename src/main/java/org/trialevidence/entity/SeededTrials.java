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
     * A trial seeding writes, with its results in their order and the versions stored, before it is inserted: a result
     * whose pages are read from the database gets the view the results model makes of it in {@link Result#viewJson},
     * and is inserted with it (the view is made once). Called on several threads at once.
     */
    void written(Trial trial);

    /** Every trial is written and the database is marked seeded at this version (committed): the models are installed. */
    void seeded(String version);
}
