package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The readers look cells up by their bytes ({@link AsciiText}): {@link IdTable#indexOfAscii},
 * {@link IdTable#canonicalAscii} and {@link TextCache#get(byte[], int, int)} find exactly what the lookups by
 * {@link String} find, for any ASCII keys and probes (present, absent, empty, prefixes of keys), wherever the probe
 * sits in a larger byte array; {@link TextCache} is a map limited to its first {@code limit} keys; a
 * {@link IdTable#hint} (right, wrong or out of range) never changes what {@link IdTable#indexOf} answers, nor the index
 * tried first ({@code near}) what {@link IdTable#indexOfAscii(byte[], int, int, int)} answers; and
 * {@link AsciiText#sameBytes}, the readers' comparison of short ranges, answers as {@link java.util.Arrays#equals}.
 */
class AsciiLookupProperties {

    @Property(tries = 300)
    void bytesHashAsTheirString(@ForAll("texts") String text) {
        byte[] b = ("," + text + ",").getBytes(StandardCharsets.US_ASCII);

        assertThat(AsciiText.hashCode(b, 1, b.length - 1)).isEqualTo(text.hashCode());
        assertThat(AsciiText.same(text, b, 1, b.length - 1)).isTrue();
    }

    @Property(tries = 1000)
    void sameBytesIsArraysEquals(@ForAll("bytes") byte[] a, @ForAll("bytes") byte[] b,
                                 @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int i,
                                 @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int j,
                                 @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int k,
                                 @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int l) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        // ranges of one array and of two, equal by construction or not, of every length around eight bytes
        int aFrom = Math.min(i, a.length);
        int aTo = Math.min(aFrom + j, a.length);
        int bFrom = Math.min(k, both.length);
        int bTo = Math.min(bFrom + l, both.length);

        assertThat(AsciiText.sameBytes(a, aFrom, aTo, both, bFrom, bTo))
                .isEqualTo(java.util.Arrays.equals(a, aFrom, aTo, both, bFrom, bTo));
        assertThat(AsciiText.sameBytes(a, aFrom, aTo, both, aFrom, aTo)).isTrue();
        assertThat(AsciiText.sameBytes(both, a.length, both.length, b, 0, b.length)).isTrue();
    }

    /** Arrays of up to 40 bytes over few values, so that ranges are often equal in part or whole. */
    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().between((byte) 48, (byte) 51).array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 300)
    void idTableFindsByBytesWhatItFindsByText(@ForAll("keys") List<String> keys, @ForAll("keys") List<String> probes) {
        IdTable<String, String> table = new IdTable<>(r -> r);
        for (String k : new LinkedHashSet<>(keys)) {
            table.add(k, k);
        }
        for (String p : concat(keys, probes)) {
            byte[] b = ("x," + p + ",y").getBytes(StandardCharsets.US_ASCII);
            int from = 2;
            int to = b.length - 2;

            assertThat(table.indexOfAscii(b, from, to)).as(p).isEqualTo(table.indexOf(p));
            assertThat(table.canonicalAscii(b, from, to)).as(p).isEqualTo(table.canonical(p));
        }
    }

    @Property(tries = 300)
    void aHintNeverChangesALookup(@ForAll("keys") List<String> keys, @ForAll("keys") List<String> probes,
                                  @ForAll("hints") List<Integer> hints) {
        IdTable<String, String> hinted = new IdTable<>(r -> r);
        Map<String, Integer> model = new HashMap<>();
        for (String k : new LinkedHashSet<>(keys)) {
            model.put(k, hinted.add(k, k));
        }
        List<String> all = concat(keys, probes);
        for (int i = 0; i < all.size(); i++) {
            String p = all.get(i);
            int hint = hints.isEmpty() ? -1 : hints.get(i % hints.size());
            hinted.hint(hint);

            assertThat(hinted.indexOf(p)).as("%s hinted %d", p, hint).isEqualTo(model.getOrDefault(p, -1));
            assertThat(hinted.indexOf(new String(p))).as("a copy of %s", p).isEqualTo(model.getOrDefault(p, -1));
        }
    }

    @Property(tries = 300)
    void aNearIndexNeverChangesALookupByBytes(@ForAll("keys") List<String> keys, @ForAll("keys") List<String> probes,
                                              @ForAll("hints") List<Integer> nears) {
        IdTable<String, String> table = new IdTable<>(r -> r);
        Map<String, Integer> model = new HashMap<>();
        for (String k : new LinkedHashSet<>(keys)) {
            model.put(k, table.add(k, k));
        }
        List<String> all = concat(keys, probes);
        for (int i = 0; i < all.size(); i++) {
            String p = all.get(i);
            byte[] b = ("x," + p + ",y").getBytes(StandardCharsets.US_ASCII);
            int expected = model.getOrDefault(p, -1);
            // a wrong, right, out-of-range or absent index tried first; and the right one itself, and the one after it
            int near = nears.isEmpty() ? -1 : nears.get(i % nears.size());

            assertThat(table.indexOfAscii(b, 2, b.length - 2, near)).as("%s near %d", p, near).isEqualTo(expected);
            assertThat(table.indexOfAscii(b, 2, b.length - 2, expected)).as(p).isEqualTo(expected);
            assertThat(table.indexOfAscii(b, 2, b.length - 2, expected + 1)).as(p).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<Integer>> hints() {
        return Arbitraries.integers().between(-2, 70).list().ofMaxSize(10);
    }

    @Property(tries = 300)
    void textCacheIsAMapOfItsFirstKeys(@ForAll("keys") List<String> keys, @ForAll("keys") List<String> probes) {
        int limit = 8;
        TextCache cache = new TextCache(limit);
        Map<String, Object> model = new HashMap<>();
        for (String k : keys) {
            if (cache.get(k) == null) {
                cache.put(k, "v" + k);
            }
            if (!model.containsKey(k) && model.size() < limit) {
                model.put(k, "v" + k);
            }
        }
        assertThat(cache.full()).isEqualTo(model.size() >= limit);
        for (String p : concat(keys, probes)) {
            byte[] b = ("\t" + p).getBytes(StandardCharsets.US_ASCII);

            assertThat(cache.get(p)).as(p).isEqualTo(model.get(p));
            assertThat(cache.get(b, 1, b.length)).as(p).isEqualTo(model.get(p));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        all.add("");
        return List.copyOf(all);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
    }

    /** Short ids over a few characters, so that keys share prefixes and hash codes collide in small tables. */
    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().withChars("S0123Aa").ofMinLength(0).ofMaxLength(6).list().ofMaxSize(60);
    }
}
