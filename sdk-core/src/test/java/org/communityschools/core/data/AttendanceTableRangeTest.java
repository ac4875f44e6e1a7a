package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * {@link AttendanceTable#forEach(int, int, AttendanceVisitor)}: the rows of a range of students are exactly the rows
 * of the whole table whose student is in the range, in the same order, so ranges that cover the students visit every
 * row once; {@link AttendanceTable#forEachStudent} gives the same rows a student at a time.
 */
class AttendanceTableRangeTest {
    static Path dir;
    static DistrictData tiny;
    static List<String> all;

    @BeforeContainer
    static void generate() throws IOException {
        dir = Files.createTempDirectory("attendance-range");
        SchoolYear year = SchoolYear.of(2018);
        SyntheticCity.builder().preset(Preset.TINY).seed(3).years(year, year).build().writeTo(dir);
        tiny = DistrictDataReader.builder().withoutBeanValidation().build().read(dir).data();
        all = new ArrayList<>();
        tiny.attendance().forEach((s, sch, day, c, d) -> all.add(row(s, sch, day, c.name(), d)));
    }

    @AfterContainer
    static void clean() {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String row(int s, int sch, int day, String category, int duration) {
        return s + "," + sch + "," + day + "," + category + "," + duration;
    }

    @Property(tries = 50)
    void twoAdjacentRangesVisitTheWholeTablesRowsOfTheirStudentsInOrder(@ForAll @IntRange(min = -3, max = 400) int a,
                                                                        @ForAll @IntRange(min = 0, max = 400) int b,
                                                                        @ForAll @IntRange(min = 0, max = 400) int c) {
        int from = Math.min(a, Math.min(b, c));
        int to = Math.max(a, Math.max(b, c));
        int mid = a + b + c - from - to;
        List<String> visited = new ArrayList<>();
        tiny.attendance().forEach(from, mid, (s, sch, day, cat, d) -> visited.add(row(s, sch, day, cat.name(), d)));
        tiny.attendance().forEach(mid, to, (s, sch, day, cat, d) -> visited.add(row(s, sch, day, cat.name(), d)));
        List<String> expected = all.stream().filter(r -> {
            int s = Integer.parseInt(r.substring(0, r.indexOf(',')));
            return s >= from && s < to;
        }).toList();
        assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Property(tries = 50)
    void aStudentsRowsInPlaceAreTheRowsVisitedOneByOne(@ForAll @IntRange(min = -3, max = 400) int a,
                                                       @ForAll @IntRange(min = 0, max = 400) int b) {
        int from = Math.min(a, b);
        int to = Math.max(a, b);
        List<String> expected = new ArrayList<>();
        tiny.attendance().forEach(from, to, (s, sch, day, cat, d) -> expected.add(row(s, sch, day, cat.name(), d)));
        List<String> visited = new ArrayList<>();
        List<Integer> students = new ArrayList<>();
        tiny.attendance().forEachStudent(from, to, rows -> {
            students.add(rows.studentIndex());
            assertThat(rows.size()).as("a student is visited only with rows").isPositive();
            for (int i = 0; i < rows.size(); i++) {
                visited.add(row(rows.studentIndex(), rows.schoolIndex(i), rows.epochDay(i), rows.category(i).name(),
                        rows.durationTenThousandths(i)));
            }
            assertThatThrownBy(() -> rows.epochDay(rows.size())).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> rows.schoolIndex(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        });
        assertThat(visited).containsExactlyElementsOf(expected);
        // each student once, in index order, exactly the students with rows in the range
        assertThat(students).isSorted().doesNotHaveDuplicates()
                .containsExactlyElementsOf(expected.stream().map(r -> Integer.parseInt(r.substring(0, r.indexOf(','))))
                        .distinct().toList());
    }

    @Property(tries = 1)
    void theWholeRangeIsTheWholeTableAndABackwardRangeIsRefused() {
        List<String> visited = new ArrayList<>();
        tiny.attendance().forEach(0, Integer.MAX_VALUE, (s, sch, day, cat, d) -> visited.add(row(s, sch, day, cat.name(), d)));
        assertThat(visited).hasSize(tiny.attendance().size()).containsExactlyElementsOf(all);
        assertThatThrownBy(() -> tiny.attendance().forEach(5, 4, (s, sch, day, cat, d) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[5, 4)");
        assertThatThrownBy(() -> tiny.attendance().forEachStudent(5, 4, rows -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[5, 4)");
    }
}
