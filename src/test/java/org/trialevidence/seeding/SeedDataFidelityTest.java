package org.trialevidence.seeding;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed seed-data against the reviews it quotes: every excerpt is found in its review (whitespace collapsed)
 * and every served number is printed in one of its excerpts or served by an explicit correction.
 */
class SeedDataFidelityTest {

    static Path seedDirectory() {
        return Path.of(System.getProperty("evidence.seed-dir", "seed-data"));
    }

    static Path reviewsDirectory() {
        return Path.of(System.getProperty("evidence.reviews-dir", "../shared/seeds"));
    }

    @Test
    void everyExcerptIsInItsReviewAndEveryNumberInItsExcerpt() {
        Path reviews = reviewsDirectory();
        boolean present = Files.isDirectory(reviews);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must check source fidelity, but the reviews are missing at " + reviews.toAbsolutePath());
        }
        Assumptions.assumeTrue(present, "SKIPPED: source reviews not found at " + reviews.toAbsolutePath()
                + "; source fidelity is not checked (put ../shared/seeds beside the repo)");

        Optional<ReviewTexts> texts = ReviewTexts.load(reviews);
        SeedDataset dataset = new SeedDataReader().read(seedDirectory(), texts);

        assertFalse(dataset.trials().isEmpty(), "no trials were read");
        for (RegisteredSource source : dataset.sources()) {
            assertTrue(texts.orElseThrow().has(source.document()), "registered review missing: " + source.document());
        }
    }
}
