package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/** A student's history is exactly that student's entries, in log order, from either sink. */
class HistoryTest {
    @Property(tries = 30)
    void historyOfAStudentIsTheirEntriesInLogOrder(@ForAll @IntRange(min = 0, max = 12) int size, @ForAll long seed)
            throws IOException {
        Path dir = Files.createTempDirectory("disclosure-history");
        Path file = dir.resolve("log.jsonl");
        try (DisclosureSink fileSink = DisclosureLogs.jsonLinesFile(file); DisclosureSink memory = DisclosureLogs.inMemory()) {
            List<DisclosureEntry> all = new ArrayList<>();
            for (Disclosure d : Samples.randomLog(seed, size)) {
                all.add(fileSink.append(d));
                memory.append(d);
            }
            for (int s = 0; s < 6; s++) {
                StudentId student = StudentId.of("S" + s);
                List<DisclosureEntry> expected = all.stream().filter(e -> e.disclosure().student().equals(student)).toList();
                assertThat(fileSink.historyOf(student)).isEqualTo(expected);
                assertThat(memory.historyOf(student)).isEqualTo(expected);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    void reformattedButEquivalentJsonIsAnAlteration() throws IOException {
        Path dir = Files.createTempDirectory("disclosure-canonical");
        Path file = dir.resolve("log.jsonl");
        try {
            String line = new String(Samples.concat(Samples.lines(List.of(Samples.mentorSeesAttendance("S-1", Samples.T0)))),
                    java.nio.charset.StandardCharsets.UTF_8);
            Files.writeString(file, line.replace("\"seq\":1,", "\"seq\": 1,"));
            assertThat(DisclosureLogs.verify(file).defect()).hasValueSatisfying(d -> {
                assertThat(d.kind()).isEqualTo(LogDefect.Kind.ALTERED);
                assertThat(d.detail()).contains("canonical");
            });
            Files.writeString(file, line.replace("success mentoring", "success\\u0020mentoring"));
            assertThat(DisclosureLogs.verify(file).defect()).map(LogDefect::kind).contains(LogDefect.Kind.ALTERED);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    void aCheckpointRoundTripsThroughItsText() {
        Checkpoint c = new Checkpoint(12, "ab".repeat(32));
        assertThat(Checkpoint.parse(c.toString())).isEqualTo(c);
        assertThatThrownBy(() -> Checkpoint.parse("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("x:" + "ab".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, "AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }
}
