package org.communityschools.core.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual measurement, not a test: loads a district data directory and prints load time, heap after a full GC,
 * peak heap, attendance rows and bytes per row. Also writes a plain synthetic directory of a given size when the
 * synthetic city generator is not at hand. See docs/performance-data-loading.md for the commands and figures.
 *
 * <pre>
 * java -Xmx2g -cp ... org.communityschools.core.data.LoadMeasurement generate DIR STUDENTS SCHOOLS YEARS
 * java -cp ... org.communityschools.core.data.LoadMeasurement synth DIR NYC 2018 2018
 * java -Xmx2g -cp ... org.communityschools.core.data.LoadMeasurement load DIR [lenient]
 * </pre>
 */
public final class LoadMeasurement {
    private LoadMeasurement() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 5 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length >= 5 && args[0].equals("synth")) {
            long t0 = System.nanoTime();
            var summary = org.communityschools.core.synth.SyntheticCity.builder()
                    .preset(org.communityschools.core.synth.Preset.valueOf(args[2]))
                    .years(org.communityschools.core.model.SchoolYear.parse(args[3]), org.communityschools.core.model.SchoolYear.parse(args[4]))
                    .build().writeTo(Path.of(args[1]));
            System.out.printf("generated in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, summary);
        } else if (args.length >= 2 && args[0].equals("csv")) {
            long t0 = System.nanoTime();
            long rows = 0;
            long cells = 0;
            try (var in = org.communityschools.core.internal.read.CsvRows.open(Path.of(args[1]))) {
                while (in.next()) {
                    rows++;
                    cells += in.size();
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("CsvRows alone: %,d rows, %,d cells in %.1f s (%,.0f rows/s)%n", rows, cells, s, rows / s);
        } else if (args.length >= 3 && args[0].equals("attendance")) {
            attendance(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 2 && args[0].equals("load")) {
            load(Path.of(args[1]), args.length > 2 && args[2].equals("lenient"));
        } else {
            System.err.println("usage: generate DIR STUDENTS SCHOOLS YEARS | synth DIR PRESET FIRST_YEAR LAST_YEAR | load DIR [lenient]");
        }
    }

    /**
     * Reads attendance.csv of {@code dir} with the files it refers to (as {@code LoadBenchmark.loadAttendance} does),
     * five times ({@code -Drepeat=N}: N times), on {@code threads} threads (1: the sequential reader), and prints each time.
     */
    private static void attendance(Path dir, int threads) throws IOException {
        Path only = Files.createTempDirectory("attendance-only");
        for (String f : List.of("organizations.csv", "schools.csv", "students.csv", "enrollments.csv", "attendance.csv")) {
            Files.createSymbolicLink(only.resolve(f), dir.toAbsolutePath().resolve(f));
        }
        for (int i = 0; i < Integer.getInteger("repeat", 5); i++) {
            long t0 = System.nanoTime();
            var violations = new org.communityschools.core.internal.read.Violations(100);
            var loader = new org.communityschools.core.internal.read.DirectoryLoader(null, violations,
                    DataElements.standard(), ReadLimits.defaults()).parallel(threads, 16 << 20);
            var index = loader.load(only, new org.communityschools.core.internal.read.AgreementsStep(null));
            System.out.printf("attendance-only read on %d thread(s): %.2f s, %,d rows, %d errors%n", threads,
                    (System.nanoTime() - t0) / 1e9, index.attendance.size(), violations.errorCount());
        }
        for (String f : List.of("organizations.csv", "schools.csv", "students.csv", "enrollments.csv", "attendance.csv")) {
            Files.delete(only.resolve(f));
        }
        Files.delete(only);
    }

    private static void load(Path dir, boolean lenient) {
        System.gc();
        long before = usedHeap();
        long t0 = System.nanoTime();
        ReadResult r = DistrictDataReader.builder().lenient(lenient).build().read(dir);
        long t1 = System.nanoTime();
        System.gc();
        System.gc();
        long after = usedHeap();
        DistrictData d = r.data();
        AttendanceTable a = d.attendance();
        System.out.println(r.report().summary());
        System.out.printf("load time            %.1f s%n", (t1 - t0) / 1e9);
        System.out.printf("students             %,d%n", d.students().size());
        System.out.printf("enrollments          %,d%n", d.enrollments().size());
        System.out.printf("attendance rows      %,d (%.0f rows/s)%n", a.size(), a.size() / ((t1 - t0) / 1e9));
        System.out.printf("attendance bytes/row %.2f (%,d bytes)%n", a.bytesPerRow(), a.estimatedBytes());
        if (d.courseMarks() instanceof org.communityschools.core.internal.index.CourseMarkColumns m) {
            System.out.printf("course marks         %,d (%,d bytes of columns)%n", m.size(), m.columnBytes());
        }
        System.out.printf("heap after full GC   %,d MB (retained by the data: %,d MB)%n", after >> 20, (after - before) >> 20);
        System.out.printf("max heap             %,d MB (peak: see -Xlog:gc)%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(d);
        if (Boolean.getBoolean("hold")) {
            System.out.println("holding for 120 s (jcmd <pid> GC.class_histogram)");
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A plain directory: one district, SCHOOLS schools (KG-12), STUDENTS students, 180 days a year, ~18 rows a student-year. */
    private static void generate(Path dir, int students, int schools, int years) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("organizations.csv"), StandardCharsets.UTF_8)) {
            w.write("organization_id,name,type\nD1,City District,DISTRICT\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("schools.csv"), StandardCharsets.UTF_8)) {
            w.write("school_id,name,district_id,low_grade,high_grade,school_type\n");
            for (int s = 0; s < schools; s++) {
                w.write("K" + s + ",School " + s + ",D1,KG,12,REGULAR\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("students.csv"), StandardCharsets.UTF_8)) {
            w.write("student_id,first_name,last_name,birth_date,sex,race_ethnicity,ninth_grade_cohort,directory_opt_out\n");
            for (int i = 0; i < students; i++) {
                w.write("S" + (10_000_000 + i) + ",First" + (i % 997) + ",Last" + (i % 1009) + ",2008-0" + (1 + i % 9) + "-1" + (i % 10)
                        + "," + (i % 2 == 0 ? "FEMALE" : "MALE") + ",HISPANIC,,false\n");
            }
        }
        List<List<LocalDate>> days = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("calendar.csv"), StandardCharsets.UTF_8)) {
            w.write("school_id,date\n");
            for (int y = 0; y < years; y++) {
                List<LocalDate> yearDays = new ArrayList<>();
                LocalDate d = LocalDate.of(2017 + y, 9, 7);
                while (yearDays.size() < 180) {
                    if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        yearDays.add(d);
                    }
                    d = d.plusDays(1);
                }
                days.add(yearDays);
                for (int s = 0; s < schools; s++) {
                    for (LocalDate day : yearDays) {
                        w.write("K" + s + "," + day + "\n");
                    }
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("enrollments.csv"), StandardCharsets.UTF_8)) {
            w.write("student_id,school_id,entry_date,entry_grade,exit_date,exit_type,exit_documented\n");
            for (int i = 0; i < students; i++) {
                w.write("S" + (10_000_000 + i) + ",K" + (i % schools) + ",2017-09-07,0" + (1 + i % 9) + ",,,\n");
            }
        }
        String[] categories = {"UNEXCUSED_ABSENCE", "EXCUSED_ABSENCE", "TARDY", "UNEXCUSED_ABSENCE", "EARLY_DEPARTURE",
                "OUT_OF_SCHOOL_SUSPENSION"};
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("attendance.csv"), StandardCharsets.UTF_8)) {
            w.write("student_id,school_id,date,category,duration,reason\n");
            for (int y = 0; y < years; y++) {
                List<LocalDate> yearDays = days.get(y);
                for (int k = 0; k < 180; k++) {
                    String date = yearDays.get(k).toString();
                    for (int i = 0; i < students; i++) {
                        int perYear = 8 + (i % 21); // 8..28 rows a student-year, ~18 on average
                        int step = 180 / perYear;
                        int phase = (i * 7) % step;
                        if ((k - phase) % step == 0 && k >= phase && (k - phase) / step < perYear) {
                            w.write("S" + (10_000_000 + i) + ",K" + (i % schools) + "," + date + ","
                                    + categories[(i + k) % categories.length] + ",," + ((i + k) % 5 == 0 ? "sick" : "") + "\n");
                            rows++;
                        }
                    }
                }
            }
        }
        System.out.printf("wrote %,d students, %,d schools, %,d attendance rows to %s%n", students, schools, rows, dir);
    }
}
