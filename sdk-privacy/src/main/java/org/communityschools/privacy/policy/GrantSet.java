package org.communityschools.privacy.policy;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.DataCategory;
import org.communityschools.privacy.FieldPath;
import org.jspecify.annotations.Nullable;

/**
 * The grants of a {@link Decision}, sorted by field then by precedence of legal basis (stable: rule order among
 * equals), with what a record view asks of them per call answered without building anything: the permitted fields
 * (a sorted set over an array), each field's grants (a view of the sorted list, found by binary search) and first
 * grant, the permitted categories. Decisions
 * with the same grants share one (the engine keeps those it made, see {@link PolicyIndex#grantSet}). Immutable and
 * thread-safe.
 */
final class GrantSet {
    static final GrantSet EMPTY = new GrantSet(List.of(), new FieldPath[0], new int[] {0});

    final List<Grant> grants;
    /** The distinct permitted fields, sorted. */
    private final FieldPath[] fields;
    /** The grants of {@code fields[i]} are {@code grants[starts[i], starts[i + 1])}. */
    private final List<Grant>[] byField;
    /** The first grant of {@code fields[i]}, as {@link Decision#grant} returns it. */
    private final Optional<Grant>[] firstGrant;
    /** The categories with a permitted field, in enum order, unmodifiable. */
    final Set<DataCategory> categories;
    final Set<FieldPath> permitted;
    /** The permitted fields, sorted, as an unmodifiable list. */
    final List<FieldPath> fieldList;
    /** Whether every grant has the first one's basis, agreement and consent (one disclosure entry then names them all). */
    final boolean oneAuthority;
    /** The explanation's last line, "Permitted: [...].", made when first asked. */
    private volatile @Nullable String permittedLine;

    @SuppressWarnings("unchecked")
    private GrantSet(List<Grant> grants, FieldPath[] fields, int[] starts) {
        this.grants = grants;
        this.fields = fields;
        this.byField = new List[fields.length];
        this.firstGrant = new Optional[fields.length];
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (int i = 0; i < fields.length; i++) {
            byField[i] = grants.subList(starts[i], starts[i + 1]);
            firstGrant[i] = Optional.of(byField[i].get(0));
        }
        for (Grant g : grants) {
            categories.add(g.category());
        }
        this.categories = Collections.unmodifiableSet(categories);
        this.permitted = fields.length == 0 ? Set.of() : new Fields(fields);
        this.fieldList = List.of(fields);
        boolean one = true;
        for (int i = 1; i < grants.size() && one; i++) {
            Grant a = grants.get(0);
            Grant b = grants.get(i);
            one = a.basis() == b.basis() && a.agreement().equals(b.agreement()) && a.consent().equals(b.consent());
        }
        this.oneAuthority = one;
    }

    /** {@return "Permitted: [" and the granted fields in order (a field once per grant), then "]."} */
    String permittedLine() {
        String known = permittedLine;
        if (known == null) {
            StringBuilder b = new StringBuilder("Permitted: [");
            for (int j = 0; j < grants.size(); j++) {
                if (j > 0) {
                    b.append(", ");
                }
                b.append(grants.get(j).field().value());
            }
            known = b.append("].").toString();
            permittedLine = known;
        }
        return known;
    }

    /**
     * The grants {@code grants}, sorted (they are not re-sorted when already in order); checks that a rule grants a
     * field at most once.
     */
    static GrantSet of(List<Grant> grants) {
        if (grants.isEmpty()) {
            return EMPTY;
        }
        List<Grant> sorted = sorted(grants);
        List<FieldPath> fields = new ArrayList<>(sorted.size());
        int[] starts = new int[sorted.size() + 1];
        for (int from = 0; from < sorted.size(); ) {
            FieldPath field = sorted.get(from).field();
            int to = from + 1;
            while (to < sorted.size() && sorted.get(to).field().equals(field)) {
                Grant g = sorted.get(to);
                for (int i = from; i < to; i++) {
                    if (sorted.get(i).ruleId().equals(g.ruleId())) {
                        throw new IllegalArgumentException("a field is granted at most once by a rule, twice: " + field
                                + " by " + g.ruleId());
                    }
                }
                to++;
            }
            starts[fields.size()] = from;
            fields.add(field);
            from = to;
        }
        starts[fields.size()] = sorted.size();
        return new GrantSet(sorted, fields.toArray(new FieldPath[0]), Arrays.copyOf(starts, fields.size() + 1));
    }

    /** Sorted by field, then by basis precedence (stable: rule order among equals); not re-sorted when in order. */
    private static List<Grant> sorted(List<Grant> grants) {
        List<Grant> copy = List.copyOf(grants);
        for (int i = 1; i < copy.size(); i++) {
            if (compare(copy.get(i - 1), copy.get(i)) > 0) {
                List<Grant> out = new ArrayList<>(copy);
                out.sort(GrantSet::compare);
                return List.copyOf(out);
            }
        }
        return copy;
    }

    static int compare(Grant x, Grant y) {
        int c = x.field().compareTo(y.field());
        return c != 0 ? c : Integer.compare(x.basis().ordinal(), y.basis().ordinal());
    }

    /** {@return the number of permitted fields} */
    int fieldCount() {
        return fields.length;
    }

    /** {@return the permitted field at {@code i}, in path order} */
    FieldPath field(int i) {
        return fields[i];
    }

    /** {@return the grants of the permitted field at {@code i}, by precedence} */
    List<Grant> grantsAt(int i) {
        return byField[i];
    }

    /** {@return the grant of {@code field} with the broadest basis, empty when it is not permitted} */
    Optional<Grant> firstGrantOf(FieldPath field) {
        int i = indexOf(fields, field);
        return i < 0 ? Optional.empty() : firstGrant[i];
    }

    /** {@return the grants of {@code field}, by precedence, or null when it is not permitted} */
    @Nullable List<Grant> grantsOf(FieldPath field) {
        int i = indexOf(fields, field);
        return i < 0 ? null : byField[i];
    }

    private static int indexOf(FieldPath[] fields, Object o) {
        return o instanceof FieldPath f ? Arrays.binarySearch(fields, f) : -1;
    }

    /** The permitted fields: a sorted, unmodifiable set over the array. */
    private static final class Fields extends AbstractSet<FieldPath> {
        private final FieldPath[] fields;

        Fields(FieldPath[] fields) {
            this.fields = fields;
        }

        @Override
        public Iterator<FieldPath> iterator() {
            // Arrays.asList's iterator cannot remove
            return Arrays.asList(fields).iterator();
        }

        @Override
        public int size() {
            return fields.length;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(fields, o) >= 0;
        }
    }
}
