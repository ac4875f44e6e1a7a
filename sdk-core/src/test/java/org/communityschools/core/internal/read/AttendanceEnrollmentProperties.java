package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.DistrictIndex;

/**
 * The rule {@code attendance.within-enrollment} (an attendance row must fall on a day from an enrollment's entry date to
 * its exit date, both inclusive, of the student at the row's school) holds row by row in the parallel reader, which
 * remembers the enrollment of the last row that fit ({@code AttendanceRules.Fits}): for generated students with several
 * enrollments at two schools separated by gaps, and attendance rows in file order (by student, then date) on days inside
 * enrollments, in the gaps, before the first and after the last, every row is kept exactly when a plain search of the
 * generated enrollments (the reference below, written from the rule) finds one holding its day, and every other row is
 * reported on its own line. Ranges are a few rows long, so that the remembered enrollment also crosses range ends.
 */
class AttendanceEnrollmentProperties {
    private static final LocalDate FIRST = LocalDate.of(2017, 9, 1);
    private static final String[] STUDENTS = {"S1", "S2", "S3"};
    private static final String[] SCHOOLS = {"K1", "K2"};

    /** One enrollment: student and school by position, entry and exit as days after {@link #FIRST}; exit -1 = open. */
    record Stay(int student, int school, int entry, int exit) {
        boolean holds(int student, int school, int day) {
            return this.student == student && this.school == school && entry <= day && (exit < 0 || day <= exit);
        }
    }

    /** One attendance row: student and school by position, day after {@link #FIRST}. */
    record Row(int student, int school, int day) {}

    @Property(tries = 200)
    void aRowIsKeptExactlyWhenAnEnrollmentHoldsItsDay(@ForAll("stays") List<Stay> stays, @ForAll("rows") List<Row> rows,
                                                      @ForAll @IntRange(min = 20, max = 200) int chunk) throws IOException {
        // the reference: a plain search of every enrollment for each row
        List<String> expectedKept = new ArrayList<>();
        TreeSet<Long> expectedErrorLines = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean held = stays.stream().anyMatch(s -> s.holds(r.student(), r.school(), r.day()));
            if (held) {
                expectedKept.add(STUDENTS[r.student()] + " " + SCHOOLS[r.school()] + " " + FIRST.plusDays(r.day()));
            } else {
                expectedErrorLines.add(i + 2L);
            }
        }
        Statistics.label("some row in a gap or outside").collect(!expectedErrorLines.isEmpty());
        Statistics.label("some row kept").collect(!expectedKept.isEmpty());

        Result result = load(stays, rows, chunk);

        assertThat(result.kept()).containsExactlyInAnyOrderElementsOf(expectedKept);
        assertThat(result.errorLines()).containsExactlyElementsOf(expectedErrorLines);
        assertThat(result.otherErrors()).isEmpty();
        // not vacuous over the run: most generated cases both keep rows and report rows
        Statistics.label("some row in a gap or outside").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("some row kept").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    /**
     * A worked example: S1 enrolled at K1 from Sep 4 to Sep 8 and again from Sep 18 (open), at K2 from Sep 11 to
     * Sep 15. Rows: K1 Sep 8 (last day of the first stay: kept), K1 Sep 11 (S1 was at K2 then: reported, line 3),
     * K2 Sep 11 and Sep 15 (kept), K1 Sep 16 (the gap: reported, line 6), K1 Sep 18 and Oct 2 (the open stay: kept).
     */
    @Example
    void workedExample() throws IOException {
        List<Stay> stays = List.of(new Stay(0, 0, 3, 7), new Stay(0, 1, 10, 14), new Stay(0, 0, 17, -1));
        List<Row> rows = List.of(new Row(0, 0, 7), new Row(0, 0, 10), new Row(0, 1, 10), new Row(0, 1, 14),
                new Row(0, 0, 15), new Row(0, 0, 17), new Row(0, 0, 31));

        Result result = load(stays, rows, 40);

        assertThat(result.kept()).containsExactly("S1 K1 2017-09-08", "S1 K1 2017-09-18", "S1 K1 2017-10-02",
                "S1 K2 2017-09-11", "S1 K2 2017-09-15");
        assertThat(result.errorLines()).containsExactly(3L, 6L);
        assertThat(result.otherErrors()).isEmpty();
    }

    record Result(List<String> kept, List<Long> errorLines, List<String> otherErrors) {}

    private static Result load(List<Stay> stays, List<Row> rows, int chunk) throws IOException {
        Path dir = Files.createTempDirectory("attendance-enrollment");
        try {
            write(dir, "organizations.csv", "organization_id,name,type\nD1,City District,DISTRICT\n");
            write(dir, "schools.csv", "school_id,name,district_id,low_grade,high_grade,school_type\n"
                    + "K1,PS 1,D1,KG,05,REGULAR\nK2,PS 2,D1,KG,05,REGULAR\n");
            write(dir, "students.csv", "student_id,first_name,last_name,birth_date,sex,race_ethnicity\n"
                    + "S1,Ana,Diaz,2010-03-04,FEMALE,HISPANIC\nS2,Ben,Lee,2010-05-06,MALE,ASIAN\n"
                    + "S3,Cy,Ng,2010-05-07,MALE,WHITE\n");
            StringBuilder enrollments = new StringBuilder(
                    "student_id,school_id,entry_date,entry_grade,exit_date,exit_type,exit_documented\n");
            for (Stay s : stays) {
                enrollments.append(STUDENTS[s.student()]).append(',').append(SCHOOLS[s.school()]).append(',')
                        .append(FIRST.plusDays(s.entry())).append(",02,")
                        .append(s.exit() < 0 ? ",," : FIRST.plusDays(s.exit()) + ",TRANSFERRED,true").append('\n');
            }
            write(dir, "enrollments.csv", enrollments.toString());
            StringBuilder attendance = new StringBuilder("student_id,school_id,date,category,duration,reason\n");
            for (Row r : rows) {
                attendance.append(STUDENTS[r.student()]).append(',').append(SCHOOLS[r.school()]).append(',')
                        .append(FIRST.plusDays(r.day())).append(",UNEXCUSED_ABSENCE,,\n");
            }
            write(dir, "attendance.csv", attendance.toString());

            Violations violations = new Violations(10_000);
            DirectoryLoader loader = new DirectoryLoader(null, violations, DataElements.standard(), ReadLimits.defaults())
                    .parallel(2, chunk);
            DistrictIndex index = loader.load(dir, new AgreementsStep(null));

            List<Long> errorLines = new ArrayList<>();
            List<String> other = new ArrayList<>();
            violations.sorted().forEach(v -> {
                if (v.file().equals("attendance.csv") && v.rule().equals("attendance.within-enrollment")) {
                    errorLines.add(v.line());
                } else {
                    other.add(v.toString());
                }
            });
            List<String> kept = new ArrayList<>();
            AttendanceColumns a = index.attendance;
            for (int s = 0; s < a.studentCount(); s++) {
                for (int r = a.start(s); r < a.end(s); r++) {
                    kept.add(index.students.id(s).value() + " " + index.schools.id(a.school(r)).value() + " "
                            + LocalDate.ofEpochDay(a.epochDay(r)));
                }
            }
            kept.sort(null);
            return new Result(kept, errorLines, other);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    /**
     * Each student's enrollments: the days 0..59 cut into stretches with gaps of 1 to 4 days between them, each stretch
     * at a random school, the last one open or not; no two of a student's enrollments overlap or touch.
     */
    @Provide
    Arbitrary<List<Stay>> stays() {
        return Arbitraries.randoms().map(random -> {
            List<Stay> stays = new ArrayList<>();
            for (int st = 0; st < STUDENTS.length; st++) {
                int day = random.nextInt(5);
                int count = random.nextInt(4);
                for (int k = 0; k < count && day < 60; k++) {
                    int exit = day + random.nextInt(10);
                    boolean open = k == count - 1 && random.nextBoolean();
                    stays.add(new Stay(st, random.nextInt(SCHOOLS.length), day, open ? -1 : exit));
                    day = exit + 2 + random.nextInt(4);
                }
            }
            return stays;
        });
    }

    /** Rows in file order: by student, then day (distinct days), each at a random school, days 0..69. */
    @Provide
    Arbitrary<List<Row>> rows() {
        return Arbitraries.randoms().map(random -> {
            List<Row> rows = new ArrayList<>();
            for (int st = 0; st < STUDENTS.length; st++) {
                int sc = random.nextInt(SCHOOLS.length);
                for (int day = 0; day < 70; day++) {
                    if (random.nextInt(3) == 0) {
                        if (random.nextInt(6) == 0) {
                            sc = 1 - sc;
                        }
                        rows.add(new Row(st, sc, day));
                    }
                }
            }
            return rows;
        });
    }
}
