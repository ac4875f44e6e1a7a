package org.communityschools.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedValues}, the bounded store of values that requests share: for any sequence of keys, what it gives back
 * for a key equals a value made for that key (here its text, made afresh as a new string each time), it never holds
 * more than its limit, and after being emptied (by its limit or by {@link SharedValues#clear}) it gives equal values.
 */
class SharedValuesProperties {
    @Provide
    Arbitrary<List<Integer>> keys() {
        return Arbitraries.integers().between(0, 40).list().ofMaxSize(200);
    }

    @Property(tries = 500)
    void givesBackAValueMadeForAnEqualKeyAndStaysBounded(@ForAll("keys") List<Integer> keys,
                                                         @ForAll @IntRange(min = 1, max = 30) int limit) {
        SharedValues<Integer, String> store = new SharedValues<>(limit);
        Map<Integer, String> first = new HashMap<>();
        int forgotten = 0;
        for (Integer k : keys) {
            // a key equal to k, not the same object: the store compares by value
            Integer key = Integer.valueOf(k.intValue() + 1000) - 1000;
            String known = store.get(key);
            String value = known != null ? known : store.keep(key, new String("value " + k));
            assertThat(value).isEqualTo("value " + k);
            assertThat(store.size()).isBetween(1, limit);
            if (known == null && first.containsKey(k)) {
                forgotten++;
            }
            first.putIfAbsent(k, value);
        }
        store.clear();
        assertThat(store.size()).isZero();
        for (Integer k : first.keySet()) {
            assertThat(store.get(k)).isNull();
            assertThat(store.keep(k, "value " + k)).isEqualTo(first.get(k));
        }
        Statistics.label("forgotten and made again").collect(forgotten > 0);
    }

    @Test
    void keepsTheValueKeptFirst() {
        SharedValues<String, String> store = new SharedValues<>(4);
        String a = new String("a");
        assertThat(store.keep("k", a)).isSameAs(a);
        assertThat(store.keep("k", new String("a"))).isSameAs(a);
        assertThat(store.get("k")).isSameAs(a);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new SharedValues<String, String>(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
