package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.CourseMarkColumns;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;

/**
 * The directory reader's course-mark rows without records ({@link RowRecords#directoryParser}, which hands the
 * assembler a {@link CourseMarkColumns.Row} when nothing can be wrong with a row) give what the record path gives
 * ({@link RowRecords#parser}: a {@link CourseMark} checked by its constructor, its Jakarta Validation constraints and
 * {@link Assembler#add(CourseMark, Where)}): the same errors (line, column, rule, message, in order), the same counts
 * and the same marks, for generated rows grouped by student with every kind of bad cell (empty, unparsable, a blank
 * text, a constraint broken, each rule of the record's constructor broken, an unknown student or school, a school year
 * without an enrollment) and decimals written with trailing zeros. Each row is parsed from its bytes as a worker of
 * the parallel read parses it, by both paths on two assemblers loaded alike.
 */
class CourseMarkRowsProperties {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String HEADER = "student_id,school_id,school_year,term,course_code,course_title,subject,"
            + "numeric_mark,letter_mark,result,credits_attempted,credits_earned,term_end_date";
    private static final int WIDTH = 13;

    @Property(tries = 300)
    void directRowsGiveWhatRecordsGive(@ForAll("files") List<String> rows) {
        Outcome records = read(rows, false);
        Outcome direct = read(rows, true);
        assertThat(direct.errors()).isEqualTo(records.errors());
        assertThat(direct.accepted()).isEqualTo(records.accepted());
        assertThat(direct.marks()).isEqualTo(records.marks());
    }

    /**
     * A worked example: the first good row takes the record path (its term, course, marks and credits are not known
     * valid yet; validating its record teaches them), the next two repeat those values and become rows without
     * records; a row whose credits earned exceed those attempted takes the record path and is rejected with the
     * constructor's message at column 12, the unknown student S9's with the assembler's reference error, and S2's
     * mark of 2016-17 (enrolled from 2017-09-07 only) with {@code course-mark.within-enrollment}.
     */
    @Example
    void goodRepeatedRowsBecomeColumnRowsAndBadOnesKeepTheirErrors() {
        List<String> rows = List.of(
                "S1,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,1,1,2018-06-26",
                "S1,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,1,1,2018-06-26",
                "S2,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,1,1,2018-06-26",
                "S2,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,0,1,2018-06-26",
                "S9,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,1,1,2018-06-26",
                "S2,K1,2017,FY,ELA02,English 2,ELA,90,A,PASS,1,1,");
        Outcome direct = read(rows, true);
        assertThat(direct.columnRows()).isEqualTo(3); // rows 2, 3 and 6 (6 rejected by the assembler)
        assertThat(direct.accepted()).isEqualTo(3);
        assertThat(direct.errors()).hasSize(3);
        assertThat(direct.errors().get(0)).contains(":5:12: ERROR [field.invalid]")
                .contains("credits_earned must not exceed credits_attempted: 1 > 0");
        assertThat(direct.errors().get(1)).contains(":6:1: ERROR [reference.unknown-student]");
        assertThat(direct.errors().get(2)).contains(":7:3: ERROR [course-mark.within-enrollment]");
        assertThat(direct.errors()).isEqualTo(read(rows, false).errors());
        assertThat(direct.marks()).isEqualTo(read(rows, false).marks());
    }

    /** What reading the rows gave: the errors as text in the order reported, the rows accepted, the marks kept. */
    private record Outcome(List<String> errors, int accepted, int columnRows, List<CourseMark> marks) {}

    private static Outcome read(List<String> rows, boolean direct) {
        Violations violations = new Violations(10_000);
        Assembler assembler = loaded(violations);
        RecordConstraints constraints = new RecordConstraints(VALIDATOR);
        int[] positions = new int[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            positions[i] = i;
        }
        Cells cells = new Cells(DataFile.COURSE_MARKS, positions, violations, constraints);
        RowRecords records = new RowRecords(assembler, assembler::educationOrganization);
        RowRecords.Parser parser = direct ? records.directoryParser(DataFile.COURSE_MARKS)
                : records.parser(DataFile.COURSE_MARKS);
        BiPredicate<Object, Where> adder = Adders.of(assembler, DataFile.COURSE_MARKS);
        int[] counts = new int[2];
        BiPredicate<Object, Where> sink = (r, w) -> {
            if (r instanceof CourseMarkColumns.Row) {
                counts[1]++;
            }
            return adder.test(r, w);
        };
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(r).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        PlainRows.scan(bytes, WIDTH, ReadLimits.defaults(), (plain, rel) -> {
            if (plain.cells() == WIDTH) {
                cells.row(plain, rel + 2);
                if (records.parse(parser, cells, sink)) {
                    counts[0]++;
                }
            }
        });
        List<String> errors = new ArrayList<>();
        violations.sorted().forEach(v -> errors.add(v.toString()));
        assembler.endOfFile(DataFile.COURSE_MARKS);
        return new Outcome(errors, counts[0], counts[1], List.copyOf(assembler.finish().courseMarks));
    }

    /** An assembler holding district D1, schools K1 (KG-05) and H1 (09-12), S1, S2, S3 and S10, enrolled from 2017-09-07. */
    private static Assembler loaded(Violations violations) {
        Assembler a = new Assembler(violations);
        Where w = Where.IN_CODE;
        a.add(new Organization(OrganizationId.of("D1"), "City District", OrganizationType.DISTRICT), w);
        a.add(new School(SchoolId.of("K1"), "PS 1", OrganizationId.of("D1"), Values.parseGrade("KG"),
                Values.parseGrade("05"), SchoolType.REGULAR), w);
        a.add(new School(SchoolId.of("H1"), "HS 1", OrganizationId.of("D1"), Values.parseGrade("09"),
                Values.parseGrade("12"), SchoolType.REGULAR), w);
        for (String s : List.of("S1", "S2", "S3", "S10")) {
            a.add(new Student(StudentId.of(s), "Ana", "Diaz", LocalDate.of(2010, 3, 4), Sex.FEMALE,
                    RaceEthnicity.HISPANIC, Optional.empty(), false), w);
        }
        for (String s : List.of("S1", "S2", "S10")) {
            a.add(new Enrollment(StudentId.of(s), SchoolId.of("K1"), LocalDate.of(2017, 9, 7), Values.parseGrade("02"),
                    Optional.empty(), Optional.empty(), false), w);
        }
        a.add(new Enrollment(StudentId.of("S3"), SchoolId.of("H1"), LocalDate.of(2017, 9, 7), Values.parseGrade("09"),
                Optional.of(LocalDate.of(2018, 6, 26)),
                Optional.of(org.communityschools.core.model.ExitWithdrawType.END_OF_YEAR), false), w);
        for (DataFile f : DataFile.values()) {
            if (f == DataFile.COURSE_MARKS) {
                break;
            }
            a.endOfFile(f);
        }
        assertThat(violations.errorCount()).isZero();
        return a;
    }

    /** Rows grouped by student (runs of one to five rows), mostly good, with every kind of bad cell now and then. */
    @Provide
    Arbitrary<List<String>> files() {
        Arbitrary<String> student = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("S1", "S2", "S3", "S10")),
                Tuple.of(1, Arbitraries.of("S9", "S", "S100", "", "S 1")));
        List<Arbitrary<String>> rest = List.of(
                often(Arbitraries.of("K1", "H1"), "X1", "", "K 1"),
                often(Arbitraries.of("2018"), "2017", "18", ""),
                often(Arbitraries.of("FY", "S1", "S2"), "t".repeat(33), " ", ""),
                often(Arbitraries.of("ELA02", "MAT09", "SCI05"), "c".repeat(33), " ", ""),
                often(Arbitraries.of("English 2", "Mathematics 9"), "x".repeat(201), " ", ""),
                often(Arbitraries.of("ELA", "MATH", "SCIENCE"), "POTIONS", "ela", ""),
                often(Arbitraries.of("90", "", "100", "100.0", "90.50", "0.0", "75"), "101", "-1", "8x", "100.01"),
                often(Arbitraries.of("A", "", "B+"), "ABCDE"),
                often(Arbitraries.of("PASS", "PASS", "FAIL", "INCOMPLETE"), "WON", ""),
                often(Arbitraries.of("0", "1", "0.5", "1.50", "1.0"), "101", "-1", "one", "100.5", ""),
                often(Arbitraries.of("0", "1", "0.5", "0.50", "1.00"), "-1", "2", "x", ""),
                often(Arbitraries.of("2018-06-26", "", "2017-12-22"), "2017-06-26", "2018-02-31", "2019-07-01"));
        Arbitrary<List<String>> tails = Combinators.combine(rest).as(c -> String.join(",", c)).list().ofMinSize(1)
                .ofMaxSize(5);
        return Combinators.combine(student, tails).as((s, ts) -> {
            List<String> run = new ArrayList<>();
            ts.forEach(t -> run.add(s + "," + t));
            return run;
        }).list().ofMaxSize(12).map(runs -> {
            List<String> all = new ArrayList<>();
            runs.forEach(all::addAll);
            return all;
        });
    }

    /** {@code good} 30 times in 31, else one of {@code bad}. */
    private static Arbitrary<String> often(Arbitrary<String> good, String... bad) {
        return Arbitraries.frequencyOf(Tuple.of(30, good), Tuple.of(1, Arbitraries.of(bad)));
    }
}
