package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

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
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.DistrictIndex;

/**
 * The parallel reader of attendance.csv gives what the sequential one gives: the same rows in the same columns, the
 * same violations at the same lines and columns, the same counts, for generated files with quotes (also around line
 * breaks), CRLF, a byte order mark, blank lines, non-ASCII text, and errors anywhere (unknown ids, bad dates, cells
 * missing, lone carriage returns, unclosed quotes, invalid UTF-8, control characters). The ranges are a few bytes
 * long, so that their boundaries fall everywhere.
 */
class ParallelAttendanceProperties {
    private static final String HEADER = "student_id,school_id,date,category,duration,reason";

    @Property(tries = 400)
    void parallelReadEqualsSequentialRead(@ForAll("files") byte[] attendance, @ForAll @IntRange(min = 1, max = 400) int chunk,
                                          @ForAll @IntRange(min = 2, max = 4) int threads) throws IOException {
        Path dir = Files.createTempDirectory("parallel-attendance");
        try {
            writeDirectory(dir, attendance);
            String sequential = load(dir, 1, chunk);
            String parallel = load(dir, threads, chunk);
            assertThat(parallel).isEqualTo(sequential);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * A worked example: a quoted reason holding a line break spans lines 3 and 4, so a range starting at line 4 begins
     * inside a quoted cell; the unknown student on line 5 is still reported on line 5 (column 1), the two good rows
     * are kept, and reading stops at the quote opened on line 6 and never closed: the file ends first, after the line
     * feed of line 6, so the error is on line 7 in cell 4, the row is not counted, and the counts are 3 rows read,
     * 2 accepted, 1 rejected, exactly as in the sequential read.
     */
    /**
     * Found by the property: a quoted line break in the last row of a file without a final line feed. The row's second
     * line is the first line of the next range, and the reader resumed at the first range ends on that line at the end
     * of the file; the next range holds no row of its own, so it must not be read again on its own (it would start
     * with the closing quote and stop the file with a malformed-quote error the sequential read does not give).
     */
    @Example
    void lastRowWithAQuotedLineBreakAndNoFinalLineFeed() throws IOException {
        String text = "\uFEFF" + HEADER + "\n" + "S1,K1,2017-09-07,EXCUSED_ABSENCE,,\"two\nlines\"";
        Path dir = Files.createTempDirectory("parallel-attendance");
        try {
            writeDirectory(dir, text.getBytes(StandardCharsets.UTF_8));
            for (int chunk = 1; chunk < 12; chunk++) {
                assertThat(load(dir, 2, chunk)).isEqualTo(load(dir, 1, chunk)).startsWith("counts=[1, 1, 0]\nerrors=0 ");
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Example
    void quotedLineBreakAcrossRanges() throws IOException {
        String text = HEADER + "\n"
                + "S1,K1,2017-09-08,EXCUSED_ABSENCE,,sick\n"
                + "S1,K1,2017-09-11,EXCUSED_ABSENCE,,\"two\nlines\"\n"
                + "S9,K1,2017-09-08,PRESENT,,\n"
                + "S2,K1,2017-09-08,\"PRESENT,,\n";
        Path dir = Files.createTempDirectory("parallel-attendance");
        try {
            writeDirectory(dir, text.getBytes(StandardCharsets.UTF_8));
            for (int chunk = 1; chunk < 40; chunk++) {
                assertThat(load(dir, 2, chunk)).isEqualTo(load(dir, 1, chunk));
            }
            String result = load(dir, 2, 8);
            assertThat(result).startsWith("counts=[3, 2, 1]\nerrors=2 ")
                    .contains("attendance.csv:5:1: ERROR [reference.unknown-student]")
                    .contains("attendance.csv:7:4: ERROR [file.malformed] a quoted cell opened on line 6")
                    .contains("0 0 17417 EXCUSED_ABSENCE 10000 Optional[sick]");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** Everything a load produces about attendance, as text: counts, violations, rows. */
    private static String load(Path dir, int threads, int chunk) {
        Violations violations = new Violations(10_000);
        ReadLimits limits = ReadLimits.builder().maxLineChars(120).maxCellChars(90).maxCellsPerRow(12).build();
        DirectoryLoader loader = new DirectoryLoader(null, violations, DataElements.standard(), limits)
                .parallel(threads, chunk);
        DistrictIndex index = loader.load(dir, new AgreementsStep(null));
        StringBuilder out = new StringBuilder();
        Map<String, String> counts = new TreeMap<>();
        loader.counts().forEach((f, c) -> counts.put(f.fileName(), java.util.Arrays.toString(c)));
        out.append("counts=").append(counts.get("attendance.csv")).append('\n');
        out.append("errors=").append(violations.errorCount()).append(" warnings=").append(violations.warningCount())
                .append('\n');
        violations.sorted().forEach(v -> out.append(v).append('\n'));
        AttendanceColumns a = index.attendance;
        for (int s = 0; s < a.studentCount(); s++) {
            for (int r = a.start(s); r < a.end(s); r++) {
                out.append(s).append(' ').append(a.school(r)).append(' ').append(a.epochDay(r)).append(' ')
                        .append(a.category(r)).append(' ').append(a.duration(r)).append(' ').append(a.reason(r))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static void writeDirectory(Path dir, byte[] attendance) throws IOException {
        write(dir, "organizations.csv", "organization_id,name,type\nD1,City District,DISTRICT\n");
        write(dir, "schools.csv", "school_id,name,district_id,low_grade,high_grade,school_type\n"
                + "K1,PS 1,D1,KG,05,REGULAR\nH1,HS 1,D1,09,12,REGULAR\n");
        write(dir, "students.csv", "student_id,first_name,last_name,birth_date,sex,race_ethnicity\n"
                + "S1,Ana,Diaz,2010-03-04,FEMALE,HISPANIC\nS2,Ben,Lee,2010-05-06,MALE,ASIAN\n"
                + "S3,Cy,Ng,2003-05-06,MALE,WHITE\n");
        write(dir, "calendar.csv", "school_id,date\nK1,2017-09-07\nK1,2017-09-08\nK1,2017-09-11\n");
        write(dir, "enrollments.csv", "student_id,school_id,entry_date,entry_grade,exit_date,exit_type,exit_documented\n"
                + "S1,K1,2017-09-07,02,2018-06-26,END_OF_YEAR,false\nS2,K1,2017-09-07,02,,,\n"
                + "S3,H1,2017-09-07,09,,,\n");
        Files.write(dir.resolve("attendance.csv"), attendance);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> row = Combinators.combine(
                Arbitraries.of("S1", "S2", "S3", "S9", "", "S1\u00e9"),
                Arbitraries.of("K1", "H1", "X1", ""),
                Arbitraries.of("2017-09-07", "2017-09-08", "2017-09-11", "2017-09-09", "2017-13-01", "", "2017-9-8"),
                Arbitraries.of("EXCUSED_ABSENCE", "UNEXCUSED_ABSENCE", "PRESENT", "PARTIAL", "TARDY", "absent", ""),
                Arbitraries.of("", "", "0.5", "1", "2", ".25", "0.12345"),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(40, Arbitraries.of("", "", "sick", "doctor", "  ")),
                        net.jqwik.api.Tuple.of(3, Arbitraries.of("\"quoted, with comma\"", "\"two\nlines\"",
                        "\"a \"\"quote\"\"\"", "m\u00e9dico", "x".repeat(70), "y".repeat(100), "bad\"quote", "\"open"))))
                .as((st, sc, d, c, du, r) -> st + "," + sc + "," + d + "," + c + "," + du + "," + r);
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, row),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("S1,K1,2017-09-08")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("S1,K1,2017-09-08,PRESENT,,,extra")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("S1,K1,2017-09-08,PRESENT,,a\rb")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("S1,K1,2017-09-08,PRESENT,,ctl\u0001x")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("S1,K1,2017-09-08,PRESENT,,\u00ffBAD")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\ufeffS1,K1,2017-09-08,PRESENT,,")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(",,,,,,,,,,,,,,,,")));
        Arbitrary<List<String>> lines = line.list().ofMinSize(0).ofMaxSize(40);
        return Combinators.combine(lines, Arbitraries.of("\n", "\r\n"), Arbitraries.integers().between(0, 9),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((ls, eol, crlfMix, bom, trailing) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    if (bom) {
                        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    }
                    out.writeBytes((HEADER + eol).getBytes(StandardCharsets.UTF_8));
                    List<String> all = new ArrayList<>(ls);
                    for (int i = 0; i < all.size(); i++) {
                        String l = all.get(i);
                        String end = i % 10 == crlfMix ? "\r\n" : eol;
                        if (i == all.size() - 1 && !trailing) {
                            end = "";
                        }
                        if (l.contains("\u00ffBAD")) {
                            out.writeBytes(l.substring(0, l.indexOf('\u00ff')).getBytes(StandardCharsets.UTF_8));
                            out.write(0xFF);
                            out.writeBytes(("BAD" + end).getBytes(StandardCharsets.UTF_8));
                        } else {
                            out.writeBytes((l + end).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    return out.toByteArray();
                });
    }
}
