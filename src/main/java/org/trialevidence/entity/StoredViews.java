package org.trialevidence.entity;

/**
 * The JSON a result is served as, which a large dataset stores in the result's row ({@link Result#viewJson}) so that
 * pages are read from the database; the results feature makes it. Seeding stores it with the row it writes, so that
 * the first build of the read model finds every view stored instead of writing each row a second time.
 */
public interface StoredViews {
    String jsonOf(Result result);
}
