package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ed-Fi ODS/API change queries on the Grand Bend sample: one window of changes (test resources
 * {@code edfi-changes-grand-bend/}, whose README lists them) read against the district imported from the sample's
 * interchange files, applied to a live district; then the rules, each broken once.
 */
class EdFiChangeQueriesTest {
    static final Path CHANGES = Path.of("src/test/resources/edfi-changes-grand-bend");
    static DistrictData grandBend;

    @TempDir
    Path tmp;

    @BeforeAll
    static void importGrandBend() {
        grandBend = EdFiXmlImport.builder().build().read(Path.of("src/test/resources/edfi-grand-bend")).data();
    }

    static EdFiChangeQueries.Result read(Path dir) {
        return EdFiChangeQueries.builder().build().read(dir, grandBend, -1);
    }

    @Test
    void theWindowBecomesOneBatchOfDeletesAndUpsertsKeyedAsTheModelKeysItsRecords() {
        EdFiChangeQueries.Result r = read(CHANGES);
        // deletes: the dropped enrollment, the old key of the StudentUniqueId change, the attendance event recorded in
        // error; not the corrected event (its Ed-Fi key changed Excused Absence -> Tardy, the model's key, student,
        // school and day, did not: the Tardy upsert replaces it), not the enrollment the district never held
        assertThat(r.batch().changes()).filteredOn(c -> c instanceof Change.Delete).extracting(Change::key).containsExactly(
                RecordKey.of(DataFile.STUDENTS, "604824"),
                RecordKey.of(DataFile.ENROLLMENTS, "604849", "255901001", "2021-08-23"),
                RecordKey.of(DataFile.ATTENDANCE, "604822", "255901001", "2022-05-18"));
        assertThat(r.batch().changes()).filteredOn(c -> c instanceof Change.Upsert).extracting(Change::key).containsExactlyInAnyOrder(
                RecordKey.of(DataFile.STUDENTS, "604822"),
                RecordKey.of(DataFile.STUDENTS, "612824"),
                RecordKey.of(DataFile.STUDENTS, "609901"),
                RecordKey.of(DataFile.ENROLLMENTS, "609901", "255901044", "2022-01-18"),
                RecordKey.of(DataFile.ATTENDANCE, "604822", "255901001", "2021-11-09"),
                RecordKey.of(DataFile.ATTENDANCE, "609901", "255901044", "2022-02-03"),
                RecordKey.of(DataFile.STAFF_ASSIGNMENTS, "207249", "255901107", "TEACHER", "2022-01-10"));
        assertThat(r.warnings()).extracting(Violation::rule, Violation::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edfi-changes.delete-absent", "studentSchoolAssociations/deletes-1.json"));
        // the window's newestChangeVersion (availableChangeVersions.json), at or above every record's changeVersion
        assertThat(r.changeVersion()).isEqualTo(20496);
        assertThat(r.recordsRead()).containsEntry("students", 3L).containsEntry("students/keyChanges", 1L)
                .containsEntry("studentSchoolAssociations/deletes", 2L).containsEntry("studentSchoolAttendanceEvents", 2L);
        Change tardy = r.batch().changes().stream().filter(c -> c.key().file() == DataFile.ATTENDANCE && c instanceof Change.Upsert)
                .findFirst().orElseThrow();
        assertThat(tardy.origin().source()).isEqualTo("studentSchoolAttendanceEvents/page-1.json#/0");
        assertThat(tardy.origin().position()).isEqualTo(2);   // the line of the record's opening brace
    }

    @Test
    void appliedToTheLiveDistrictTheChangesTakeEffectWhole() {
        LiveDistrict live = LiveDistrict.of(grandBend);
        DistrictVersion v = live.apply(read(CHANGES).batch());
        DistrictData d = v.data();
        assertThat(v.number()).isEqualTo(1);
        // the StudentUniqueId change: the record continues under the new id, with what Ed-Fi keeps elsewhere (sex, race)
        Student traciBefore = grandBend.student(StudentId.of("604824")).orElseThrow();
        assertThat(d.student(StudentId.of("604824"))).isEmpty();
        assertThat(d.student(StudentId.of("612824"))).hasValueSatisfying(s -> {
            assertThat(s.firstName()).isEqualTo(traciBefore.firstName());
            assertThat(s.birthDate()).isEqualTo(traciBefore.birthDate());
            assertThat(s.sex()).isEqualTo(traciBefore.sex());
        });
        // a name corrected on Student keeps the demographics of the student's education organization association
        Student lisaBefore = grandBend.student(StudentId.of("604822")).orElseThrow();
        assertThat(d.student(StudentId.of("604822"))).hasValueSatisfying(s -> {
            assertThat(s.lastName()).isEqualTo("Woods-Carter");
            assertThat(s.raceEthnicity()).isEqualTo(lisaBefore.raceEthnicity());
            assertThat(s.directoryOptOut()).isEqualTo(lisaBefore.directoryOptOut());
        });
        // the transfer-in, through the importer's descriptor mapping and its directory opt-out indicator
        assertThat(grandBend.student(StudentId.of("609901"))).isEmpty();
        assertThat(d.student(StudentId.of("609901"))).hasValueSatisfying(s -> {
            assertThat(s.sex()).isEqualTo(Sex.FEMALE);
            assertThat(s.raceEthnicity()).isEqualTo(RaceEthnicity.BLACK);
            assertThat(s.directoryOptOut()).isTrue();
        });
        assertThat(d.enrollmentsOf(StudentId.of("609901"))).singleElement().satisfies(e -> {
            assertThat(e.schoolId()).isEqualTo(SchoolId.of("255901044"));
            assertThat(e.exitWithdrawDate()).isEmpty();
        });
        assertThat(d.enrollmentsOf(StudentId.of("604849"))).isEmpty();
        // 604822 had four Excused Absences (2021-08-31, 2021-11-09, 2021-12-15, 2022-05-18): one corrected to a Tardy, one deleted
        List<AttendanceRecord> lisa = d.attendance().recordsOf(StudentId.of("604822"));
        assertThat(lisa).extracting(AttendanceRecord::date).containsExactly(LocalDate.of(2021, 8, 31), LocalDate.of(2021, 11, 9),
                LocalDate.of(2021, 12, 15));
        assertThat(lisa.get(1).category()).isEqualTo(AttendanceCategory.TARDY);
        assertThat(lisa.get(1).duration().toBigDecimal()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(d.attendance().size()).isEqualTo(grandBend.attendance().size());   // one deleted, one added (609901)
        assertThat(d.assignmentsOf(StaffId.of("207249"))).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo(StaffRole.TEACHER);
            assertThat(a.organizationId().value()).isEqualTo("255901107");
        });
    }

    @Test
    void recordsAtOrBelowTheAppliedChangeVersionAreSkipped() {
        EdFiChangeQueries q = EdFiChangeQueries.builder().build();
        assertThat(q.read(CHANGES, grandBend, 20496).batch().isEmpty()).isTrue();
        // the district as of change version 20491: every change of the window but the attendance events (20493-20495)
        DistrictData at20491 = LiveDistrict.of(grandBend).apply(org.communityschools.core.live.ChangeBatch.of(read(CHANGES).batch()
                .changes().stream().filter(c -> c.key().file() != DataFile.ATTENDANCE).toList())).data();
        EdFiChangeQueries.Result r = q.read(CHANGES, at20491, 20491);
        assertThat(r.batch().changes()).extracting(Change::key).containsExactly(
                RecordKey.of(DataFile.ATTENDANCE, "604822", "255901001", "2022-05-18"),
                RecordKey.of(DataFile.ATTENDANCE, "604822", "255901001", "2021-11-09"),
                RecordKey.of(DataFile.ATTENDANCE, "609901", "255901044", "2022-02-03"));
        assertThat(r.changeVersion()).isEqualTo(20496);
    }

    @Test
    void theChangeVersionIsKeptAlongsideTheData() {
        assertThat(EdFiChangeQueries.appliedVersion(tmp)).isEmpty();
        EdFiChangeQueries.keepVersion(tmp, 20496);
        assertThat(EdFiChangeQueries.appliedVersion(tmp)).hasValue(20496);
    }

    @Test
    void droppingAnEnrollmentThatHasAttendanceIsRejectedAtTheDeleteNothingApplied() throws IOException {
        Path dir = copy();
        Files.writeString(dir.resolve("studentSchoolAssociations/deletes-1.json"), """
                [
                  {
                    "id": "c4d5e6f708192a3b4c5d6e7f8091a2b3",
                    "changeVersion": 20489,
                    "keyValues": {"entryDate": "2021-08-23", "schoolId": 255901001, "studentUniqueId": "604822"}
                  }
                ]
                """);
        LiveDistrict live = LiveDistrict.of(grandBend);
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> live.apply(read(dir).batch()));
        // the rows the batch leaves outside any enrollment are located at the delete (and the Tardy at its own record)
        assertThat(e.violations()).extracting(Violation::file, Violation::line, Violation::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("studentSchoolAssociations/deletes-1.json#/0", 2L, "attendance.within-enrollment"),
                org.assertj.core.groups.Tuple.tuple("studentSchoolAssociations/deletes-1.json#/0", 2L, "attendance.within-enrollment"),
                org.assertj.core.groups.Tuple.tuple("studentSchoolAttendanceEvents/page-1.json#/0", 2L, "attendance.within-enrollment"));
        assertThat(live.current().number()).isZero();
    }

    @Test
    void aBrokenRecordIsLocatedAtItsFileLineAndJsonPointerWithTheImportsRuleCode() throws IOException {
        Path dir = copy();
        Path events = dir.resolve("studentSchoolAttendanceEvents/page-1.json");
        Files.writeString(events, Files.readString(events).replace("#Unexcused Absence", "#Skipped class"));
        Path deletes = dir.resolve("studentSchoolAttendanceEvents/deletes-1.json");
        Files.writeString(deletes, Files.readString(deletes).replace("\"changeVersion\": 20495,", ""));
        Files.writeString(dir.resolve("studentSchoolAssociations/page-1.json"),
                Files.readString(dir.resolve("studentSchoolAssociations/page-1.json")).replace("\"609901\"", "\"699999\""));
        Files.createDirectories(dir.resolve("schools"));
        Files.writeString(dir.resolve("schools/page-1.json"), "[]");
        Files.writeString(dir.resolve("schools/deletes-1.json"), "[]");
        Files.writeString(dir.resolve("students.json"), "[]");
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> read(dir));
        assertThat(e.violations()).extracting(Violation::file, Violation::line, v -> v.field().orElse(""), Violation::rule).contains(
                org.assertj.core.groups.Tuple.tuple("studentSchoolAttendanceEvents/deletes-1.json", 2L, "/0",
                        "edfi-changes.change-version"),
                org.assertj.core.groups.Tuple.tuple("studentSchoolAttendanceEvents/page-1.json", 25L, "/1/attendanceEventCategoryDescriptor",
                        "descriptor.unknown"),
                org.assertj.core.groups.Tuple.tuple("studentSchoolAssociations/page-1.json", 8L, "/0/studentReference",
                        "reference.unknown-student"),
                org.assertj.core.groups.Tuple.tuple("schools/page-1.json", 0L, "", "edfi-changes.unsupported-resource"),
                org.assertj.core.groups.Tuple.tuple("schools/deletes-1.json", 0L, "", "edfi-changes.unsupported-resource"),
                org.assertj.core.groups.Tuple.tuple("students.json", 0L, "", "edfi-changes.unsupported-resource"));
    }

    @Test
    void twoEventsOfOneDayAreMergedAsTheImportMergesThem() throws IOException {
        Path dir = copy();
        Path events = dir.resolve("studentSchoolAttendanceEvents/page-1.json");
        String text = Files.readString(events);
        String second = text.substring(text.indexOf("  {", text.indexOf("\"changeVersion\": 20493")), text.lastIndexOf('}') + 1)
                .replace("Unexcused Absence", "Tardy").replace("\"eventDuration\": 1", "\"eventDuration\": 0.1")
                .replace("20494", "20495");
        Files.writeString(events, text.substring(0, text.lastIndexOf('}') + 1) + ",\n" + second + "\n]\n");
        EdFiChangeQueries.Result r = read(dir);
        assertThat(r.warnings()).extracting(Violation::rule).contains("attendance.events-merged");
        Change.Upsert kept = (Change.Upsert) r.batch().changes().stream()
                .filter(c -> c.key().equals(RecordKey.of(DataFile.ATTENDANCE, "609901", "255901044", "2022-02-03"))).findFirst().orElseThrow();
        assertThat(((AttendanceRecord) kept.record()).category()).isEqualTo(AttendanceCategory.UNEXCUSED_ABSENCE);
    }

    @Test
    void aChangedStaffRecordKeepsTheEmployerTheDistrictHolds() throws IOException {
        Path dir = copy();
        Files.createDirectories(dir.resolve("staffs"));
        Files.writeString(dir.resolve("staffs/page-1.json"), """
                [
                  {"staffUniqueId": "207249", "firstName": "Tamika", "lastSurname": "Mcpherson-Lee", "changeVersion": 20485}
                ]
                """);
        DistrictData d = LiveDistrict.of(grandBend).apply(read(dir).batch()).data();
        assertThat(d.staff(StaffId.of("207249"))).hasValueSatisfying(s -> {
            assertThat(s.lastName()).isEqualTo("Mcpherson-Lee");
            assertThat(s.employerId()).isEqualTo(grandBend.staff(StaffId.of("207249")).orElseThrow().employerId());
        });
    }

    @Test
    void resourceRecordsMayOmitTheirChangeVersionWhenTheWindowsNewestIsGiven() throws IOException {
        Path dir = copy();
        Path events = dir.resolve("studentSchoolAttendanceEvents/page-1.json");
        Files.writeString(events, Files.readString(events).replaceFirst("\"changeVersion\": 20493,", ""));   // the Tardy
        RecordKey tardy = RecordKey.of(DataFile.ATTENDANCE, "604822", "255901001", "2021-11-09");
        EdFiChangeQueries.Result r = read(dir);
        assertThat(r.batch().changes()).extracting(Change::key).contains(tardy);
        assertThat(r.changeVersion()).isEqualTo(20496);
        // applied whatever was applied before: it carries no version to compare
        assertThat(EdFiChangeQueries.builder().build().read(dir, grandBend, 20496).batch().changes()).extracting(Change::key)
                .containsExactly(tardy);

        Files.delete(dir.resolve("availableChangeVersions.json"));
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> read(dir));
        assertThat(e.violations()).extracting(Violation::file, Violation::line, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("studentSchoolAttendanceEvents/page-1.json", 2L, "edfi-changes.change-version"));
    }

    private Path copy() throws IOException {
        Path dir = tmp.resolve("changes");
        try (Stream<Path> s = Files.walk(CHANGES)) {
            for (Path p : s.toList()) {
                Path to = dir.resolve(CHANGES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }
}
