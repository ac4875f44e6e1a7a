package org.communityschools.metrics.internal;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list whose elements are built from columns when first read, then kept: how a batch report offers
 * every student-enrollment and student-year without building a record for each when only its aggregates are read.
 * The builder must be a pure function of the index (the same element, equal, every time it is asked) and never
 * return null. The public report records keep an instance of this class as it is instead of copying it.
 * Thread-safe (two threads may build the same element; the first one published is kept).
 *
 * @param <T> the element type
 */
public final class OnDemandList<T> extends AbstractList<T> implements RandomAccess {
    private final int size;
    private final IntFunction<? extends T> build;
    private volatile @Nullable AtomicReferenceArray<@Nullable T> built;

    /** A list of {@code size} elements, element {@code i} being {@code build.apply(i)}. */
    public OnDemandList(int size, IntFunction<? extends T> build) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        this.size = size;
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public T get(int index) {
        Objects.checkIndex(index, size);
        AtomicReferenceArray<@Nullable T> b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = new AtomicReferenceArray<>(size);
                    built = b;
                }
            }
        }
        T t = b.get(index);
        if (t == null) {
            b.compareAndSet(index, null, Objects.requireNonNull(build.apply(index), "built element"));
            t = b.get(index);
        }
        return t;
    }

    @Override
    public int size() {
        return size;
    }
}
