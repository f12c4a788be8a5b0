package org.trialevidence.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The models seeding made of the real dataset, which keep every view in memory, against a build from the database. */
@QuarkusTest
@TestProfile(SeededReadModelsTest.ServiceOfItsOwn.class)
class SeededReadModelsTest extends SeededReadModelsCheck {
    @Override
    boolean pagesReadStoredViews() {
        return false;
    }

    public static class ServiceOfItsOwn implements QuarkusTestProfile {
    }
}
