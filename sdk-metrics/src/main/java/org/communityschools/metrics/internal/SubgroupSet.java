package org.communityschools.metrics.internal;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import org.communityschools.metrics.Subgroup;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, sorted set of subgroups that the calculation shares between every enrollment and student-year of
 * one combination (sex, race/ethnicity, characteristics) instead of copying it for each. The public records keep an
 * instance of this class as it is (it cannot change) and copy any other set. Immutable, thread-safe.
 */
public final class SubgroupSet extends AbstractSet<Subgroup> implements SortedSet<Subgroup> {
    private final SortedSet<Subgroup> set;

    private SubgroupSet(SortedSet<Subgroup> set) {
        this.set = set;
    }

    /** An immutable sorted copy of {@code subgroups}. */
    public static SubgroupSet copyOf(Collection<Subgroup> subgroups) {
        return subgroups instanceof SubgroupSet s ? s : new SubgroupSet(Collections.unmodifiableSortedSet(new TreeSet<>(subgroups)));
    }

    @Override
    public Iterator<Subgroup> iterator() {
        return set.iterator();
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public boolean contains(Object o) {
        return set.contains(o);
    }

    @Override
    public @Nullable Comparator<? super Subgroup> comparator() {
        return set.comparator();
    }

    @Override
    public SortedSet<Subgroup> subSet(Subgroup fromElement, Subgroup toElement) {
        return set.subSet(fromElement, toElement);
    }

    @Override
    public SortedSet<Subgroup> headSet(Subgroup toElement) {
        return set.headSet(toElement);
    }

    @Override
    public SortedSet<Subgroup> tailSet(Subgroup fromElement) {
        return set.tailSet(fromElement);
    }

    @Override
    public Subgroup first() {
        return set.first();
    }

    @Override
    public Subgroup last() {
        return set.last();
    }
}
