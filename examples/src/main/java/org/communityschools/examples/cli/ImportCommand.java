package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.Violation;
import org.communityschools.core.data.DistrictData;
import org.communityschools.interop.EdFiImportResult;
import org.communityschools.interop.EdFiJsonImport;
import org.communityschools.interop.EdFiXmlImport;
import org.communityschools.interop.OneRosterImport;
import org.communityschools.interop.OneRosterImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import edfi-xml|edfi-json|oneroster SRC --out DIR}: a district data directory from another standard's export. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import another standard's export as a district data directory that validate accepts. "
                + "Formats: edfi-xml (Ed-Fi Data Standard 5.x XML interchange), edfi-json (Ed-Fi ODS/API resources, one JSON "
                + "array file per resource), oneroster (OneRoster 1.2 or 1.1 CSV export).")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "edfi-xml, edfi-json or oneroster")
    String format;

    @Parameters(index = "1", paramLabel = "SRC", description = "the export folder (edfi-xml and edfi-json: or one file)")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write")
    Path out;

    @Option(names = "--calendar", paramLabel = "FILE", description = "edfi-xml and edfi-json: the instructional days of "
            + "every school as a calendar.csv (school_id,date), replacing the files' calendar and the one derived from sessions")
    java.util.Optional<Path> calendar;

    @Override
    public Integer call() {
        if (!format.equals("edfi-xml") && !format.equals("edfi-json") && !format.equals("oneroster")) {
            throw new IllegalArgumentException("format must be edfi-xml, edfi-json or oneroster, was '" + format + "'");
        }
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("no such file or folder: " + source);
        }
        if (calendar.isPresent() && format.equals("oneroster")) {
            throw new IllegalArgumentException("--calendar applies to edfi-xml and edfi-json; a OneRoster export has no attendance");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Importing " + source + " ...");
        err.flush();
        DistrictData data;
        java.util.List<Violation> warnings;
        long warningCount;
        try {
            if (format.equals("oneroster")) {
                OneRosterImportResult r = OneRosterImport.importToDirectory(source, out);
                data = r.data();
                warnings = r.warnings();
                warningCount = r.warningCount();
            } else {
                EdFiImportResult r;
                if (calendar.isPresent()) {
                    java.util.List<org.communityschools.core.model.InstructionalDay> days = calendarDays(calendar.get());
                    r = format.equals("edfi-xml") ? EdFiXmlImport.builder().calendar(days).build().read(source)
                            : EdFiJsonImport.builder().calendar(days).build().read(source);
                    org.communityschools.core.data.DistrictDataWriter.write(r.data(), out);
                } else {
                    r = format.equals("edfi-xml") ? EdFiXmlImport.importToDirectory(source, out)
                            : EdFiJsonImport.importToDirectory(source, out);
                }
                data = r.data();
                warnings = r.warnings();
                warningCount = r.warningCount();
            }
        } catch (DataValidationException e) {
            e.violations().forEach(o::println);
            e.recordViolations().forEach(o::println); // the model's own cross-record rules, located by record
            o.printf(Locale.ROOT, "NOT IMPORTED: %,d error(s); nothing was written%n", e.errorCount());
            o.flush();
            return Main.EXIT_INVALID;
        }
        for (Violation v : warnings) {
            o.println(v);
        }
        o.printf(Locale.ROOT, "Imported %,d students, %,d schools, %,d attendance rows into %s (%,d warning(s))%n",
                data.students().size(), data.schools().size(), data.attendance().size(), out, warningCount);
        long enrolled = data.enrollments().stream().map(e -> e.studentId()).distinct().count();
        if (enrolled < data.students().size()) {
            o.printf(Locale.ROOT, "Population: %,d of %,d students are enrolled at a school; the other %,d have no school "
                    + "association or event in the files and are not enrolled, so a district rate over the enrolled students "
                    + "alone is not the district's rate%n", enrolled, data.students().size(), data.students().size() - enrolled);
        }
        if (format.equals("oneroster")) {
            o.printf(Locale.ROOT, "Imported %,d staff and %,d teacher-student relationships%n", data.staff().size(),
                    data.studentStaffRelationships().size());
        }
        o.flush();
        return 0;
    }

    /** The days of a calendar.csv file: a header naming school_id and date, then one row per instructional day. */
    private static java.util.List<org.communityschools.core.model.InstructionalDay> calendarDays(Path file) {
        java.util.List<java.util.List<String>> rows = CsvInput.read(file);
        if (rows.isEmpty() || !rows.get(0).contains("school_id") || !rows.get(0).contains("date")) {
            throw new IllegalArgumentException("--calendar must be a CSV file with the columns school_id and date: " + file);
        }
        int school = rows.get(0).indexOf("school_id");
        int date = rows.get(0).indexOf("date");
        java.util.List<org.communityschools.core.model.InstructionalDay> days = new java.util.ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            java.util.List<String> row = rows.get(i);
            try {
                days.add(new org.communityschools.core.model.InstructionalDay(org.communityschools.core.model.SchoolId.of(row.get(school)),
                        java.time.LocalDate.parse(row.get(date))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--calendar " + file + " line " + (i + 1) + ": a school id and a date yyyy-MM-dd are required");
            }
        }
        return days;
    }
}
