package org.communityschools.core.internal.index;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A file's records in order in a version made by changes, kept as the base version's list plus the changes: the
 * records of the base whose key was changed (replaced in place, or removed) and the records added since, in the order
 * they were added. Making a version costs the size of the change; the list is materialized (in time proportional to
 * the file) the first time it is read, once per version. Immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class LayeredList<T> extends AbstractList<T> implements RandomAccess {
    private static final Object REMOVED = new Object();

    private final List<T> base;
    private final Function<Object, Object> keyOf;
    private final HashTrie<Object, Object> changedBase;
    private final IntTrie<Object> added;
    private final HashTrie<Object, Integer> addedSeq;
    private final int nextSeq;
    private volatile @Nullable List<T> materialized;

    private LayeredList(List<T> base, Function<Object, Object> keyOf, HashTrie<Object, Object> changedBase,
                        IntTrie<Object> added, HashTrie<Object, Integer> addedSeq, int nextSeq) {
        this.base = base;
        this.keyOf = keyOf;
        this.changedBase = changedBase;
        this.added = added;
        this.addedSeq = addedSeq;
        this.nextSeq = nextSeq;
    }

    /** {@code list} as the base of later versions (or itself when it already is a layered list). */
    @SuppressWarnings("unchecked")
    public static <T> LayeredList<T> over(List<T> list, Function<Object, Object> keyOf) {
        if (list instanceof LayeredList<?> l) {
            return (LayeredList<T>) l;
        }
        return new LayeredList<>(list, keyOf, HashTrie.empty(), IntTrie.empty(), HashTrie.empty(), 0);
    }

    /**
     * The next version: {@code record} (null to remove) for {@code key}. {@code existsNow} says whether this version
     * has a record with the key: a replaced record keeps its place; a new one, or one removed before, goes last.
     */
    public LayeredList<T> with(Object key, @Nullable T record, boolean existsNow) {
        Integer seq = addedSeq.get(key);
        if (seq != null) {
            return record == null
                    ? new LayeredList<>(base, keyOf, changedBase, added.with(seq, null), addedSeq.with(key, null), nextSeq)
                    : new LayeredList<>(base, keyOf, changedBase, added.with(seq, record), addedSeq, nextSeq);
        }
        if (existsNow) {
            return new LayeredList<>(base, keyOf, changedBase.with(key, record == null ? REMOVED : record), added,
                    addedSeq, nextSeq);
        }
        if (record == null) {
            return this;
        }
        return new LayeredList<>(base, keyOf, changedBase, added.with(nextSeq, record), addedSeq.with(key, nextSeq),
                nextSeq + 1);
    }

    @SuppressWarnings("unchecked")
    private List<T> list() {
        List<T> m = materialized;
        if (m == null) {
            List<T> out = new ArrayList<>(base.size() + added.size());
            Set<Object> placed = new HashSet<>();
            for (T r : base) {
                if (changedBase.size() == 0) {
                    out.add(r);
                    continue;
                }
                Object k = keyOf.apply(r);
                Object v = changedBase.get(k);
                if (v == null) {
                    out.add(r);
                } else if (v != REMOVED && placed.add(k)) {
                    out.add((T) v);
                }
            }
            added.forEach((s, r) -> out.add((T) r));
            m = Collections.unmodifiableList(out);
            materialized = m;
        }
        return m;
    }

    @Override
    public T get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}
