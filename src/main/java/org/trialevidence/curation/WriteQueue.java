package org.trialevidence.curation;

import jakarta.persistence.LockTimeoutException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The writes of this replica, let through one at a time in the order they arrived. Writes serialise on the dataset row
 * anyway, but H2 hands a freed row lock to whichever waiter retries first: with eight curators the slowest write
 * waited 1.0-1.5 s, the time of twenty or thirty writes (docs/benchmarks.md). In front of the row lock, a fair lock
 * bounds a write's wait by the writes already queued. A write that is not let through in time fails as one that waited too long for the row.
 */
final class WriteQueue {
    private final ReentrantLock turn = new ReentrantLock(true);

    /** Runs the write once every write queued before it is done; throws {@link LockTimeoutException} after {@code patience}. */
    <T> T inTurn(Duration patience, Supplier<T> write) {
        boolean entered;
        try {
            // tryLock with a timeout, unlike tryLock(), keeps the lock's fairness: no write overtakes a queued one.
            entered = turn.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while other writes held the dataset");
        }
        if (!entered) {
            throw new LockTimeoutException("other writes held the dataset for longer than " + patience.toMillis() + " ms");
        }
        try {
            return write.get();
        } finally {
            turn.unlock();
        }
    }

    /** How many writes wait for their turn (tests ask it). */
    int queuedWrites() {
        return turn.getQueueLength();
    }
}
