package org.communityschools.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.testing.SimpleCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story the demo tells must be in the data: about a quarter of students chronically absent, community schools
 * starting higher and improving faster, and their graduation rates rising faster. Computed here with a naive
 * reference over a district-shaped city at 15% of the students (and, for the adjusted cohort graduation rates, at
 * half of them).
 */
class SyntheticCityCalibrationTest {
    @TempDir
    static Path dir;
    /** A larger city for the graduation rates, whose cohorts of a few hundred students per group are noisy. */
    @TempDir
    static Path cohorts;

    static Map<Integer, double[]> chronic;
    static Map<Integer, double[]> graduation;
    static Map<Integer, double[]> acgr4;
    static Map<Integer, double[]> acgr5;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.DISTRICT).scale(0.15).seed(7).build().writeTo(dir);
        chronic = chronicAbsence(dir);
        graduation = graduation(dir);
        SyntheticCity.builder().preset(Preset.DISTRICT).scale(0.5).seed(7).build().writeTo(cohorts);
        acgr4 = adjustedCohortGraduationRate(cohorts, 4);
        acgr5 = adjustedCohortGraduationRate(cohorts, 5);
        acgr4.forEach((c, r) -> System.out.printf("ACGR-4 cohort %d: all %.3f community %.3f other %.3f (%.0f/%.0f, removed %.0f)%n",
                c, r[0], r[1], r[2], r[3], r[4], r[5]));
        acgr5.forEach((c, r) -> System.out.printf("ACGR-5 cohort %d: all %.3f community %.3f other %.3f (%.0f/%.0f, removed %.0f)%n",
                c, r[0], r[1], r[2], r[3], r[4], r[5]));
        chronic.forEach((y, r) -> System.out.printf("chronic %d: all %.3f community %.3f other %.3f%n", y, r[0], r[1], r[2]));
        graduation.forEach((y, r) -> System.out.printf("graduation %d: all %.3f community %.3f other %.3f (n=%.0f/%.0f)%n", y, r[0], r[1], r[2], r[3], r[4]));
    }

    @Test
    void aDistrictShapedCityLoadsThroughTheReaderWithoutAnyViolation() {
        ReadResult read = DistrictDataReader.builder().lenient(true).build().read(dir);
        assertThat(read.report().violations()).isEmpty();
    }

    @Test
    void theDistrictHasEveryKindOfEventTheMetricsMustHandle() {
        Map<String, Long> exits = SimpleCsv.rows(dir.resolve("enrollments.csv")).stream()
                .collect(Collectors.groupingBy(r -> r.get("exit_type") + "/" + r.get("exit_documented"), Collectors.counting()));
        assertThat(exits).containsKeys("GRADUATED/true", "TRANSFERRED/true", "TRANSFERRED/false", "DROPPED_OUT/false",
                "GED_PROGRAM/false", "EMIGRATED/true", "END_OF_YEAR/true", "OTHER/true");
        Set<String> diplomas = SimpleCsv.rows(dir.resolve("diplomas.csv")).stream().map(r -> r.get("diploma_type")).collect(Collectors.toSet());
        assertThat(diplomas).contains("REGULAR", "ADVANCED", "IEP", "CERTIFICATE", "HSE");
        List<Map<String, String>> diplomaRows = SimpleCsv.rows(dir.resolve("diplomas.csv"));
        assertThat(diplomaRows).anyMatch(r -> r.get("award_date").substring(5, 7).equals("08"));
        assertThat(diplomaRows).anyMatch(r -> r.get("award_date").substring(5, 7).equals("01"));
        Set<String> categories = SimpleCsv.rows(dir.resolve("attendance.csv")).stream()
                .map(r -> r.get("category") + "/" + r.get("duration")).collect(Collectors.toSet());
        assertThat(categories).contains("PARTIAL/0.5", "TARDY/", "EXCUSED_ABSENCE/", "UNEXCUSED_ABSENCE/",
                "IN_SCHOOL_SUSPENSION/", "OUT_OF_SCHOOL_SUSPENSION/", "EARLY_DEPARTURE/0.25");
        assertThat(SimpleCsv.rows(dir.resolve("course_marks.csv"))).anyMatch(r -> r.get("result").equals("FAIL"))
                .anyMatch(r -> r.get("result").equals("WITHDRAWN"));
        Set<String> characteristics = SimpleCsv.rows(dir.resolve("student_characteristics.csv")).stream()
                .map(r -> r.get("characteristic")).collect(Collectors.toSet());
        assertThat(characteristics).contains("ENGLISH_LEARNER", "DISABILITY", "ECONOMICALLY_DISADVANTAGED", "HOMELESS");
        assertThat(SimpleCsv.rows(dir.resolve("consents.csv"))).anyMatch(r -> !r.get("revoked_date").isEmpty());
    }

    @Test
    void aboutAQuarterOfStudentsAreChronicallyAbsentCitywide() {
        for (double[] year : chronic.values()) {
            assertThat(year[0]).isBetween(0.18, 0.30);
        }
    }

    @Test
    void communitySchoolsStartHigherAndImproveFaster() {
        double[] first = chronic.get(2015);
        double[] last = chronic.get(2018);
        assertThat(first[1]).isBetween(0.30, 0.42);
        assertThat(first[1] - first[2]).isGreaterThan(0.05);
        double communityDrop = first[1] - last[1];
        double otherDrop = first[2] - last[2];
        assertThat(communityDrop).isGreaterThan(otherDrop + 0.04);
        assertThat(otherDrop).isBetween(-0.01, 0.05);
    }

    @Test
    void fourthYearStudentsGraduateAtRealisticRates() {
        // Which group improves faster is checked on the adjusted cohort rate of a larger city below: at this scale the
        // community-school group holds about 100 students a year, too few to compare changes of a few points.
        double[] first = graduation.get(2015);
        double[] last = graduation.get(2018);
        assertThat(first[0]).isBetween(0.65, 0.90);
        assertThat(last[0]).isBetween(0.65, 0.90);
    }

    @Test
    void everyCohortWhoseFourthYearIsGeneratedHasAFourYearAdjustedCohortGraduationRateAroundThreeQuarters() {
        assertThat(acgr4.keySet()).containsExactly(2012, 2013, 2014, 2015);
        for (double[] cohort : acgr4.values()) {
            assertThat(cohort[0]).isBetween(0.68, 0.84);
            assertThat(cohort[5]).as("documented transfers out, emigrants and deaths are removed").isPositive();
        }
        assertThat(acgr5.keySet()).containsExactly(2012, 2013, 2014);
        acgr5.forEach((cohort, rate) -> assertThat(rate[0]).isGreaterThan(acgr4.get(cohort)[0]));
    }

    @Test
    void theAdjustedCohortGraduationRateRisesFasterInCommunitySchools() {
        double[] first = acgr4.get(2012);
        double[] last = acgr4.get(2015);
        double community = last[1] - first[1];
        double other = last[2] - first[2];
        assertThat(community).isBetween(0.06, 0.18);
        assertThat(other).isBetween(0.02, 0.10);
        assertThat(community).isGreaterThan(other + 0.03);
    }

    @Test
    void cohortsThatBeganBeforeTheFirstYearHaveTheirEarlierEnrollmentsAndTheirLeavers() {
        LocalDate firstDay = SchoolYear.of(2015).firstDay();
        Map<String, String> cohortOf = SimpleCsv.rows(dir.resolve("students.csv")).stream()
                .filter(r -> !r.get("ninth_grade_cohort").isEmpty())
                .collect(Collectors.toMap(r -> r.get("student_id"), r -> r.get("ninth_grade_cohort")));
        Map<String, LocalDate> lastExit = new HashMap<>();
        Set<String> exitsBefore = new HashSet<>();
        Set<String> earlyEntryCohorts = new HashSet<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("enrollments.csv"))) {
            LocalDate entry = LocalDate.parse(r.get("entry_date"));
            LocalDate exit = LocalDate.parse(r.get("exit_date"));
            lastExit.merge(r.get("student_id"), exit, (a, b) -> a.isAfter(b) ? a : b);
            if (entry.isBefore(firstDay)) {
                assertThat(cohortOf).containsKey(r.get("student_id"));
                assertThat(SchoolYear.containing(entry).endYear()).isGreaterThanOrEqualTo(Integer.parseInt(cohortOf.get(r.get("student_id"))));
                earlyEntryCohorts.add(cohortOf.get(r.get("student_id")));
                if (!r.get("exit_type").equals("END_OF_YEAR")) {
                    exitsBefore.add(r.get("exit_type") + "/" + r.get("exit_documented"));
                }
            }
        }
        assertThat(earlyEntryCohorts).contains("2012", "2013", "2014");
        assertThat(exitsBefore).contains("DROPPED_OUT/false", "TRANSFERRED/true", "TRANSFERRED/false", "EMIGRATED/true",
                "GED_PROGRAM/false");
        long leftBefore = lastExit.values().stream().filter(d -> d.isBefore(firstDay)).count();
        assertThat(leftBefore).isPositive();
    }

    /**
     * Per ninth-grade cohort C (school year ending in C) whose year {@code years} is generated: {all, community, other,
     * graduates, adjusted cohort, removed}. The cohort is the students with that ninth_grade_cohort; a student is
     * removed when the last enrollment that begins by August 31 after year {@code years} ended in a documented
     * TRANSFERRED, EMIGRATED or DIED exit; a graduate holds a REGULAR, ADVANCED or ALTERNATE diploma awarded by that
     * August 31. A student belongs to the school of that last enrollment, a community school when it has a LEAD
     * partnership in the cohort's fourth year. Only cohorts whose fourth year is generated are complete (the
     * generator writes the leavers of those cohorts only).
     */
    static Map<Integer, double[]> adjustedCohortGraduationRate(Path dir, int years) {
        Set<String> community = communitySchoolYears(dir);
        Set<Integer> generated = community.stream().map(k -> Integer.parseInt(k.split("/")[1])).collect(Collectors.toSet());
        Map<String, Integer> cohort = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("students.csv"))) {
            if (!r.get("ninth_grade_cohort").isEmpty()) {
                cohort.put(r.get("student_id"), Integer.parseInt(r.get("ninth_grade_cohort")));
            }
        }
        Map<String, LocalDate> diploma = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("diplomas.csv"))) {
            if (List.of("REGULAR", "ADVANCED", "ALTERNATE").contains(r.get("diploma_type"))) {
                diploma.merge(r.get("student_id"), LocalDate.parse(r.get("award_date")), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, Map<String, String>> last = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("enrollments.csv"))) {
            Integer c = cohort.get(r.get("student_id"));
            if (c == null || LocalDate.parse(r.get("entry_date")).isAfter(LocalDate.of(c + years - 1, Month.AUGUST, 31))) {
                continue;
            }
            last.merge(r.get("student_id"), r, (a, b) -> a.get("entry_date").compareTo(b.get("entry_date")) >= 0 ? a : b);
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        last.forEach((student, r) -> {
            int c = cohort.get(student);
            if (!generated.contains(c + years - 1) || !generated.contains(c + 3)) {
                return;
            }
            int[] n = counts.computeIfAbsent(c, k -> new int[7]);
            boolean removed = r.get("exit_documented").equals("true")
                    && List.of("TRANSFERRED", "EMIGRATED", "DIED").contains(r.get("exit_type"));
            if (removed) {
                n[6]++;
                return;
            }
            LocalDate d = diploma.get(student);
            boolean graduated = d != null && !d.isAfter(LocalDate.of(c + years - 1, Month.AUGUST, 31));
            int group = community.contains(r.get("school_id") + "/" + (c + 3)) ? 2 : 4;
            n[0]++;
            n[1] += graduated ? 1 : 0;
            n[group]++;
            n[group + 1] += graduated ? 1 : 0;
        });
        Map<Integer, double[]> rates = new TreeMap<>();
        counts.forEach((c, n) -> rates.put(c, new double[] {(double) n[1] / n[0], (double) n[3] / n[2], (double) n[5] / n[4],
                n[1], n[0], n[6]}));
        return rates;
    }

    /**
     * Per school year: {all, community, other} share of (student, school) enrollments of 10 days or more in which the
     * student missed at least half of 10% or more of the enrolled instructional days.
     */
    static Map<Integer, double[]> chronicAbsence(Path dir) {
        Map<String, TreeSet<LocalDate>> calendar = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("calendar.csv"))) {
            calendar.computeIfAbsent(r.get("school_id"), k -> new TreeSet<>()).add(LocalDate.parse(r.get("date")));
        }
        Set<String> community = communitySchoolYears(dir);
        Map<String, int[]> days = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("enrollments.csv"))) {
            LocalDate entry = LocalDate.parse(r.get("entry_date"));
            LocalDate exit = r.get("exit_date").isEmpty() ? LocalDate.MAX : LocalDate.parse(r.get("exit_date"));
            // The generator never lets an enrollment cross a school year (summer graduates leave in August).
            days.computeIfAbsent(key(r.get("student_id"), r.get("school_id"), entry), k -> new int[2])[0]
                    += calendar.get(r.get("school_id")).subSet(entry, true, exit, true).size();
        }
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("attendance.csv"))) {
            String c = r.get("category");
            double missed = !r.get("duration").isEmpty() ? Double.parseDouble(r.get("duration"))
                    : c.equals("EXCUSED_ABSENCE") || c.equals("UNEXCUSED_ABSENCE") || c.equals("OUT_OF_SCHOOL_SUSPENSION") ? 1 : 0;
            if (missed >= 0.5) {
                days.get(key(r.get("student_id"), r.get("school_id"), LocalDate.parse(r.get("date"))))[1]++;
            }
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        days.forEach((k, v) -> {
            if (v[0] >= 10) {
                String[] parts = k.split("/");
                int year = Integer.parseInt(parts[2]);
                boolean chronicAbsent = v[1] * 10 >= v[0];
                int[] c = counts.computeIfAbsent(year, y -> new int[6]);
                int group = community.contains(parts[1] + "/" + year) ? 2 : 4;
                c[0]++;
                c[1] += chronicAbsent ? 1 : 0;
                c[group]++;
                c[group + 1] += chronicAbsent ? 1 : 0;
            }
        });
        Map<Integer, double[]> rates = new TreeMap<>();
        counts.forEach((y, c) -> rates.put(y, new double[] {(double) c[1] / c[0], (double) c[3] / c[2], (double) c[5] / c[4]}));
        return rates;
    }

    /** Key of one student's enrollment at one school in the school year of {@code date}. */
    private static String key(String student, String school, LocalDate date) {
        return student + "/" + school + "/" + SchoolYear.containing(date).endYear();
    }

    /**
     * Per school year Y: {all, community, other, graduates, students} among students in their fourth high-school year
     * in Y (ninth-grade cohort Y-3) and enrolled in Y, the share with a regular or advanced diploma by August 31 after
     * Y; a student belongs to the school of the last enrollment in Y.
     */
    static Map<Integer, double[]> graduation(Path dir) {
        Set<String> community = communitySchoolYears(dir);
        Map<String, Integer> cohort = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("students.csv"))) {
            if (!r.get("ninth_grade_cohort").isEmpty()) {
                cohort.put(r.get("student_id"), Integer.parseInt(r.get("ninth_grade_cohort")));
            }
        }
        Map<String, LocalDate> diploma = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("diplomas.csv"))) {
            if (List.of("REGULAR", "ADVANCED", "ALTERNATE").contains(r.get("diploma_type"))) {
                diploma.put(r.get("student_id"), LocalDate.parse(r.get("award_date")));
            }
        }
        Map<String, String> lastSchool = new TreeMap<>();
        Map<String, LocalDate> lastEntry = new HashMap<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("enrollments.csv"))) {
            String student = r.get("student_id");
            Integer c = cohort.get(student);
            LocalDate entry = LocalDate.parse(r.get("entry_date"));
            int year = SchoolYear.containing(entry).endYear();
            if (c != null && year == c + 3 && year >= 2015) {
                LocalDate before = lastEntry.get(student);
                if (before == null || entry.isAfter(before)) {
                    lastEntry.put(student, entry);
                    lastSchool.put(student, r.get("school_id") + "/" + year);
                }
            }
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        lastSchool.forEach((student, schoolYear) -> {
            int year = Integer.parseInt(schoolYear.split("/")[1]);
            LocalDate d = diploma.get(student);
            boolean graduated = d != null && !d.isAfter(LocalDate.of(year, Month.AUGUST, 31));
            int[] c = counts.computeIfAbsent(year, y -> new int[6]);
            int group = community.contains(schoolYear) ? 2 : 4;
            c[0]++;
            c[1] += graduated ? 1 : 0;
            c[group]++;
            c[group + 1] += graduated ? 1 : 0;
        });
        Map<Integer, double[]> rates = new TreeMap<>();
        counts.forEach((y, c) -> rates.put(y, new double[] {(double) c[1] / c[0], (double) c[3] / c[2], (double) c[5] / c[4], c[1], c[0]}));
        return rates;
    }

    private static Set<String> communitySchoolYears(Path dir) {
        Set<String> community = new HashSet<>();
        for (Map<String, String> r : SimpleCsv.rows(dir.resolve("partnerships.csv"))) {
            if (r.get("role").equals("LEAD")) {
                community.add(r.get("school_id") + "/" + r.get("school_year"));
            }
        }
        return community;
    }
}
