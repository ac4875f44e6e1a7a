package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Grouped#matching}, which builds no list when a single item passes (a student's enrollment on a day, a staff
 * member's assignment), returns what filtering the group returns: the passing items in order, unmodifiable, for flat
 * groups and for groups replaced by a later version.
 */
class GroupedMatchingProperties {
    @Property(tries = 500)
    void matchingIsTheGroupFiltered(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 99) Integer> items,
                                    @ForAll @IntRange(min = 0, max = 4) int key, @ForAll @IntRange(min = 0, max = 99) int atLeast,
                                    @ForAll boolean replaced) {
        // items grouped by their value modulo 5, each group in value order
        Grouped<Integer> groups = Grouped.of(items, 5, i -> i % 5, Comparator.naturalOrder());
        if (replaced) {
            groups = groups.withGroup(key, groups.get(key).stream().filter(i -> i % 2 == 0).toList());
        }
        List<Integer> expected = groups.get(key).stream().filter(i -> i >= atLeast).toList();
        List<Integer> actual = groups.matching(key, (i, v) -> i >= v, atLeast);
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> actual.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
