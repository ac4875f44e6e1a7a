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
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.testing.SimpleCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story the demo tells must be in the data: about a quarter of students chronically absent, community schools
 * starting higher and improving faster, and their graduation rates rising faster. Computed here with a naive
 * reference over a district-shaped city at a fifth of the students.
 */
class SyntheticCityCalibrationTest {
    @TempDir
    static Path dir;

    static Map<Integer, double[]> chronic;
    static Map<Integer, double[]> graduation;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.DISTRICT).scale(0.15).seed(7).build().writeTo(dir);
        chronic = chronicAbsence(dir);
        graduation = graduation(dir);
        chronic.forEach((y, r) -> System.out.printf("chronic %d: all %.3f community %.3f other %.3f%n", y, r[0], r[1], r[2]));
        graduation.forEach((y, r) -> System.out.printf("graduation %d: all %.3f community %.3f other %.3f (n=%.0f/%.0f)%n", y, r[0], r[1], r[2], r[3], r[4]));
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
    void graduationImprovesFasterInCommunitySchools() {
        double[] first = graduation.get(2015);
        double[] last = graduation.get(2018);
        assertThat(first[0]).isBetween(0.65, 0.90);
        assertThat(last[1] - first[1]).isGreaterThan(last[2] - first[2] + 0.02);
        assertThat(last[2] - first[2]).isPositive();
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
            if (c != null && year == c + 3) {
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
