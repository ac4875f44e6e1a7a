package org.communityschools.core.internal.index;

import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable sorted set computed the first time it is read. Thread-safe (computing twice under a race gives
 * equal sets).
 *
 * @param <E> the element type
 */
public final class LazySortedSet<E> extends AbstractSet<E> implements SortedSet<E> {
    /** Dropped once the set is computed, so that what it captured can be collected. */
    private volatile @Nullable Supplier<SortedSet<E>> supplier;
    private volatile @Nullable SortedSet<E> set;

    /** A set computed by {@code supplier} (which returns an unmodifiable set). */
    public LazySortedSet(Supplier<SortedSet<E>> supplier) {
        this.supplier = supplier;
    }

    private SortedSet<E> set() {
        SortedSet<E> s = set;
        if (s == null) {
            Supplier<SortedSet<E>> from = supplier;
            if (from == null) {
                return set;
            }
            s = from.get();
            set = s;
            supplier = null;
        }
        return s;
    }

    @Override
    public Iterator<E> iterator() {
        return set().iterator();
    }

    @Override
    public int size() {
        return set().size();
    }

    @Override
    public @Nullable Comparator<? super E> comparator() {
        return set().comparator();
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        return set().subSet(fromElement, toElement);
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        return set().headSet(toElement);
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        return set().tailSet(fromElement);
    }

    @Override
    public E first() {
        return set().first();
    }

    @Override
    public E last() {
        return set().last();
    }
}
