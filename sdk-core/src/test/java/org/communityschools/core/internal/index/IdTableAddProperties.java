package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link IdTable#addIfAbsent} (one probe) does what {@link IdTable#contains} then {@link IdTable#add} did: the same
 * answers for every id, the same indexes, records and lookups afterwards, across the table's growth (rehashes).
 */
class IdTableAddProperties {

    /** A table told to expect some number of records (more or fewer than added) answers as one that was not. */
    @Property(tries = 300)
    void expectingChangesNoAnswer(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 80) Integer> draws,
                                  @ForAll @IntRange(min = 0, max = 400) int expected,
                                  @ForAll @IntRange(min = 0, max = 200) int expectAfter) {
        IdTable<String, String> told = new IdTable<>(r -> r.substring(0, r.indexOf('#')));
        IdTable<String, String> plain = new IdTable<>(r -> r.substring(0, r.indexOf('#')));
        told.expect(expected);
        for (int i = 0; i < draws.size(); i++) {
            if (i == expectAfter) {
                told.expect(expected);
            }
            String id = "ID" + draws.get(i);
            String record = id + "#" + i;
            assertThat(told.addIfAbsent(id, record)).isEqualTo(plain.addIfAbsent(id, record));
        }
        assertThat(told.records()).isEqualTo(plain.records());
        told.trim();
        plain.trim();
        for (int k = 0; k <= 81; k++) {
            assertThat(told.indexOf("ID" + k)).isEqualTo(plain.indexOf("ID" + k));
        }
        for (int i = 0; i < told.size(); i++) {
            assertThat(told.id(i)).isEqualTo(plain.id(i));
        }
    }

    @Property(tries = 300)
    void addIfAbsentIsContainsThenAdd(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 80) Integer> draws) {
        IdTable<String, String> one = new IdTable<>(r -> r.substring(0, r.indexOf('#')));
        IdTable<String, String> two = new IdTable<>(r -> r.substring(0, r.indexOf('#')));
        List<Integer> answersOne = new ArrayList<>();
        List<Integer> answersTwo = new ArrayList<>();
        for (int i = 0; i < draws.size(); i++) {
            String id = "ID" + draws.get(i);
            String record = id + "#" + i;
            answersOne.add(one.addIfAbsent(id, record));
            answersTwo.add(two.contains(id) ? -1 : two.add(id, record));
        }
        assertThat(answersOne).isEqualTo(answersTwo);
        assertThat(one.records()).isEqualTo(two.records());
        for (int k = 0; k <= 81; k++) {
            assertThat(one.indexOf("ID" + k)).isEqualTo(two.indexOf("ID" + k));
        }
        one.trim();
        for (int i = 0; i < one.size(); i++) {
            assertThat(one.id(i)).isEqualTo(two.id(i));
        }
    }

    /** Worked example: A, B, A again (rejected, the first record kept), then C at index 2. */
    @Example
    void repeatedIdIsRefusedAndNothingAdded() {
        IdTable<String, String> t = new IdTable<>(r -> r.substring(0, 1));
        assertThat(t.addIfAbsent("A", "A1")).isEqualTo(0);
        assertThat(t.addIfAbsent("B", "B1")).isEqualTo(1);
        assertThat(t.addIfAbsent("A", "A2")).isEqualTo(-1);
        assertThat(t.addIfAbsent("C", "C1")).isEqualTo(2);
        assertThat(t.records()).containsExactly("A1", "B1", "C1");
        assertThat(t.indexOf("A")).isZero();
        t.trim();
        IdTable<String, String> v = t.with(Map.of("D", "D1"), List.of());
        assertThat(v.indexOf("D")).isEqualTo(3);
    }
}
