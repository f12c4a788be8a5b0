package org.trialevidence.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.entity.Trial;
import org.trialevidence.store.RecordStore;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The record store of {@link StoreBehindTest}: seeding's inserts wait until the test releases them, so that the test
 * sees the service while the database does not hold the dataset yet.
 */
@Alternative
@ApplicationScoped
public class HeldRecordStore extends RecordStore {
    private static final CountDownLatch RELEASED = new CountDownLatch(1);

    static void release() {
        RELEASED.countDown();
    }

    @Override
    public void insertSeeded(TrialValidation.Checked checked, Trial trial, String actor, Instant at) {
        try {
            if (!RELEASED.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released seeding's inserts");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        super.insertSeeded(checked, trial, actor, at);
    }
}
