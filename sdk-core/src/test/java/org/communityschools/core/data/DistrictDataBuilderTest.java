package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
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
import org.junit.jupiter.api.Test;

/**
 * {@link DistrictDataBuilder} applies the reader's rules, Jakarta Validation annotations and cross-record rules, and
 * locates each broken rule by record: worked examples, and a property comparing it with writing the same records as a
 * directory and reading it strictly.
 */
class DistrictDataBuilderTest {
    private static final OrganizationId DISTRICT = OrganizationId.of("D1");
    private static final SchoolId K1 = SchoolId.of("K1");
    private static final LocalDate DAY = LocalDate.of(2017, 9, 5);

    private static Student student(String id, String firstName, LocalDate birthDate) {
        return new Student(StudentId.of(id), firstName, "Last", birthDate, Sex.FEMALE, RaceEthnicity.ASIAN,
                Optional.empty(), false);
    }

    private static Enrollment enrollment(String student, SchoolId school) {
        return new Enrollment(StudentId.of(student), school, DAY, GradeLevel.G03, Optional.empty(), Optional.empty(), false);
    }

    private static DistrictDataBuilder district() {
        return DistrictData.builder()
                .add(new Organization(DISTRICT, "District", OrganizationType.DISTRICT))
                .add(new School(K1, "PS 1", DISTRICT, GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR));
    }

    @Test
    void refusesAStudentBornInTheFutureAsTheReaderDoesWithoutRepeatingTheBirthDate() {
        // @Past on Student.birthDate: 2099-01-01 is after today, so field.constraint on the student (the 1st added);
        // the enrollment that refers to the refused student is refused in turn, as a row of enrollments.csv would be.
        DistrictDataBuilder b = district().add(student("S1", "Ann", LocalDate.of(2099, 1, 1))).add(enrollment("S1", K1));
        DataValidationException e = catchThrowableOfType(DataValidationException.class, b::build);
        assertThat(e.errorCount()).isEqualTo(2);
        assertThat(e.recordViolations())
                .extracting(RecordViolation::recordType, RecordViolation::position, RecordViolation::key,
                        RecordViolation::component, RecordViolation::value, RecordViolation::rule)
                .containsExactly(
                        tuple("Student", 1, "id=S1", Optional.of("birthDate"), Optional.of("<redacted>"), "field.constraint"),
                        tuple("Enrollment", 1, "studentId=S1, schoolId=K1, entryDate=2017-09-05", Optional.of("studentId"),
                                Optional.of("S1"), "reference.rejected"));
        assertThat(e.recordViolations()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("2099").doesNotContain(".csv"));
        assertThat(e.getMessage()).contains("Student #1 [id=S1]").contains("[field.constraint]").doesNotContain("2099");
    }

    @Test
    void refusesANameOfThreeHundredCharactersAndNamesTheComponent() {
        // @Size(max = 100) on Student.firstName and School.name. The student's name is personal (redacted), the
        // school's is not (shown); the school is the 2nd School added.
        String longName = "x".repeat(300);
        DistrictDataBuilder b = district()
                .add(new School(SchoolId.of("K2"), longName, DISTRICT, GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR))
                .add(student("S1", longName, LocalDate.of(2008, 1, 1)));
        DataValidationException e = catchThrowableOfType(DataValidationException.class, b::build);
        assertThat(e.recordViolations())
                .extracting(RecordViolation::recordType, RecordViolation::position, RecordViolation::component,
                        RecordViolation::value, RecordViolation::rule)
                .containsExactly(
                        tuple("School", 2, Optional.of("name"), Optional.of(longName), "field.constraint"),
                        tuple("Student", 1, Optional.of("firstName"), Optional.of("<redacted>"), "field.constraint"));
        assertThat(e.recordViolations().get(1).message()).startsWith("firstName ");
    }

    @Test
    void showsTheValueOfAnOptionalComponentUnlessItIsPersonal() {
        // @Size(max = 1000) on the description inside Optional (free text, personal: redacted) and @DecimalMax("365")
        // on actionDays (shown): both reported for the one incident, which is checked by nothing else.
        BehaviorIncident incident = new BehaviorIncident(IncidentId.of("I1"), StudentId.of("S1"), K1, DAY,
                BehaviorType.OTHER, Optional.of("d".repeat(1001)), DisciplineActionType.REMOVAL_FROM_CLASSROOM, new BigDecimal("400"));
        DataValidationException e = catchThrowableOfType(DataValidationException.class, district().add(incident)::build);
        assertThat(e.recordViolations())
                .extracting(RecordViolation::recordType, RecordViolation::key, RecordViolation::component,
                        RecordViolation::value, RecordViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("BehaviorIncident", "incidentId=I1", Optional.of("description"), Optional.of("<redacted>"),
                                "field.constraint"),
                        tuple("BehaviorIncident", "incidentId=I1", Optional.of("actionDays"), Optional.of("400"),
                                "field.constraint"));
        assertThat(e.getMessage()).doesNotContain("ddd");
    }

    @Test
    void refusesAnEnrollmentAtAMissingSchool() {
        DistrictDataBuilder b = district().add(student("S1", "Ann", LocalDate.of(2008, 1, 1)))
                .add(enrollment("S1", SchoolId.of("K9")));
        DataValidationException e = catchThrowableOfType(DataValidationException.class, b::build);
        assertThat(e.recordViolations()).singleElement().satisfies(v -> {
            assertThat(v.recordType()).isEqualTo("Enrollment");
            assertThat(v.position()).isEqualTo(1);
            assertThat(v.component()).contains("schoolId");
            assertThat(v.value()).contains("K9");
            assertThat(v.rule()).isEqualTo("reference.unknown-school");
            assertThat(v.message()).contains("'K9'").contains("the School records").doesNotContain("schools.csv");
        });
    }

    @Test
    void reportsEveryErrorAndBuildsNothing() {
        // Three independent faults, in three record types: each is reported, in DataFile order (schools, students,
        // enrollments), and nothing is built; the builder cannot be used again.
        DistrictDataBuilder b = district()
                .add(new School(K1, "PS 1 again", DISTRICT, GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR))
                .add(student("S1", "Ann", LocalDate.of(2099, 1, 1)))
                .add(student("S2", "Bob", LocalDate.of(2008, 1, 1)))
                .add(enrollment("S2", SchoolId.of("K9")));
        DataValidationException e = catchThrowableOfType(DataValidationException.class, b::build);
        assertThat(e.errorCount()).isEqualTo(3);
        assertThat(e.recordViolations()).extracting(RecordViolation::recordType, RecordViolation::position, RecordViolation::rule)
                .containsExactly(tuple("School", 2, "unique.id"), tuple("Student", 1, "field.constraint"),
                        tuple("Enrollment", 1, "reference.unknown-school"));
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.add(student("S3", "Cy", LocalDate.of(2008, 1, 1)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutBeanValidationOnlyTheCrossRecordRulesApply() {
        DistrictData data = district().withoutBeanValidation().add(student("S1", "Ann", LocalDate.of(2099, 1, 1))).build();
        assertThat(data.students()).hasSize(1);
        DistrictData checked = district().validator(Validation.buildDefaultValidatorFactory().getValidator())
                .add(student("S1", "Ann", LocalDate.of(2008, 1, 1))).build();
        assertThat(checked.students()).hasSize(1);
        assertThatThrownBy(() -> DistrictData.builder().withoutBeanValidation().withoutBeanValidation())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already configured");
    }

    // ---------------------------------------------------------------- the builder and the reader agree

    /**
     * For a generated set of records, some of which break a rule (an unknown or repeated id, a birth date in the
     * future, a long name, an overlapping enrollment, attendance off the calendar or outside an enrollment): the
     * builder accepts exactly when the same records written as a directory are accepted by a strict read, and reports
     * the same rules for the same records (a row's line is its record's position + 1, after the header).
     */
    @Property(tries = 80)
    void theBuilderAcceptsExactlyWhatTheReaderAccepts(@ForAll("recordSets") List<Object> records) throws IOException {
        DistrictDataBuilder b = DistrictData.builder();
        Map<String, DataFile> fileOf = new HashMap<>();
        for (Object r : records) {
            fileOf.put(r.getClass().getSimpleName(), RecordKey.of(r).file());
            addAny(b, r);
        }
        List<String> built;
        try {
            b.build();
            built = List.of();
        } catch (DataValidationException e) {
            built = e.recordViolations().stream().filter(v -> v.severity() == Severity.ERROR)
                    .map(v -> fileOf.get(v.recordType()).fileName() + ":" + v.position() + ":" + v.rule()).sorted().toList();
            assertThat(built).isNotEmpty();
        }
        List<String> read;
        Path dir = Files.createTempDirectory("builder-vs-reader");
        try {
            try (DistrictDataWriter w = DistrictDataWriter.open(dir)) {
                records.forEach(r -> write(w, r));
            }
            try {
                DistrictDataReader.builder().build().read(dir);
                read = List.of();
            } catch (DataValidationException e) {
                read = e.violations().stream().filter(v -> v.severity() == Severity.ERROR)
                        .map(v -> v.file() + ":" + (v.line() - 1) + ":" + v.rule()).sorted().toList();
            }
        } finally {
            delete(dir);
        }
        Statistics.collect(built.isEmpty() ? "accepted" : "refused");
        assertThat(built).isEqualTo(read);
    }

    @Provide
    Arbitrary<List<Object>> recordSets() {
        // schools: 1-3, and with the 4th bit a school K9 whose district is a community organization
        Arbitrary<Integer> schools = Arbitraries.integers().between(1, 3).flatMap(n -> Arbitraries.of(n, n, n, n | 4));
        // students: a fault (0: born in the future, 1: a long name, 2: the id of the student before; else none)
        Arbitrary<List<int[]>> students = Combinators.combine(Arbitraries.just(0),
                Arbitraries.integers().between(0, 19)).as((id, fault) -> new int[] {id, fault}).list().ofMinSize(1).ofMaxSize(5);
        // enrollments: a student and a school by index (the last index is unknown), the entry day (even: a school day)
        Arbitrary<List<int[]>> enrollments = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 10))
                .as((st, sc, day) -> new int[] {st, sc, 2 * day}).list().ofMaxSize(4);
        // attendance: an enrollment by index and a day from its entry: mostly an even day 0-10 (a school day of the
        // enrollment), sometimes day 3 (not a school day) or day 12 (after the enrollment)
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 19).map(v -> v < 16 ? 2 * (v % 6) : v < 18 ? 3 : 12);
        Arbitrary<List<int[]>> attendance = Combinators.combine(Arbitraries.integers().between(0, 3), day)
                .as((e, d) -> new int[] {e, d}).list().ofMaxSize(3);
        return Combinators.combine(schools, students, enrollments, attendance).as(DistrictDataBuilderTest::records);
    }

    /**
     * Builds the records: students S0-S4, schools K0-K2 (K9, when present, is refused: school.district-type), school
     * days every other day; enrollments of ten days name a generated student and school, or the unknown S99 and K99.
     */
    private static List<Object> records(int schools, List<int[]> students, List<int[]> enrollments, List<int[]> attendance) {
        LocalDate start = LocalDate.of(2017, 9, 4);
        List<Object> out = new ArrayList<>();
        out.add(new Organization(DISTRICT, "District", OrganizationType.DISTRICT));
        out.add(new Organization(OrganizationId.of("C1"), "CBO", OrganizationType.COMMUNITY_ORGANIZATION));
        if ((schools & 4) != 0) {
            out.add(new School(SchoolId.of("K9"), "Not a district's", OrganizationId.of("C1"), GradeLevel.KG, GradeLevel.G12,
                    SchoolType.REGULAR));
        }
        int n = schools & 3;
        for (int s = 0; s < n; s++) {
            out.add(new School(SchoolId.of("K" + s), "School " + s, DISTRICT, GradeLevel.KG, GradeLevel.G12, SchoolType.REGULAR));
            for (int d = 0; d <= 40; d += 2) {
                out.add(new InstructionalDay(SchoolId.of("K" + s), start.plusDays(d)));
            }
        }
        for (int i = 0; i < students.size(); i++) {
            int[] s = students.get(i);
            s[0] = s[1] == 2 && i > 0 ? students.get(i - 1)[0] : i; // fault 2: the id of the student before
            LocalDate born = s[1] == 0 ? LocalDate.of(2099, 1, 1) : LocalDate.of(2008, 1, 1);
            String name = s[1] == 1 ? "n".repeat(101) : "Name" + s[0];
            out.add(student("S" + s[0], name, born));
        }
        List<Enrollment> made = new ArrayList<>();
        for (int[] e : enrollments) {
            String st = e[0] == 12 ? "S99" : "S" + students.get(e[0] % students.size())[0];
            String sc = e[1] == 6 ? "K99" : "K" + e[1] % n;
            Enrollment enrollment = new Enrollment(StudentId.of(st), SchoolId.of(sc), start.plusDays(e[2]), GradeLevel.G03,
                    Optional.of(start.plusDays(e[2] + 10)), Optional.of(ExitWithdrawType.TRANSFERRED), false);
            made.add(enrollment);
            out.add(enrollment);
        }
        for (int[] a : attendance) {
            if (made.isEmpty()) {
                break;
            }
            Enrollment e = made.get(a[0] % made.size());
            out.add(AttendanceRecord.of(e.studentId(), e.schoolId(), e.entryDate().plusDays(a[1]),
                    AttendanceCategory.EXCUSED_ABSENCE, Optional.empty(), Optional.empty()));
        }
        return out;
    }

    private static void addAny(DistrictDataBuilder b, Object r) {
        if (r instanceof Organization o) {
            b.add(o);
        } else if (r instanceof School s) {
            b.add(s);
        } else if (r instanceof InstructionalDay d) {
            b.add(d);
        } else if (r instanceof Student s) {
            b.add(s);
        } else if (r instanceof Enrollment e) {
            b.add(e);
        } else if (r instanceof AttendanceRecord a) {
            b.add(a);
        } else {
            throw new IllegalArgumentException(r.getClass().getName());
        }
    }

    private static void write(DistrictDataWriter w, Object r) {
        if (r instanceof Organization o) {
            w.organizations().accept(o);
        } else if (r instanceof School s) {
            w.schools().accept(s);
        } else if (r instanceof InstructionalDay d) {
            w.calendar().accept(d);
        } else if (r instanceof Student s) {
            w.students().accept(s);
        } else if (r instanceof Enrollment e) {
            w.enrollments().accept(e);
        } else if (r instanceof AttendanceRecord a) {
            w.attendance().accept(a);
        } else {
            throw new IllegalArgumentException(r.getClass().getName());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
