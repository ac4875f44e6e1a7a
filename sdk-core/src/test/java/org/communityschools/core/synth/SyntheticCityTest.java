package org.communityschools.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.internal.json.AgreementsFile;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.testing.SimpleCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny preset: its shape, determinism, and the rules a reader checks, verified with naive references. */
class SyntheticCityTest {
    @TempDir
    static Path root;

    static Path tiny;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() {
        tiny = root.resolve("tiny");
        summary = SyntheticCity.builder().preset(Preset.TINY).seed(42).build().writeTo(tiny);
    }

    static List<Map<String, String>> rows(String file) {
        return SimpleCsv.rows(tiny.resolve(file));
    }

    @Test
    void loadsThroughTheReaderWithoutAnyViolation() {
        ReadResult read = DistrictDataReader.builder().lenient(true).build().read(tiny);
        assertThat(read.report().violations()).isEmpty();
        assertThat(read.data().students()).hasSize(rows("students.csv").size());
        assertThat(read.data().attendance().size()).isEqualTo(rows("attendance.csv").size());
        assertThat(read.data().agreements()).isNotEmpty();
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        Path again = root.resolve("again");
        SyntheticCity.builder().preset(Preset.TINY).seed(42).build().writeTo(again);
        List<String> names = fileNames(tiny);
        assertThat(fileNames(again)).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(tiny.resolve(name)));
        }
    }

    @Test
    void differentSeedsGiveDifferentData() throws IOException {
        Path other = root.resolve("other");
        SyntheticCity.builder().preset(Preset.TINY).seed(43).build().writeTo(other);
        assertThat(Files.readAllBytes(other.resolve("attendance.csv"))).isNotEqualTo(Files.readAllBytes(tiny.resolve("attendance.csv")));
        assertThat(Files.readAllBytes(other.resolve("students.csv"))).isNotEqualTo(Files.readAllBytes(tiny.resolve("students.csv")));
    }

    @Test
    void tinyIsOneDistrictWithAHighSchoolTwoCommunitySchoolsAndAFewHundredStudents() {
        assertThat(rows("organizations.csv")).filteredOn(r -> r.get("type").equals("DISTRICT")).hasSize(1);
        List<Map<String, String>> schools = rows("schools.csv");
        assertThat(schools).hasSizeBetween(4, 6);
        assertThat(schools).anyMatch(r -> r.get("high_grade").equals("12"));
        Set<String> community = rows("partnerships.csv").stream().filter(r -> r.get("role").equals("LEAD"))
                .map(r -> r.get("school_id")).collect(Collectors.toSet());
        assertThat(community).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows("students.csv")).hasSizeBetween(250, 600);
        assertThat(summary.rows(DataFile.STUDENTS)).isEqualTo(rows("students.csv").size());
        assertThat(summary.rows(DataFile.ATTENDANCE)).isEqualTo(rows("attendance.csv").size());
    }

    @Test
    void everySchoolHas180InstructionalWeekdaysPerYearFromSeptemberToJune() {
        Map<String, Map<Integer, List<LocalDate>>> days = new HashMap<>();
        for (Map<String, String> r : rows("calendar.csv")) {
            LocalDate d = LocalDate.parse(r.get("date"));
            days.computeIfAbsent(r.get("school_id"), k -> new TreeMap<>())
                    .computeIfAbsent(SchoolYear.containing(d).endYear(), k -> new ArrayList<>()).add(d);
        }
        assertThat(days).hasSize(rows("schools.csv").size());
        for (Map<Integer, List<LocalDate>> years : days.values()) {
            assertThat(years.keySet()).containsExactly(2015, 2016, 2017, 2018);
            for (List<LocalDate> year : years.values()) {
                assertThat(year).hasSize(180).doesNotHaveDuplicates()
                        .allMatch(d -> d.getDayOfWeek().getValue() <= 5);
                assertThat(year.get(0).getMonthValue()).isEqualTo(9);
                assertThat(year.get(179).getMonthValue()).isEqualTo(6);
                assertThat(year.get(179).getDayOfMonth()).isGreaterThanOrEqualTo(15);
            }
        }
    }

    @Test
    void identifiersAreUniqueShortAndWithoutSpaces() {
        Map<String, String> keys = Map.of("organizations.csv", "organization_id", "schools.csv", "school_id",
                "students.csv", "student_id", "staff.csv", "staff_id", "behavior.csv", "incident_id",
                "interventions.csv", "intervention_id", "consents.csv", "consent_id");
        keys.forEach((file, column) -> {
            List<String> ids = rows(file).stream().map(r -> r.get(column)).toList();
            assertThat(ids).as(file).isNotEmpty().doesNotHaveDuplicates()
                    .allMatch(id -> !id.isEmpty() && id.length() <= 32 && id.chars().noneMatch(Character::isWhitespace));
        });
    }

    @Test
    void everyReferencePointsToARowThatExists() {
        Set<String> students = ids("students.csv", "student_id");
        Set<String> schools = ids("schools.csv", "school_id");
        Set<String> organizations = ids("organizations.csv", "organization_id");
        Set<String> staff = ids("staff.csv", "staff_id");
        Set<String> interventions = ids("interventions.csv", "intervention_id");
        Set<String> educationOrganizations = new HashSet<>(schools);
        educationOrganizations.addAll(organizations);
        for (String file : List.of("student_characteristics.csv", "enrollments.csv", "diplomas.csv", "attendance.csv",
                "behavior.csv", "course_marks.csv", "student_staff.csv", "intervention_participants.csv", "consents.csv")) {
            assertThat(rows(file)).as(file).allMatch(r -> students.contains(r.get("student_id")));
        }
        for (String file : List.of("partnerships.csv", "calendar.csv", "enrollments.csv", "diplomas.csv", "attendance.csv",
                "behavior.csv", "course_marks.csv", "interventions.csv")) {
            assertThat(rows(file)).as(file).allMatch(r -> schools.contains(r.get("school_id")));
        }
        assertThat(rows("schools.csv")).allMatch(r -> organizations.contains(r.get("district_id")));
        assertThat(rows("partnerships.csv")).allMatch(r -> organizations.contains(r.get("organization_id")));
        assertThat(rows("staff.csv")).allMatch(r -> organizations.contains(r.get("employer_id")));
        assertThat(rows("staff_assignments.csv")).allMatch(r -> staff.contains(r.get("staff_id"))
                && educationOrganizations.contains(r.get("organization_id")));
        assertThat(rows("student_staff.csv")).allMatch(r -> staff.contains(r.get("staff_id")));
        assertThat(rows("interventions.csv")).allMatch(r -> educationOrganizations.contains(r.get("provider_id")));
        assertThat(rows("intervention_participants.csv")).allMatch(r -> interventions.contains(r.get("intervention_id"))
                && staff.contains(r.get("staff_id")));
        assertThat(rows("consents.csv")).allMatch(r -> organizations.contains(r.get("recipient_id")));
    }

    @Test
    void enrollmentsOfAStudentNeverOverlapAndStartInAGradeTheSchoolOffers() {
        Map<String, String[]> grades = new HashMap<>();
        for (Map<String, String> r : rows("schools.csv")) {
            grades.put(r.get("school_id"), new String[] {r.get("low_grade"), r.get("high_grade")});
        }
        Map<String, List<LocalDate[]>> periods = new HashMap<>();
        for (Map<String, String> r : rows("enrollments.csv")) {
            GradeLevel grade = GradeLevel.parse(r.get("entry_grade"));
            String[] offered = grades.get(r.get("school_id"));
            assertThat(grade).isBetween(GradeLevel.parse(offered[0]), GradeLevel.parse(offered[1]));
            LocalDate entry = LocalDate.parse(r.get("entry_date"));
            LocalDate exit = LocalDate.parse(r.get("exit_date"));
            assertThat(exit).isAfterOrEqualTo(entry);
            periods.computeIfAbsent(r.get("student_id"), k -> new ArrayList<>()).add(new LocalDate[] {entry, exit});
        }
        periods.forEach((student, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    LocalDate[] a = list.get(i);
                    LocalDate[] b = list.get(j);
                    assertThat(a[1].isBefore(b[0]) || b[1].isBefore(a[0])).as("enrollments of %s overlap", student).isTrue();
                }
            }
        });
    }

    @Test
    void attendanceFallsOnInstructionalDaysWithinAnEnrollmentOncePerDay() {
        Set<String> calendar = rows("calendar.csv").stream().map(r -> r.get("school_id") + "/" + r.get("date")).collect(Collectors.toSet());
        Map<String, List<LocalDate[]>> enrollments = new HashMap<>();
        for (Map<String, String> r : rows("enrollments.csv")) {
            enrollments.computeIfAbsent(r.get("student_id") + "/" + r.get("school_id"), k -> new ArrayList<>())
                    .add(new LocalDate[] {LocalDate.parse(r.get("entry_date")), LocalDate.parse(r.get("exit_date"))});
        }
        Set<String> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Map<String, String> r : rows("attendance.csv")) {
            LocalDate d = LocalDate.parse(r.get("date"));
            String row = r.get("student_id") + "/" + r.get("school_id") + "/" + d;
            if (!calendar.contains(r.get("school_id") + "/" + r.get("date"))) {
                wrong.add("not an instructional day: " + row);
            }
            if (enrollments.getOrDefault(r.get("student_id") + "/" + r.get("school_id"), List.of()).stream()
                    .noneMatch(p -> !d.isBefore(p[0]) && !d.isAfter(p[1]))) {
                wrong.add("outside every enrollment: " + row);
            }
            if (!seen.add(r.get("student_id") + "/" + r.get("date"))) {
                wrong.add("second row for the day: " + row);
            }
        }
        assertThat(seen).isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void suspensionDaysInAttendanceMatchTheIncidentsActionDays() {
        Map<String, Long> suspended = rows("attendance.csv").stream()
                .filter(r -> r.get("category").endsWith("_SUSPENSION"))
                .collect(Collectors.groupingBy(r -> r.get("student_id") + "/" + r.get("category"), Collectors.counting()));
        Map<String, Long> actionDays = rows("behavior.csv").stream()
                .filter(r -> r.get("action").endsWith("_SUSPENSION"))
                .collect(Collectors.groupingBy(r -> r.get("student_id") + "/" + r.get("action"),
                        Collectors.summingLong(r -> Long.parseLong(r.get("action_days")))));
        assertThat(suspended).isEqualTo(actionDays).isNotEmpty();
    }

    @Test
    void everyCommunitySchoolHasADirectorEmployedByItsLeadOrganizationAndSuccessMentors() {
        Map<String, String> employer = rows("staff.csv").stream().collect(Collectors.toMap(r -> r.get("staff_id"), r -> r.get("employer_id")));
        List<Map<String, String>> assignments = rows("staff_assignments.csv");
        for (Map<String, String> p : rows("partnerships.csv")) {
            if (!p.get("role").equals("LEAD")) {
                continue;
            }
            assertThat(assignments).anyMatch(a -> a.get("organization_id").equals(p.get("school_id"))
                    && a.get("role").equals("COMMUNITY_SCHOOL_DIRECTOR") && employer.get(a.get("staff_id")).equals(p.get("organization_id")));
            assertThat(assignments).anyMatch(a -> a.get("organization_id").equals(p.get("school_id")) && a.get("role").equals("SUCCESS_MENTOR"));
        }
        for (StaffRole role : List.of(StaffRole.PRINCIPAL, StaffRole.TEACHER, StaffRole.COUNSELOR, StaffRole.DISTRICT_ADMIN, StaffRole.RESEARCHER)) {
            assertThat(assignments).anyMatch(a -> a.get("role").equals(role.name()));
        }
    }

    @Test
    void mentorsCaseloadsHoldStudentsChronicallyAbsentTheYearBefore() {
        List<Map<String, String>> mentees = rows("student_staff.csv").stream()
                .filter(r -> r.get("relationship").equals("MENTOR_OF")).toList();
        assertThat(mentees).isNotEmpty();
        assertThat(rows("intervention_participants.csv")).hasSize(mentees.size());
        Map<String, Integer> absences = new HashMap<>();
        Map<String, Integer> enrolled = new HashMap<>();
        countDays(absences, enrolled);
        long chronicBefore = mentees.stream().filter(m -> {
            int year = SchoolYear.containing(LocalDate.parse(m.get("begin_date"))).endYear();
            String key = m.get("student_id") + "/" + (year - 1);
            return enrolled.getOrDefault(key, 0) > 0 && absences.getOrDefault(key, 0) * 10 >= enrolled.get(key);
        }).count();
        long firstYear = mentees.stream().filter(m -> SchoolYear.containing(LocalDate.parse(m.get("begin_date"))).endYear() == 2015).count();
        assertThat(chronicBefore).isEqualTo(mentees.size() - firstYear);
    }

    @Test
    void agreementsGiveEachLeadOrganizationOneActiveSchoolOfficialAgreementAndTheResearcherAStudy() {
        List<DataSharingAgreement> agreements = AgreementsFile.read(tiny.resolve("agreements.json")).agreements().stream()
                .map(AgreementsFile.ParsedAgreement::agreement).toList();
        Set<String> leads = rows("partnerships.csv").stream().filter(r -> r.get("role").equals("LEAD"))
                .map(r -> r.get("organization_id")).collect(Collectors.toSet());
        for (String lead : leads) {
            assertThat(agreements).filteredOn(a -> a.recipientOrganizationId().value().equals(lead)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.legalBasis()).isEqualTo(LegalBasis.SCHOOL_OFFICIAL);
                        assertThat(a.dataElements()).containsExactlyInAnyOrder("IDENTITY", "ATTENDANCE", "BEHAVIOR", "COURSEWORK", "INTERVENTIONS");
                        assertThat(a.permittedRoles()).containsExactlyInAnyOrder(StaffRole.COMMUNITY_SCHOOL_DIRECTOR, StaffRole.SUCCESS_MENTOR);
                        assertThat(a.signatories()).hasSize(2);
                    });
        }
        assertThat(agreements).anyMatch(a -> a.legalBasis() == LegalBasis.STUDIES);
    }

    @Test
    void highSchoolStudentsCarryTheirNinthGradeCohort() {
        Set<String> highSchool = rows("enrollments.csv").stream().filter(r -> GradeLevel.parse(r.get("entry_grade")).isHighSchool())
                .map(r -> r.get("student_id")).collect(Collectors.toSet());
        assertThat(highSchool).isNotEmpty();
        assertThat(rows("students.csv")).allMatch(r -> highSchool.contains(r.get("student_id")) != r.get("ninth_grade_cohort").isEmpty());
    }

    @Test
    void historyYearsHoldOnlyHighSchoolEnrollmentsOfStudentsWithACohortIncludingThoseWhoLeftBeforeTheFirstYear() {
        LocalDate firstDay = SchoolYear.of(2015).firstDay();
        Map<String, String> cohort = rows("students.csv").stream()
                .collect(Collectors.toMap(r -> r.get("student_id"), r -> r.get("ninth_grade_cohort")));
        List<Map<String, String>> history = rows("enrollments.csv").stream()
                .filter(r -> LocalDate.parse(r.get("entry_date")).isBefore(firstDay)).toList();
        assertThat(history).isNotEmpty().allSatisfy(r -> {
            assertThat(GradeLevel.parse(r.get("entry_grade")).isHighSchool()).isTrue();
            assertThat(LocalDate.parse(r.get("exit_date"))).isBefore(firstDay);
            assertThat(SchoolYear.containing(LocalDate.parse(r.get("entry_date"))).endYear())
                    .isBetween(2011, 2014).isGreaterThanOrEqualTo(Integer.parseInt(cohort.get(r.get("student_id"))));
        });
        Map<String, LocalDate> lastExit = new HashMap<>();
        for (Map<String, String> r : rows("enrollments.csv")) {
            lastExit.merge(r.get("student_id"), LocalDate.parse(r.get("exit_date")), (a, b) -> a.isAfter(b) ? a : b);
        }
        Set<String> leftBefore = lastExit.entrySet().stream().filter(e -> e.getValue().isBefore(firstDay))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(leftBefore).isNotEmpty().allMatch(s -> Integer.parseInt(cohort.get(s)) >= 2012);
        assertThat(rows("attendance.csv")).noneMatch(r -> LocalDate.parse(r.get("date")).isBefore(firstDay));
        assertThat(rows("calendar.csv")).noneMatch(r -> LocalDate.parse(r.get("date")).isBefore(firstDay));
        assertThat(rows("partnerships.csv")).allMatch(r -> Integer.parseInt(r.get("school_year")) >= 2015);
    }

    @Test
    void builderSettingsAreSetOnceAndChecked() {
        SyntheticCity.Builder builder = SyntheticCity.builder().seed(1);
        assertThatThrownBy(() -> builder.seed(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SyntheticCity.builder().years(SchoolYear.of(2018), SchoolYear.of(2015)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticCity.builder().scale(0)).isInstanceOf(IllegalArgumentException.class);
        SyntheticCity city = SyntheticCity.builder().build();
        assertThat(city.preset()).isEqualTo(Preset.TINY);
        assertThat(city.firstYear()).isEqualTo(SchoolYear.of(2015));
        assertThat(city.lastYear()).isEqualTo(SchoolYear.of(2018));
    }

    /** Absent days (half a day or more missed) and enrolled instructional days per student and school year. */
    private static void countDays(Map<String, Integer> absences, Map<String, Integer> enrolled) {
        Map<String, List<LocalDate>> calendar = new HashMap<>();
        for (Map<String, String> r : rows("calendar.csv")) {
            calendar.computeIfAbsent(r.get("school_id"), k -> new ArrayList<>()).add(LocalDate.parse(r.get("date")));
        }
        for (Map<String, String> r : rows("enrollments.csv")) {
            LocalDate entry = LocalDate.parse(r.get("entry_date"));
            LocalDate exit = LocalDate.parse(r.get("exit_date"));
            long n = calendar.get(r.get("school_id")).stream().filter(d -> !d.isBefore(entry) && !d.isAfter(exit)).count();
            enrolled.merge(r.get("student_id") + "/" + SchoolYear.containing(entry).endYear(), (int) n, Integer::sum);
        }
        for (Map<String, String> r : rows("attendance.csv")) {
            String c = r.get("category");
            boolean absent = r.get("duration").isEmpty()
                    ? c.equals("EXCUSED_ABSENCE") || c.equals("UNEXCUSED_ABSENCE") || c.equals("OUT_OF_SCHOOL_SUSPENSION")
                    : Double.parseDouble(r.get("duration")) >= 0.5;
            if (absent) {
                absences.merge(r.get("student_id") + "/" + SchoolYear.containing(LocalDate.parse(r.get("date"))).endYear(), 1, Integer::sum);
            }
        }
    }

    private static Set<String> ids(String file, String column) {
        return rows(file).stream().map(r -> r.get(column)).collect(Collectors.toSet());
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
