package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.DistrictIndex;

/**
 * The parallel reader of the large files other than attendance.csv (course_marks.csv, students.csv, enrollments.csv
 * and the others of {@link RecordReader#PARALLEL}) gives what the sequential one gives: the same records in the same
 * order, the same violations at the same lines and columns, the same counts, with Jakarta Validation on, for generated
 * files with quotes (also around line breaks and commas), CRLF, blank lines, non-ASCII text, and errors anywhere
 * (unknown ids, bad dates, decimals and codes, values past a constraint, cells missing or extra, duplicate ids, lone
 * carriage returns, control characters, invalid UTF-8, an unclosed quote). The ranges are a few bytes to a few hundred
 * long, so that their boundaries fall everywhere, also inside quoted cells.
 */
class ParallelRecordsProperties {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String STUDENTS = "student_id,first_name,last_name,birth_date,sex,race_ethnicity,"
            + "ninth_grade_cohort,directory_opt_out";
    private static final String ENROLLMENTS = "student_id,school_id,entry_date,entry_grade,exit_date,exit_type,"
            + "exit_documented";
    private static final String MARKS = "student_id,school_id,school_year,term,course_code,course_title,subject,"
            + "numeric_mark,letter_mark,result,credits_attempted,credits_earned,term_end_date";

    @Property(tries = 150)
    void parallelReadEqualsSequentialRead(@ForAll("students") byte[] students, @ForAll("enrollments") byte[] enrollments,
                                          @ForAll("marks") byte[] marks, @ForAll @IntRange(min = 1, max = 600) int chunk,
                                          @ForAll @IntRange(min = 2, max = 4) int threads) throws IOException {
        Path dir = Files.createTempDirectory("parallel-records");
        try {
            writeDirectory(dir, students, enrollments, marks);
            Snapshot sequential = load(dir, 1, chunk);
            Snapshot parallel = load(dir, threads, chunk);
            assertThat(parallel.report()).isEqualTo(sequential.report());
            assertThat(parallel.records()).isEqualTo(sequential.records());
        } finally {
            delete(dir);
        }
    }

    /**
     * A worked example: a course title quoted because it holds a comma and a line break spans lines 3 and 4, so with
     * ranges of 40 bytes a range starts inside the quoted cell; the unknown student of line 5 is still reported on
     * line 5 (column 1, from the assembler), the mark of 101 on line 6 at its column 8 (numeric_mark, a Jakarta
     * constraint, found by a worker and reported by the one-thread path), and the three good rows (lines 2, 3-4 and 7)
     * are kept in file order: 5 rows read, 3 accepted, 2 rejected, as in the sequential read.
     */
    @Example
    void quotedTitleAcrossRangesAndErrorsAtTheirLines() throws IOException {
        String marks = MARKS + "\n"
                + "S1,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,0,0,2018-06-26\n"
                + "S1,K1,2018,FY,ART02,\"Art, music\nand dance\",OTHER,85,B,PASS,0,0,2018-06-26\n"
                + "S9,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,0,0,2018-06-26\n"
                + "S2,K1,2018,FY,MAT02,Mathematics 2,MATH,101,A,PASS,0,0,2018-06-26\n"
                + "S2,K1,2018,FY,ELA02,English 2,ELA,70,C,PASS,0,0,2018-06-26\n";
        Path dir = Files.createTempDirectory("parallel-records");
        try {
            writeDirectory(dir, goodStudents(), goodEnrollments(), marks.getBytes(StandardCharsets.UTF_8));
            for (int chunk = 1; chunk < 80; chunk += 3) {
                Snapshot sequential = load(dir, 1, chunk);
                Snapshot parallel = load(dir, 2, chunk);
                assertThat(parallel.report()).isEqualTo(sequential.report());
                assertThat(parallel.records()).isEqualTo(sequential.records());
            }
            Snapshot parallel = load(dir, 2, 40);
            assertThat(parallel.report())
                    .contains("course_marks.csv=[5, 3, 2]")
                    .contains("course_marks.csv:5:1: ERROR [reference.unknown-student]")
                    .contains("course_marks.csv:6:8: ERROR [field.constraint]");
            assertThat(parallel.marks()).extracting(m -> m.courseCode()).containsExactly("ELA02", "ART02", "ELA02");
            assertThat(parallel.marks().get(1).courseTitle()).isEqualTo("Art, music\nand dance");
        } finally {
            delete(dir);
        }
    }

    /**
     * A worked example of the range of a file parsed into records ({@link CsvRanges#recordChunk}): a quarter of each
     * thread's share, at least 256 KiB, at most 4 MiB. NYC's diplomas.csv, 2,745,744 bytes on 2 threads: each thread's
     * share is 1,372,872 bytes, a quarter of it 343,218 bytes, so eight ranges (ends moved to line ends) instead of one thread
     * reading it all; students.csv, 62,400,820 bytes: a quarter share of 7,800,102 bytes, capped at 4,194,304; a file of
     * 1 MiB on 2 threads: 131,072 bytes, raised to 262,144; on 1 thread the share is the whole file.
     */
    @Example
    void aFileOfAFewMegabytesIsSharedByTheThreads() {
        assertThat(CsvRanges.recordChunk(2_745_744, 2)).isEqualTo(343_218);
        assertThat((2_745_744 + 343_218 - 1) / 343_218).isEqualTo(8);
        assertThat(CsvRanges.recordChunk(62_400_820, 2)).isEqualTo(4 << 20);
        assertThat(CsvRanges.recordChunk(1 << 20, 2)).isEqualTo(256 << 10);
        assertThat(CsvRanges.recordChunk(2_745_744, 1)).isEqualTo(686_436);
    }

    /** What a load produces: counts and violations as text, and the records of the files read in parallel. */
    private record Snapshot(String report, List<Object> records, List<org.communityschools.core.model.CourseMark> marks) {}

    private static Snapshot load(Path dir, int threads, int chunk) {
        Violations violations = new Violations(10_000);
        ReadLimits limits = ReadLimits.builder().maxLineChars(300).maxCellChars(250).maxCellsPerRow(20).build();
        DirectoryLoader loader = new DirectoryLoader(VALIDATOR, violations, DataElements.standard(), limits)
                .parallel(threads, chunk);
        DistrictIndex index = loader.load(dir, new AgreementsStep(null));
        StringBuilder out = new StringBuilder();
        Map<String, String> counts = new TreeMap<>();
        loader.counts().forEach((f, c) -> counts.put(f.fileName(), java.util.Arrays.toString(c)));
        out.append(counts).append('\n');
        out.append("errors=").append(violations.errorCount()).append(" warnings=").append(violations.warningCount())
                .append('\n');
        violations.sorted().forEach(v -> out.append(v).append('\n'));
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < index.students.size(); i++) {
            records.add(index.students.record(i));
        }
        records.addAll(index.enrollments);
        records.addAll(index.courseMarks);
        return new Snapshot(out.toString(), records, index.courseMarks);
    }

    private static void writeDirectory(Path dir, byte[] students, byte[] enrollments, byte[] marks) throws IOException {
        Files.writeString(dir.resolve("organizations.csv"), "organization_id,name,type\nD1,City District,DISTRICT\n");
        Files.writeString(dir.resolve("schools.csv"), "school_id,name,district_id,low_grade,high_grade,school_type\n"
                + "K1,PS 1,D1,KG,05,REGULAR\nH1,HS 1,D1,09,12,REGULAR\n");
        Files.write(dir.resolve("students.csv"), students);
        Files.write(dir.resolve("enrollments.csv"), enrollments);
        Files.write(dir.resolve("course_marks.csv"), marks);
    }

    private static byte[] goodStudents() {
        return (STUDENTS + "\nS1,Ana,Diaz,2010-03-04,FEMALE,HISPANIC,,false\nS2,Ben,Lee,2010-05-06,MALE,ASIAN,,\n"
                + "S3,Cy,Ng,2003-05-06,MALE,WHITE,2018,true\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] goodEnrollments() {
        return (ENROLLMENTS + "\nS1,K1,2017-09-07,02,2018-06-26,END_OF_YEAR,false\nS2,K1,2017-09-07,02,,,\n"
                + "S3,H1,2017-09-07,09,,,\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** Rows of the students file: mostly good, with every kind of error now and then. */
    @Provide
    Arbitrary<byte[]> students() {
        Arbitrary<String> row = Combinators.combine(
                Arbitraries.of("S1", "S2", "S3", "S4", "S5", "S1", "", "S\u00e96"),
                Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of("Ana", "Ben", "Zo\u00eb")),
                        Tuple.of(1, Arbitraries.of("", "x".repeat(101), "\"Lee, Jr\"", "\"two\nlines\""))),
                Arbitraries.of("Diaz", "Lee", "Ng"),
                Arbitraries.of("2010-03-04", "2003-05-06", "2099-01-01", "2010-02-30", ""),
                Arbitraries.of("FEMALE", "MALE", "female"),
                Arbitraries.of("HISPANIC", "ASIAN", "WHITE", "MARTIAN"),
                Arbitraries.of("", "", "2018", "18"),
                Arbitraries.of("", "false", "true", "maybe"))
                .as((id, first, last, birth, sex, race, cohort, optOut) -> String.join(",", id, first, last, birth, sex,
                        race, cohort, optOut));
        return file(STUDENTS, row.list().ofMinSize(0).ofMaxSize(12), "S1,Ana,Diaz,2010-03-04,FEMALE,HISPANIC,,");
    }

    @Provide
    Arbitrary<byte[]> enrollments() {
        Arbitrary<String> row = Combinators.combine(
                Arbitraries.of("S1", "S2", "S3", "S4", "S5", "S9", ""),
                Arbitraries.of("K1", "H1", "K1", "X1"),
                Arbitraries.of("2017-09-07", "2017-09-07", "2017-13-01"),
                Arbitraries.of("02", "09", "KG", "14"),
                Arbitraries.of("", "", "2018-06-26", "2017-01-01"),
                Arbitraries.of("", "", "END_OF_YEAR", "GONE"),
                Arbitraries.of("", "false", "true"))
                .as((st, sc, entry, grade, exit, type, documented) -> String.join(",", st, sc, entry, grade, exit, type,
                        documented));
        return file(ENROLLMENTS, row.list().ofMinSize(0).ofMaxSize(10), "S1,K1,2017-09-07,02,,,");
    }

    @Provide
    Arbitrary<byte[]> marks() {
        List<Arbitrary<String>> cells = List.of(
                Arbitraries.of("S1", "S2", "S3", "S4", "S9", ""),
                Arbitraries.of("K1", "H1", "X1"),
                Arbitraries.of("2018", "2018", "2017", "18"),
                Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of("FY", "S1")), Tuple.of(1, Arbitraries.of("", "t".repeat(33)))),
                Arbitraries.of("ELA02", "MAT09", "SCI05"),
                Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of("English 2", "Mathematics 9")),
                        Tuple.of(2, Arbitraries.of("\"Art, music\"", "\"Art\nand dance\"", "\"a \"\"quoted\"\" title\"",
                                "Espa\u00f1ol", "bad\"quote", "ctl\u0001x", "a\rb", "\u00ffBAD"))),
                Arbitraries.of("ELA", "MATH", "SCIENCE", "ARTS", "POTIONS"),
                Arbitraries.of("90", "", "100", "101", "-1", "8x"),
                Arbitraries.of("A", "", "B+", "ABCDE"),
                Arbitraries.of("PASS", "FAIL", "INCOMPLETE", "WON"),
                Arbitraries.of("0", "1", "0.5", "101", "one"),
                Arbitraries.of("0", "1", "0.5"),
                Arbitraries.of("2018-06-26", "2018-06-26", "2018-02-31"));
        Arbitrary<String> row = Combinators.combine(cells).as(c -> String.join(",", c));
        return file(MARKS, row.list().ofMinSize(0).ofMaxSize(30), "S1,K1,2018,FY,ELA02,English 2,ELA,90,A,PASS,0,0");
    }

    /**
     * A file of {@code header} and {@code rows}, with blank lines, rows of a cell too few ({@code short}) and too
     * many, CRLF line ends now and then, now and then no final line feed, and now and then an unclosed quote.
     */
    private static Arbitrary<byte[]> file(String header, Arbitrary<List<String>> rows, String shortRow) {
        Arbitrary<String> odd = Arbitraries.of("", shortRow, shortRow + ",,x", "\"open");
        Arbitrary<List<String>> lines = Combinators.combine(rows, odd.list().ofMaxSize(3),
                Arbitraries.integers().between(0, 1000)).as((rs, extra, seed) -> {
                    List<String> all = new ArrayList<>(rs);
                    for (int i = 0; i < extra.size(); i++) {
                        if (!extra.get(i).equals("\"open") || seed % 4 == 0) {
                            all.add((seed + i * 7) % (all.size() + 1), extra.get(i));
                        }
                    }
                    return all;
                });
        return Combinators.combine(lines, Arbitraries.of("\n", "\r\n"), Arbitraries.integers().between(0, 9),
                Arbitraries.of(true, false)).as((ls, eol, crlfMix, trailing) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes((header + eol).getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < ls.size(); i++) {
                        String l = ls.get(i);
                        String end = i % 10 == crlfMix ? "\r\n" : eol;
                        if (i == ls.size() - 1 && !trailing) {
                            end = "";
                        }
                        int bad = l.indexOf('\u00ff');
                        if (bad >= 0) {
                            out.writeBytes(l.substring(0, bad).getBytes(StandardCharsets.UTF_8));
                            out.write(0xFF);
                            out.writeBytes((l.substring(bad + 1) + end).getBytes(StandardCharsets.UTF_8));
                        } else {
                            out.writeBytes((l + end).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    return out.toByteArray();
                });
    }
}
