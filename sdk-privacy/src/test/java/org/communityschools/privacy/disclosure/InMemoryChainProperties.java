package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.privacy.internal.disclosure.LogCodec;

/**
 * The in-memory log hashes each entry from the body written once as UTF-8 bytes ({@link LogCodec#disclosureHash}); its
 * chain must be the one a file log writes, line by line, for the same disclosures (non-ASCII purposes, quotes and
 * backslashes included, see {@link Samples#random}).
 */
class InMemoryChainProperties {
    @Property(tries = 200)
    void theInMemoryChainIsTheFileChain(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int size) {
        List<Disclosure> log = Samples.randomLog(seed, size);
        String prev = LogCodec.GENESIS;
        for (int i = 0; i < log.size(); i++) {
            String viaText = LogCodec.hash(LogCodec.disclosureBody(i + 1, prev, log.get(i)));
            assertThat(LogCodec.disclosureHash(i + 1, prev, log.get(i))).isEqualTo(viaText);
            prev = viaText;
        }
        try (DisclosureSink sink = DisclosureLogs.inMemory()) {
            List<DisclosureEntry> entries = sink.appendAll(log);
            assertThat(entries).extracting(DisclosureEntry::sequence).containsExactly(
                    java.util.stream.LongStream.rangeClosed(1, size).boxed().toArray(Long[]::new));
            assertThat(sink.checkpoint()).contains(new Checkpoint(size, prev));
        }
    }
}
