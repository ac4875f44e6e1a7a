package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of disclosures (one per student of a research extract) is recorded with consecutive numbers and one force. */
class AppendAllTest {
    private static List<Disclosure> batch(int n) {
        List<Disclosure> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Samples.mentorSeesAttendance("S" + (1000 + i), Samples.T0.plusSeconds(i)));
        }
        return out;
    }

    @Test
    void aBatchInAFileIsNumberedConsecutivelyChainedAndVerifies(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.jsonl");
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(file)) {
            sink.append(Samples.mentorSeesAttendance("S0001", Samples.T0));
            List<DisclosureEntry> entries = sink.appendAll(batch(50));
            assertThat(entries).extracting(DisclosureEntry::sequence).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(2, 51).boxed().toList());
            assertThat(sink.appendAll(List.of())).isEmpty();
        }
        assertThat(Files.readAllLines(file)).hasSize(51);
        assertThat(DisclosureLogs.verify(file).isIntact()).isTrue();
    }

    @Test
    void aBatchInMemoryGivesTheSameChainAsOneByOne(@TempDir Path dir) throws Exception {
        DisclosureSink batched = DisclosureLogs.inMemory();
        DisclosureSink single = DisclosureLogs.inMemory();
        batched.appendAll(batch(10));
        batch(10).forEach(single::append);
        assertThat(batched.checkpoint()).isEqualTo(single.checkpoint());
        batched.close();
        assertThatThrownBy(() -> batched.appendAll(batch(1))).isInstanceOf(IllegalStateException.class);
    }
}
