package org.communityschools.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.SchoolAttendance;
import org.communityschools.privacy.publication.SuppressionRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The definitions' hidden edge cases, each written as a student of a small district (the worked examples of
 * EDFacts FS195 and 34 CFR 200.19(b), as docs/metrics.md states them), give on Spark exactly what the single-machine calculators give: a transfer pooled or
 * counted at each school, half days under the half-day and fractional rules, in- and out-of-school suspensions, and
 * early, summer (on and after August 31) and fifth-year graduates.
 */
class SparkEdgeCasesTest {
    static final SchoolYear YEAR = SchoolYear.of(2018);
    static final SchoolId A = SchoolId.of("SCHA");
    static final SchoolId B = SchoolId.of("SCHB");
    static final SchoolId H = SchoolId.of("SCHH");
    static final ChronicAbsenceDefinition FRACTIONAL = ChronicAbsenceDefinition.builder("FRACTIONAL")
            .threshold(org.communityschools.core.model.Ratio.of(1, 10), ChronicAbsenceDefinition.Boundary.INCLUSIVE)
            .dayRule(ChronicAbsenceDefinition.DayRule.FRACTIONAL)
            .aggregation(ChronicAbsenceDefinition.Aggregation.PER_ENROLLMENT).build();

    @TempDir
    static Path dir;
    static DistrictData single;
    static SparkDistrictData spark;

    @BeforeAll
    static void writeTheDistrict() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2017, 9, 5); days.size() < 180; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        OrganizationId district = OrganizationId.of("DIST01");
        DistrictDataBuilder b = DistrictData.builder().withoutBeanValidation() // no Jakarta Validation provider in this module
                .add(new Organization(district, "Worked Examples District", OrganizationType.DISTRICT))
                .add(new School(A, "School A", district, GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR))
                .add(new School(B, "School B", district, GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR))
                .add(new School(H, "High School", district, GradeLevel.G09, GradeLevel.G12, SchoolType.REGULAR));
        for (LocalDate d : days) {
            b.add(new InstructionalDay(A, d)).add(new InstructionalDay(B, d));
        }
        // a transfer: absent 10 of 60 days at A, 5 of 120 at B (chronic at A, not at B, not pooled: 15/180)
        StudentId t = student(b, "TRANSFER");
        b.add(new Enrollment(t, A, days.get(0), GradeLevel.G03, Optional.of(days.get(59)), Optional.of(ExitWithdrawType.TRANSFERRED), true));
        b.add(new Enrollment(t, B, days.get(60), GradeLevel.G03, Optional.empty(), Optional.empty(), false));
        for (int i = 0; i < 10; i++) {
            b.add(record(t, A, days.get(i * 5), AttendanceCategory.UNEXCUSED_ABSENCE, Optional.empty()));
        }
        for (int i = 0; i < 5; i++) {
            b.add(record(t, B, days.get(70 + i * 7), AttendanceCategory.EXCUSED_ABSENCE, Optional.empty()));
        }
        // half days: 18 half days are 18 absences under the half-day rule (exactly 10%), 9 under the fractional rule
        StudentId half = enrolledAllYear(b, "HALFDAYS", A, days);
        for (int i = 0; i < 18; i++) {
            b.add(record(half, A, days.get(i * 9), AttendanceCategory.PARTIAL, Optional.of(DayShare.parse("0.5"))));
        }
        // suspensions: out of school is absent, in school is present
        StudentId oss = enrolledAllYear(b, "OSSUSPEND", B, days);
        StudentId iss = enrolledAllYear(b, "ISSUSPEND", B, days);
        for (int i = 0; i < 18; i++) {
            b.add(record(oss, B, days.get(i * 9), AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, Optional.empty()));
            b.add(record(iss, B, days.get(i * 9), AttendanceCategory.IN_SCHOOL_SUSPENSION, Optional.empty()));
            b.add(record(iss, B, days.get(i * 9 + 1), AttendanceCategory.TARDY, Optional.empty()));
        }
        // graduates of the cohort that entered grade 9 in 2014-15: early, on time, summer, on August 31, on September 1
        graduate(b, "EARLYGRAD", LocalDate.of(2018, 1, 15));
        graduate(b, "ONTIMEGRAD", LocalDate.of(2018, 6, 20));
        graduate(b, "SUMMERGRAD", LocalDate.of(2018, 8, 20));
        graduate(b, "AUG31GRAD", LocalDate.of(2018, 8, 31));
        graduate(b, "SEPT1GRAD", LocalDate.of(2018, 9, 1));
        StudentId dropout = student(b, "DROPOUT");
        b.add(new Enrollment(dropout, H, LocalDate.of(2014, 9, 3), GradeLevel.G09, Optional.of(LocalDate.of(2016, 5, 2)),
                Optional.of(ExitWithdrawType.DROPPED_OUT), false));
        single = b.build();
        DistrictDataWriter.write(single, dir);
        spark = SparkDistrictReader.csv(LocalSpark.session()).read(dir.toString()).cache().requireValid();
    }

    @Test
    void chronicAbsenceOfTransfersHalfDaysAndSuspensionsEqualsTheSingleMachine() {
        for (ChronicAbsenceDefinition d : List.of(ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED, FRACTIONAL)) {
            ChronicAbsenceReport expected = ChronicAbsence.calculate(single, YEAR, d, YEAR.lastDay());
            ChronicAbsenceResult actual = SparkChronicAbsence.calculate(spark, YEAR, d, YEAR.lastDay());
            Map<String, AttendanceAggregate> schools = new TreeMap<>();
            expected.schools().forEach((k, v) -> schools.put(k.value(), v.enrollments()));

            assertThat(actual.collect("SCHOOL")).as(d.name()).isEqualTo(schools);
            assertThat(actual.collect("DISTRICT_POOLED")).as(d.name()).isEqualTo(Map.of("ALL", expected.districtPooled()));
            assertThat(actual.collect("DISTRICT_PER_ENROLLMENT")).as(d.name()).isEqualTo(Map.of("ALL", expected.districtPerEnrollment()));
            assertThat(actual.collect("DISTRICT")).as(d.name()).isEqualTo(Map.of("ALL", expected.district()));
        }
        // the edge cases are really there: the transfer counts at A per enrollment and is not chronic pooled
        ChronicAbsenceResult federal = SparkChronicAbsence.calculate(spark, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        assertThat(federal.collect("DISTRICT_PER_ENROLLMENT").get("ALL").chronicallyAbsent())
                .isEqualTo(federal.collect("DISTRICT_POOLED").get("ALL").chronicallyAbsent() + 1);
        ChronicAbsenceResult fractional = SparkChronicAbsence.calculate(spark, YEAR, FRACTIONAL, YEAR.lastDay());
        assertThat(fractional.collect("DISTRICT").get("ALL").chronicallyAbsent())
                .isEqualTo(federal.collect("DISTRICT").get("ALL").chronicallyAbsent() - 1);
    }

    @Test
    void earlyAndSummerGraduatesCountByTheCutoffAsOnTheSingleMachine() {
        for (GraduationCohortDefinition d : List.of(GraduationCohortDefinition.FOUR_YEAR, GraduationCohortDefinition.FIVE_YEAR)) {
            GraduationCohortReport expected = GraduationRate.calculate(single, SchoolYear.of(2015), d);
            SparkGraduationRate.GraduationResult actual = SparkGraduationRate.calculate(spark, SchoolYear.of(2015), d);
            assertThat(actual.collect("DISTRICT")).isEqualTo(Map.of("ALL", expected.district()));
            assertThat(actual.collect("SCHOOL")).isEqualTo(Map.of(H.value(), expected.schools().get(H)));
        }
        int four = SparkGraduationRate.calculate(spark, SchoolYear.of(2015), GraduationCohortDefinition.FOUR_YEAR)
                .collect("DISTRICT").get("ALL").graduateCount();
        int five = SparkGraduationRate.calculate(spark, SchoolYear.of(2015), GraduationCohortDefinition.FIVE_YEAR)
                .collect("DISTRICT").get("ALL").graduateCount();
        assertThat(five).as("the September 1 graduate counts only in the five-year rate").isEqualTo(four + 1);
    }

    @Test
    void publishedTablesAreProtectedAndSmallGroupsSuppressed(@TempDir Path out) throws Exception {
        ChronicAbsenceResult result = SparkChronicAbsence.calculate(spark, YEAR, ChronicAbsenceDefinition.FEDERAL, YEAR.lastDay());
        var tables = SparkPublication.protect(result, SuppressionRules.NYSED);
        SparkPublication.write(LocalSpark.session(), tables, out.toString(), SparkPublication.Format.CSV);

        String schools = Files.readString(out.resolve("chronic_absence_federal_2018_schools.csv"));
        assertThat(schools).startsWith("School,count,group_size,percent").contains("SCHA,s,s,s");  // 2 students < 5
        assertThat(Files.readString(out.resolve("chronic_absence_federal_2018_schools.report.csv"))).contains("PRIMARY_SMALL_GROUP");
        assertThat(tables.values()).allMatch(t -> t.cells().stream().noneMatch(c -> c.groupSize().isPresent() && c.groupSize().get() > 0
                && c.groupSize().get() < 5 && c.count().isPresent()));
    }

    @Test
    void theExampleMainWritesProtectedTablesOfEveryDefinitionAndCohort(@TempDir Path out) throws Exception {
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        int code = SparkMetricsMain.run(new String[] {"--input", dir.toString(), "--output", out.toString(), "--year", "2018",
                "--definitions", "NYSED,CRDC", "--cohort", "2015", "--graduation-years", "5", "--suppress", "n10", "--output-format", "parquet"},
                new java.io.PrintStream(stdout, true), new java.io.PrintStream(stderr, true));

        assertThat(code).as(stderr.toString()).isZero();
        assertThat(out.resolve("chronic_absence_nysed_2018_schools.parquet")).isDirectory();
        assertThat(out.resolve("chronic_absence_crdc_2018_district.report.csv")).isRegularFile();
        assertThat(out.resolve("acgr_5_year_cohort_2015_district.parquet")).isDirectory();
        assertThat(stdout.toString()).contains("protected tables (n10)");
        assertThat(SparkMetricsMain.run(new String[] {"--input", dir.toString()}, new java.io.PrintStream(stdout), new java.io.PrintStream(stderr)))
                .as("usage").isEqualTo(1);
    }

    private static StudentId student(DistrictDataBuilder b, String id) {
        StudentId s = StudentId.of(id);
        b.add(new Student(s, "First", "Last", LocalDate.of(2008, 1, 1), Sex.FEMALE, RaceEthnicity.WHITE, Optional.empty(), false));
        return s;
    }

    private static StudentId enrolledAllYear(DistrictDataBuilder b, String id, SchoolId school, List<LocalDate> days) {
        StudentId s = student(b, id);
        b.add(new Enrollment(s, school, days.get(0), GradeLevel.G04, Optional.empty(), Optional.empty(), false));
        return s;
    }

    private static void graduate(DistrictDataBuilder b, String id, LocalDate on) {
        StudentId s = student(b, id);
        b.add(new Enrollment(s, H, LocalDate.of(2014, 9, 3), GradeLevel.G09, Optional.of(on), Optional.of(ExitWithdrawType.GRADUATED), true));
        b.add(new Diploma(s, H, on, DiplomaType.REGULAR));
    }

    private static AttendanceRecord record(StudentId s, SchoolId school, LocalDate day, AttendanceCategory c, Optional<DayShare> d) {
        return AttendanceRecord.of(s, school, day, c, d, Optional.empty());
    }
}
