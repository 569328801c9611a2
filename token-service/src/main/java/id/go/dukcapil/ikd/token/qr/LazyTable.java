package id.go.dukcapil.ikd.token.qr;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Immutable data built on first use for a small index (a QR version, a number of error correction
 * codewords), then only read. Two threads may build the same entry at once; the first one stored
 * wins and both use it, so no lock is needed.
 */
final class LazyTable<T> {

    private final AtomicReferenceArray<T> entries;
    private final IntFunction<T> build;

    LazyTable(int size, IntFunction<T> build) {
        this.entries = new AtomicReferenceArray<>(size);
        this.build = build;
    }

    T get(int index) {
        T entry = entries.get(index);
        if (entry == null) {
            entries.compareAndSet(index, null, build.apply(index));
            entry = entries.get(index);
        }
        return entry;
    }
}
