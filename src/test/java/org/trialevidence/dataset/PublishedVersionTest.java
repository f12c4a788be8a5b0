package org.trialevidence.dataset;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The version readers are told moves forward only within a seeding: the read models' watch may publish a version it
 * read before a write on this replica published the next one, and readers told the older version would confirm the
 * ETag of numbers that write changed (304). Another seeding's version always replaces it.
 */
class PublishedVersionTest {
    @Test
    void anEarlierRevisionDoesNotReplaceALaterOne() {
        DatasetService dataset = new DatasetService();
        dataset.changedTo("abc123.5");
        dataset.changedTo("abc123.6");
        dataset.changedTo("abc123.5");
        assertEquals("abc123.6", dataset.lastKnownVersion());
        assertEquals("abc123.6", dataset.recentVersion().orElseThrow());
        dataset.changedTo("abc123.7");
        assertEquals("abc123.7", dataset.lastKnownVersion());
    }

    @Test
    void anotherSeedingReplacesWhateverRevisionWasKnown() {
        DatasetService dataset = new DatasetService();
        dataset.changedTo("abc123.9");
        dataset.changedTo("def456");
        assertEquals("def456", dataset.lastKnownVersion());
        dataset.changedTo("abc123.2");
        assertEquals("abc123.2", dataset.lastKnownVersion());
    }
}
