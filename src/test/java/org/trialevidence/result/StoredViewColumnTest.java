package org.trialevidence.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.trialevidence.entity.Result;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Storing a result's view (after a read model's build or patch) runs beside writes and takes no lock: it must write
 * the view's column only, never the rest of the row as it read it, or a write that committed meanwhile is undone
 * in the query tables while its record says otherwise.
 */
@QuarkusTest
class StoredViewColumnTest {
    private static final String ID = "serena-6-pfs-itt";

    @Inject
    EntityManager entityManager;

    @Test
    void storingAViewLeavesAWriteThatCommittedMeanwhile() throws Exception {
        BigDecimal seeded = estimate();
        String storedView = QuarkusTransaction.requiringNew().call(() -> entityManager.find(Result.class, ID).viewJson);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Void> storing = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Result result = entityManager.createQuery("select r from Result r join fetch r.trial where r.id = :id", Result.class)
                    .setParameter("id", ID).getSingleResult();
            read.countDown();
            await(written);
            result.viewJson = result.viewJson == null ? "{}" : result.viewJson + " ";
        }));
        try {
            assertTrue(read.await(30, TimeUnit.SECONDS));
            QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Result r set r.estimate = :estimate where r.id = :id")
                    .setParameter("estimate", new BigDecimal("0.99")).setParameter("id", ID).executeUpdate());
            written.countDown();
            storing.get(30, TimeUnit.SECONDS);
            assertEquals(0, new BigDecimal("0.99").compareTo(estimate()), "the write that committed while the view was stored stays");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Result r set r.estimate = :estimate, r.viewJson = :view where r.id = :id")
                    .setParameter("estimate", seeded).setParameter("view", storedView).setParameter("id", ID).executeUpdate());
        }
    }

    private BigDecimal estimate() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("select r.estimate from Result r where r.id = :id", BigDecimal.class)
                .setParameter("id", ID).getSingleResult());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
