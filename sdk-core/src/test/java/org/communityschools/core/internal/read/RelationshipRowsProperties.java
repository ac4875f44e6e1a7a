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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.NullDef;

/**
 * A row of student_staff.csv handed on as its values ({@link RowRecords.RelationshipRows}, a worker's plain row)
 * gives what the record path gives (the row as its cells' strings, the record to {@link Assembler#add}): the same
 * violations (rule, line, column, message, order) and the same relationships in the same order, for rows with each
 * kind of bad cell (empty, badly formed or unknown student and staff ids, an id whose row was rejected, unknown
 * types, bad dates, an end before the begin), with the default validator, with none, and with one that constrains
 * the record (then every row goes the record path). With the default validator every accepted row went as values.
 */
class RelationshipRowsProperties {
    private static final Validator DEFAULT = Validation.buildDefaultValidatorFactory().getValidator();
    /** A validator that finds every relationship's student_id broken (a host's extra constraint). */
    private static final Validator CONSTRAINED = constrained();
    private static final int[] POSITIONS = {0, 1, 2, 3, 4};

    private static Validator constrained() {
        HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure();
        ConstraintMapping mapping = config.createConstraintMapping();
        mapping.type(StudentStaffRelationship.class).field("studentId").constraint(new NullDef());
        return config.addMapping(mapping).buildValidatorFactory().getValidator();
    }

    /** What a path produced: the violations as text, the relationships, and the rows that went as values. */
    private record Outcome(List<String> violations, List<StudentStaffRelationship> relationships,
                           List<StudentStaffRelationship> byStaff, int asValues, int accepted) {}

    /** A sink that counts the rows handed on as values and the records, and gives both to the assembler. */
    private static final class Counting implements BiPredicate<Object, Where>, RowRecords.RelationshipRows {
        private final BiPredicate<Object, Where> adder;
        int values;
        int records;

        Counting(Assembler a) {
            this.adder = Adders.of(a, DataFile.STUDENT_STAFF);
        }

        @Override
        public boolean test(Object record, Where where) {
            records++;
            return adder.test(record, where);
        }

        @Override
        public boolean relationship(int student, int staff, RelationshipType type, DateRange period, Where where) {
            values++;
            return ((RowRecords.RelationshipRows) adder).relationship(student, staff, type, period, where);
        }
    }

    @Property(tries = 300)
    void valuesGiveWhatTheRecordGives(@ForAll("rows") List<String> rows, @ForAll("validators") Optional<Validator> validator) {
        byte[] bytes = (String.join("\n", rows) + "\n").getBytes(StandardCharsets.US_ASCII);
        Outcome records = read(bytes, validator.orElse(null), false);
        Outcome values = read(bytes, validator.orElse(null), true);
        assertThat(values.violations()).containsExactlyElementsOf(records.violations());
        assertThat(values.relationships()).containsExactlyElementsOf(records.relationships());
        assertThat(values.byStaff()).containsExactlyElementsOf(records.byStaff());
        assertThat(values.accepted()).isEqualTo(records.accepted());
        assertThat(records.asValues()).isZero();
        if (validator.orElse(null) == CONSTRAINED) {
            assertThat(values.asValues()).isZero();
            assertThat(values.relationships()).isEmpty();
        } else {
            assertThat(values.asValues()).isEqualTo(values.accepted());
        }
    }

    /**
     * The directory reader: student_staff.csv read in parallel (its workers hand good rows on as values, in ranges of a
     * few bytes to a few hundred, between rows read again by the one-thread path) gives what the one-thread read gives
     * (every row a record): the same counts, violations and relationships in the same order, and the same groups.
     */
    @Property(tries = 100)
    void parallelReadEqualsSequentialRead(@ForAll("rows") List<String> rows, @ForAll @IntRange(min = 1, max = 400) int chunk)
            throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("relationship-rows");
        try {
            java.nio.file.Files.writeString(dir.resolve("organizations.csv"), "organization_id,name,type\nD1,District,DISTRICT\n");
            java.nio.file.Files.writeString(dir.resolve("students.csv"), "student_id,first_name,last_name,birth_date,sex,"
                    + "race_ethnicity,ninth_grade_cohort,directory_opt_out\nS3,A,B,2010-01-02,FEMALE,ASIAN,,false\n"
                    + "S1,A,B,2010-01-02,FEMALE,ASIAN,,false\nS2,A,B,2010-01-02,FEMALE,ASIAN,,false\n"
                    + "S8,A,B,2010-01-02,FEMALE,MARTIAN,,false\n");
            java.nio.file.Files.writeString(dir.resolve("staff.csv"), "staff_id,first_name,last_name,employer_id\n"
                    + "T2,C,D,D1\nT1,C,D,D1\nT8,C,D,X9\n");
            java.nio.file.Files.writeString(dir.resolve("student_staff.csv"),
                    "student_id,staff_id,relationship,begin_date,end_date\n" + String.join("\n", rows) + "\n");
            Loaded sequential = load(dir, 1, chunk);
            Loaded parallel = load(dir, 2, chunk);
            assertThat(parallel.report()).isEqualTo(sequential.report());
            assertThat(parallel.relationships()).containsExactlyElementsOf(sequential.relationships());
            assertThat(parallel.groups()).containsExactlyElementsOf(sequential.groups());
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path p : files.toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }

    /** Counts and violations as text, the relationships, and their groups by staff member then by student. */
    private record Loaded(String report, List<StudentStaffRelationship> relationships,
                          List<List<StudentStaffRelationship>> groups) {}

    private static Loaded load(java.nio.file.Path dir, int threads, int chunk) {
        Violations violations = new Violations(10_000);
        DirectoryLoader loader = new DirectoryLoader(DEFAULT, violations,
                org.communityschools.core.data.DataElements.standard(), ReadLimits.defaults()).parallel(threads, chunk);
        DistrictIndex index = loader.load(dir, new AgreementsStep(null));
        StringBuilder out = new StringBuilder();
        loader.counts().forEach((f, c) -> out.append(f.fileName()).append(java.util.Arrays.toString(c)).append('\n'));
        violations.sorted().forEach(v -> out.append(v).append('\n'));
        List<List<StudentStaffRelationship>> groups = new ArrayList<>();
        for (int k = 0; k < index.staff.size(); k++) {
            groups.add(List.copyOf(index.relationshipsByStaff.get(k)));
        }
        for (int k = 0; k < index.students.size(); k++) {
            groups.add(List.copyOf(index.relationshipsByStudent.get(k)));
        }
        return new Loaded(out.toString(), List.copyOf(index.relationships), groups);
    }

    /**
     * Parses each row of {@code bytes}: as a plain row by bytes with the sink that takes values ({@code values}), or
     * as its cells' strings with a sink that takes records only (the record path).
     */
    private static Outcome read(byte[] bytes, Validator validator, boolean values) {
        Violations violations = new Violations(10_000);
        Assembler a = assembler(violations);
        RecordConstraints constraints = validator == null ? RecordConstraints.NONE : new RecordConstraints(validator);
        Cells cells = new Cells(DataFile.STUDENT_STAFF, POSITIONS, violations, constraints);
        RowRecords records = new RowRecords(a, a::educationOrganization);
        RowRecords.Parser parser = records.parser(DataFile.STUDENT_STAFF);
        Counting counting = new Counting(a);
        BiPredicate<Object, Where> recordsOnly = counting::test;
        int[] accepted = new int[1];
        PlainRows scan = PlainRows.scan(bytes, POSITIONS.length, ReadLimits.defaults(), (rows, rel) -> {
            if (rows.cells() != POSITIONS.length) {
                return;
            }
            if (values) {
                cells.row(rows, rel + 2);
            } else {
                cells.row(rows.texts(), rel + 2);
            }
            if (records.parse(parser, cells, values ? counting : recordsOnly)) {
                accepted[0]++;
            }
        });
        assertThat(scan.odd()).isFalse();
        DistrictIndex index = a.finish();
        List<StudentStaffRelationship> byStaff = new ArrayList<>();
        for (int k = 0; k < index.staff.size(); k++) {
            byStaff.addAll(index.relationshipsByStaff.get(k));
        }
        List<String> found = violations.sorted().stream().map(Object::toString).toList();
        return new Outcome(found, List.copyOf(index.relationships), byStaff, counting.values, accepted[0]);
    }

    /** Students S1-S3 and staff T1-T2 accepted; S8's and T8's rows rejected. */
    private static Assembler assembler(Violations violations) {
        Assembler a = new Assembler(violations);
        Where w = Where.at(2);
        a.add(new Organization(OrganizationId.of("D1"), "District", OrganizationType.DISTRICT), w);
        for (String s : List.of("S3", "S1", "S2")) {
            a.add(new Student(StudentId.of(s), "A", "B", LocalDate.of(2010, 1, 2), Sex.FEMALE, RaceEthnicity.ASIAN,
                    Optional.empty(), false), w);
        }
        for (String t : List.of("T2", "T1")) {
            a.add(new Staff(StaffId.of(t), "C", "D", OrganizationId.of("D1")), w);
        }
        a.rejected(DataFile.STUDENTS, "S8");
        a.rejected(DataFile.STAFF, "T8");
        return a;
    }

    @Provide
    Arbitrary<Optional<Validator>> validators() {
        return Arbitraries.of(Optional.of(DEFAULT), Optional.of(DEFAULT), Optional.empty(), Optional.of(CONSTRAINED));
    }

    /** Rows of student_staff.csv, mostly good, with each kind of bad cell now and then; all plain ASCII. */
    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> row = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("S1", "S2", "S3")),
                        Tuple.of(1, Arbitraries.of("S9", "S8", "", "S 1", "S".repeat(40)))),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("T1", "T2")),
                        Tuple.of(1, Arbitraries.of("T9", "T8", "", "T 2", "T".repeat(40)))),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(RelationshipType.class).map(Enum::name)),
                        Tuple.of(1, Arbitraries.of("teacher", "", "MENTOR"))),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("2017-09-07", "2018-01-29")),
                        Tuple.of(1, Arbitraries.of("2017-02-30", "", "9/7/2017", "2017-9-07"))),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("", "2018-06-25", "2018-01-29")),
                        Tuple.of(1, Arbitraries.of("2017-01-01", "2017-09-06", "2018-13-01", "x"))))
                .as((student, staff, type, begin, end) -> String.join(",", student, staff, type, begin, end));
        return row.list().ofMinSize(1).ofMaxSize(30);
    }
}
