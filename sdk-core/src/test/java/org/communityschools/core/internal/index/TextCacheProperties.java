package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link TextCache} answers as a map of its texts would, also with its last-found shortcut: for any sequence of
 * lookups by bytes (at moving offsets of one buffer overwritten for every lookup, texts that are prefixes of others,
 * repeated runs, empty and non-ASCII texts) and by string, with texts added as they are first missed until the limit,
 * every answer is the reference map's.
 */
class TextCacheProperties {
    @Property(tries = 500)
    void answersAsAMap(@ForAll("texts") List<String> texts, @ForAll @IntRange(min = 1, max = 12) int limit,
                       @ForAll @IntRange(max = 5) int shift) {
        TextCache cache = new TextCache(limit);
        Map<String, Object> reference = new HashMap<>();
        byte[] buffer = new byte[64];
        int n = 0;
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            java.util.Arrays.fill(buffer, (byte) '#');
            int from = (n++ * shift) % 32;
            System.arraycopy(b, 0, buffer, from, b.length);
            Object expected = reference.get(t);
            if (t.chars().allMatch(c -> c < 128)) {
                assertThat(cache.get(buffer, from, from + b.length)).isEqualTo(expected);
            }
            assertThat(cache.get(t)).isEqualTo(expected);
            if (expected == null && !cache.full()) {
                Object value = "value of " + t;
                cache.put(t, value);
                reference.put(t, value);
            }
        }
    }

    /** A worked example: "FY" found, then "FY" again (the shortcut), then "F" (a prefix of it) is not there. */
    @Example
    void theLastTextFoundIsNotAPrefixMatch() {
        TextCache cache = new TextCache(4);
        cache.put("FY", 1);
        byte[] row = "FY,FY,F".getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(row, 0, 2)).isEqualTo(1);
        assertThat(cache.get(row, 3, 5)).isEqualTo(1);
        assertThat(cache.get(row, 6, 7)).isNull();
        assertThat(cache.get(row, 0, 0)).isNull();
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> text = Arbitraries.of("FY", "F", "FYX", "S1", "S10", "", "Espa\u00f1ol", "2018", "20181",
                "ELA", "A");
        return Arbitraries.integers().between(1, 3).flatMap(k -> text.map(t -> java.util.Collections.nCopies(k, t)))
                .list().ofMaxSize(40).map(runs -> runs.stream().flatMap(List::stream).toList());
    }
}
