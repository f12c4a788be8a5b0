package org.trialevidence.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/**
 * The models seeding made when pages read the views seeding stored (a dataset of more results than
 * keep-views-up-to), against a build from the database.
 */
@QuarkusTest
@TestProfile(SeededStoredViewsReadModelsTest.StoredViews.class)
class SeededStoredViewsReadModelsTest extends SeededReadModelsCheck {
    @Override
    boolean pagesReadStoredViews() {
        return true;
    }

    public static class StoredViews implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.read-model.keep-views-up-to", "0");
        }
    }
}
