package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link IntTrie#withAll} is the same map as one {@link IntTrie#with} per entry, and leaves the original unchanged. */
class IntTrieProperties {
    @Property(tries = 300)
    void withAllEqualsOneWithPerEntry(@ForAll("entries") List<Map.Entry<Integer, String>> start,
                                      @ForAll("entries") List<Map.Entry<Integer, String>> changes) {
        IntTrie<String> base = IntTrie.empty();
        for (Map.Entry<Integer, String> e : start) {
            base = base.with(e.getKey(), e.getValue());
        }
        Map<Integer, String> before = contents(base);
        Map<Integer, String> batch = new LinkedHashMap<>();
        IntTrie<String> oneByOne = base;
        for (Map.Entry<Integer, String> e : changes) {
            String value = e.getValue().equals("-") ? null : e.getValue();
            batch.put(e.getKey(), value);
        }
        for (Map.Entry<Integer, String> e : batch.entrySet()) {
            oneByOne = oneByOne.with(e.getKey(), e.getValue());
        }
        IntTrie<String> bulk = base.withAll(batch);
        assertThat(contents(bulk)).isEqualTo(contents(oneByOne));
        assertThat(bulk.size()).isEqualTo(oneByOne.size()).isEqualTo(contents(oneByOne).size());
        for (int key : batch.keySet()) {
            assertThat(bulk.get(key)).isEqualTo(oneByOne.get(key));
        }
        assertThat(contents(base)).isEqualTo(before);
    }

    @Property(tries = 50)
    void removingEverythingLeavesTheEmptyMap(@ForAll("entries") List<Map.Entry<Integer, String>> start) {
        IntTrie<String> base = IntTrie.empty();
        Map<Integer, String> removals = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : start) {
            base = base.with(e.getKey(), e.getValue());
            removals.put(e.getKey(), null);
        }
        IntTrie<String> none = base.withAll(removals);
        assertThat(none.size()).isZero();
        assertThat(contents(none)).isEmpty();
    }

    @Provide
    Arbitrary<List<Map.Entry<Integer, String>>> entries() {
        Arbitrary<Integer> keys = Arbitraries.oneOf(Arbitraries.integers().between(0, 70),
                Arbitraries.integers().between(0, Integer.MAX_VALUE));
        return Combinators.combine(keys, Arbitraries.of("a", "b", "c", "-"))
                .as((k, v) -> Map.entry(k, v.equals("-") && Math.floorMod(k, 3) == 0 ? "-" : v.equals("-") ? "d" : v))
                .list().ofMaxSize(40);
    }

    private static Map<Integer, String> contents(IntTrie<String> trie) {
        Map<Integer, String> out = new TreeMap<>();
        trie.forEach((k, v) -> out.put(k, v));
        return out;
    }
}
