package io.trackingsystem.tracking.storage;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one thread of this process at a time store a given account's batches. Correctness never depends on it
 * (the apply script detects any concurrent change); it keeps the workers of one replica from invalidating each
 * other's reads, which for a busy account would otherwise happen on nearly every batch. Striped, so the number
 * of locks stays fixed however many accounts there are; stripes are taken in ascending order, so two threads
 * locking several accounts never deadlock.
 */
final class TenantLocks {

    private final ReentrantLock[] stripes;

    TenantLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Locks the stripes of the accounts; close the result to release them. */
    Held lock(Collection<String> accounts) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String account : accounts) {
            indexes.add(Math.floorMod(account.hashCode(), stripes.length));
        }
        for (int index : indexes) {
            stripes[index].lock();
        }
        return () -> indexes.descendingSet().forEach(index -> stripes[index].unlock());
    }

    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
