package org.communityschools.core.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;

/**
 * {@link AttendanceBuilder#build} gives the columns and duplicates of a naive reference (the rows sorted by student,
 * day, school and line; of rows with the same student, school and day the first line kept, each later one reported as
 * its duplicate), whether the rows came in ascending order (the copy without a sort) or in any order (the counting
 * sort).
 */
class AttendanceBuilderProperties {
    private static final int STUDENTS = 6;

    /** One row as added; {@code line} is its line in the file. */
    record Row(int student, int school, int day, int packed, long line) {
    }

    /** A duplicate as reported. */
    record Duplicate(long line, long firstLine, int student, int school, int day) {
    }

    @Property(tries = 400, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void buildEqualsTheSortedDeduplicatedRows(@ForAll("rows") List<Row> rows) {
        AttendanceBuilder b = new AttendanceBuilder();
        for (Row r : rows) {
            b.add(r.student(), r.school(), r.day(), r.packed(), r.line());
        }
        List<Duplicate> duplicates = new ArrayList<>();
        AttendanceColumns columns = b.build(STUDENTS, s -> StudentId.of("S" + s), s -> SchoolId.of("K" + s),
                (line, first, student, school, day) -> duplicates.add(new Duplicate(line, first, student, school, day)));

        List<Row> expected = new ArrayList<>();
        List<Duplicate> expectedDuplicates = new ArrayList<>();
        reference(rows, expected, expectedDuplicates);
        assertThat(columns.size()).isEqualTo(expected.size());
        assertThat(columns.studentCount()).isEqualTo(STUDENTS);
        List<Row> actual = new ArrayList<>();
        for (int s = 0; s < STUDENTS; s++) {
            for (int row = columns.start(s); row < columns.end(s); row++) {
                actual.add(new Row(s, columns.school(row), columns.epochDay(row), columns.packed(row), 0));
            }
        }
        assertThat(actual).isEqualTo(expected.stream().map(r -> new Row(r.student(), r.school(), r.day(), r.packed(), 0))
                .toList());
        assertThat(duplicates).containsExactlyInAnyOrderElementsOf(expectedDuplicates);
        Statistics.label("order").collect(ascending(rows) ? "ascending" : "any");
        Statistics.label("duplicates").collect(expectedDuplicates.isEmpty() ? "none" : "some");
    }

    /**
     * A worked example of the copy: three students' rows in ascending order, student 1 with none. Offsets by hand:
     * student 0 has rows 0–1, student 1 none (2–2), student 2 rows 2–4 (two schools on day 12: school 3 before 5).
     */
    @Example
    void ascendingRowsAreCopiedWithTheirOffsets() {
        AttendanceBuilder b = new AttendanceBuilder();
        b.add(0, 1, 10, 100, 2);
        b.add(0, 1, 11, 101, 3);
        b.add(2, 3, 12, 102, 4);
        b.add(2, 5, 12, 103, 5);
        b.add(2, 3, 14, 104, 6);
        AttendanceColumns c = b.build(3, s -> StudentId.of("S" + s), s -> SchoolId.of("K" + s),
                (line, first, student, school, day) -> {
                    throw new AssertionError("no duplicate in ascending rows");
                });
        assertThat(new int[] {c.start(0), c.end(0), c.start(1), c.end(1), c.start(2), c.end(2)})
                .containsExactly(0, 2, 2, 2, 2, 5);
        assertThat(new int[] {c.school(3), c.epochDay(3), c.packed(3)}).containsExactly(5, 12, 103);
        assertThat(b.size()).isZero();
    }

    /**
     * More rows than one 65,536-row chunk: 150,000 rows of three students in ascending order (student {@code s}'s
     * row {@code i} on day {@code i}, packed {@code s * 1,000,000 + i}) are copied; the same rows with the last two
     * swapped (so sorted again) give the same columns.
     */
    @Example
    void rowsOfSeveralChunksGiveTheSameColumnsCopiedOrSorted() {
        int perStudent = 50_000;
        AttendanceBuilder ascending = new AttendanceBuilder();
        AttendanceBuilder swapped = new AttendanceBuilder();
        long line = 2;
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < perStudent; i++) {
                ascending.add(s, 1, i, s * 1_000_000 + i, line++);
            }
        }
        line = 2;
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < perStudent; i++) {
                int day = s == 2 && i >= perStudent - 2 ? 2 * perStudent - 3 - i : i;
                swapped.add(s, 1, day, s * 1_000_000 + day, line++);
            }
        }
        AttendanceBuilder.DuplicateSink none = (l, first, student, school, day) -> {
            throw new AssertionError("no duplicate");
        };
        AttendanceColumns a = ascending.build(3, x -> StudentId.of("S" + x), x -> SchoolId.of("K" + x), none);
        AttendanceColumns b = swapped.build(3, x -> StudentId.of("S" + x), x -> SchoolId.of("K" + x), none);
        assertThat(a.size()).isEqualTo(b.size()).isEqualTo(3 * perStudent);
        for (int s = 0; s < 3; s++) {
            assertThat(a.start(s)).isEqualTo(b.start(s)).isEqualTo(s * perStudent);
            assertThat(a.end(s)).isEqualTo(b.end(s)).isEqualTo((s + 1) * perStudent);
        }
        for (int row = 0; row < a.size(); row++) {
            assertThat(a.epochDay(row)).isEqualTo(b.epochDay(row)).isEqualTo(row % perStudent);
            assertThat(a.packed(row)).isEqualTo(b.packed(row)).isEqualTo(row / perStudent * 1_000_000 + row % perStudent);
        }
    }

    private static void reference(List<Row> rows, List<Row> kept, List<Duplicate> duplicates) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::student).thenComparingInt(Row::day).thenComparingInt(Row::school)
                .thenComparingLong(Row::line));
        Row first = null;
        for (Row r : sorted) {
            if (first != null && first.student() == r.student() && first.day() == r.day() && first.school() == r.school()) {
                duplicates.add(new Duplicate(r.line(), first.line(), r.student(), r.school(), r.day()));
            } else {
                first = r;
                kept.add(r);
            }
        }
    }

    private static boolean ascending(List<Row> rows) {
        Comparator<Row> key = Comparator.comparingInt(Row::student).thenComparingInt(Row::day)
                .thenComparingInt(Row::school);
        for (int i = 1; i < rows.size(); i++) {
            if (key.compare(rows.get(i - 1), rows.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<int[]> cell = Combinators.combine(Arbitraries.integers().between(0, STUDENTS - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(17_000, 17_012),
                Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((s, k, d, p) -> new int[] {s, k, d, p});
        return Combinators.combine(cell.list().ofMaxSize(60), Arbitraries.integers().between(0, 2))
                .as((cells, order) -> {
                    List<int[]> c = new ArrayList<>(cells);
                    if (order > 0) {
                        // ascending by student, day, school: strictly (1), or with its duplicates kept (2)
                        c.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[2])
                                .thenComparingInt(x -> x[1]));
                        if (order == 1) {
                            List<int[]> strict = new ArrayList<>();
                            for (int[] x : c) {
                                int[] last = strict.isEmpty() ? null : strict.get(strict.size() - 1);
                                if (last == null || last[0] != x[0] || last[1] != x[1] || last[2] != x[2]) {
                                    strict.add(x);
                                }
                            }
                            c = strict;
                        }
                    }
                    List<Row> out = new ArrayList<>(c.size());
                    for (int i = 0; i < c.size(); i++) {
                        int[] x = c.get(i);
                        out.add(new Row(x[0], x[1], x[2], x[3], 2 + i));
                    }
                    return out;
                });
    }
}
