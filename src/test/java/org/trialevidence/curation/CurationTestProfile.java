package org.trialevidence.curation;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tests that write get a service of their own: the database is cleaned and seeded again when it starts, and again
 * for the read-only tests that run after them, so no write leaks into another test class.
 */
public class CurationTestProfile implements QuarkusTestProfile {
}
