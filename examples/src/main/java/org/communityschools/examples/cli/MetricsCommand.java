package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortRemoval;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.GraduationRate;
import org.communityschools.metrics.NonGraduateOutcome;
import org.communityschools.metrics.StudentAttendance;
import org.communityschools.metrics.Subgroup;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code metrics}: outcome tables from a district data directory, with numerators and denominators. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Compute outcome tables from a district data directory (always with numerator and denominator).",
        subcommands = {MetricsCommand.ChronicAbsenceCommand.class, MetricsCommand.AttendanceRateCommand.class,
                MetricsCommand.GraduationCommand.class, EarlyWarningCommands.EarlyWarningCommand.class,
                EarlyWarningCommands.InterventionsCommand.class})
final class MetricsCommand {
    private MetricsCommand() {}

    /** Rates are decimal fractions with six digits after the point (at least four, as the command line promises). */
    static final int RATE_SCALE = 6;

    /** The options every metrics command shares. */
    static class Common {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "the district data directory")
        Path data;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
        String format;

        /** Checks the options before anything is read; a subclass adds its own checks. */
        void check() {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be csv or json, was '" + format + "'");
            }
        }

        DistrictData load() {
            check();
            PrintWriter err = spec.commandLine().getErr();
            err.println("Reading " + data + " ...");
            err.flush();
            return DistrictDataReader.builder().build().read(data).data();
        }

        void print(Table table) {
            table.write(spec.commandLine().getOut(), format);
        }
    }

    /** Attendance-based tables share the year, grouping, definition and as-of date. */
    static class AttendanceOptions extends Common {
        @Option(names = "--year", required = true, converter = SchoolYearConverter.class,
                description = "the school year: 2018, 2017-18 or 2017-2018")
        SchoolYear year;

        @Option(names = "--by", defaultValue = "school",
                description = "school, district, grade, subgroup or community-school (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--definition", defaultValue = "federal", converter = DefinitionConverter.class,
                description = "federal, nysed, nyc-legacy, crdc or california (default: ${DEFAULT-VALUE})")
        ChronicAbsenceDefinition definition;

        @Option(names = "--as-of", description = "the last day counted, year to date (default: the end of the school year)")
        Optional<LocalDate> asOf;

        @Override
        void check() {
            super.check();
            if (!groupings().contains(by)) {
                List<String> g = groupings();
                throw new IllegalArgumentException("--by must be " + String.join(", ", g.subList(0, g.size() - 1)) + " or "
                        + g.get(g.size() - 1) + ", was '" + by + "'");
            }
        }

        /** The values --by accepts. */
        List<String> groupings() {
            return List.of("school", "district", "grade", "subgroup", "community-school");
        }

        ChronicAbsenceReport report(DistrictData data) {
            requireInstruction(data, year);
            return asOf.isPresent() ? ChronicAbsence.calculate(data, year, definition, asOf.get())
                    : ChronicAbsence.calculate(data, year, definition);
        }

        /** The aggregates of the grouping, keyed by the key column values. */
        Map<List<String>, AttendanceAggregate> groups(DistrictData data, ChronicAbsenceReport report) {
            // in the order of the key: school and district ids, grades PK..12, subgroups, false before true
            Map<List<String>, AttendanceAggregate> groups = new java.util.LinkedHashMap<>();
            switch (by) {
                case "school" -> report.schools().forEach((id, s) -> groups.put(List.of(id.value()), s.enrollments()));
                case "district" -> new TreeMap<>(report.groupStudentsBy(districtOf(data)))
                        .forEach((id, a) -> groups.put(List.of(id.value()), a));
                case "grade" -> report.byGrade().forEach((g, a) -> groups.put(List.of(g.code()), a));
                case "subgroup" -> report.bySubgroup().forEach((s, a) -> groups.put(List.of(s.dimension() + ":" + s.value()), a));
                default -> {
                    report.byCommunitySchool().otherSchools().ifPresent(a -> groups.put(List.of("false"), a));
                    report.byCommunitySchool().communitySchools().ifPresent(a -> groups.put(List.of("true"), a));
                }
            }
            return groups;
        }

        /**
         * What one member of a row is, the value of the {@code unit} column: {@code student} when each student counts
         * once with the days pooled across schools (the district row; grade and subgroup rows under a pooled
         * definition), {@code student_at_school} when a student counts once at each school attended (school and
         * community-school rows; grade and subgroup rows under a per-enrollment definition such as FS195's).
         */
        String unit() {
            return switch (by) {
                case "district" -> "student";
                case "school", "community-school" -> "student_at_school";
                default -> definition.aggregation() == ChronicAbsenceDefinition.Aggregation.POOLED ? "student" : "student_at_school";
            };
        }

        List<String> keyColumns() {
            return switch (by) {
                case "school" -> List.of("school_id");
                case "district" -> List.of("district_id");
                case "grade" -> List.of("grade");
                case "subgroup" -> List.of("subgroup");
                default -> List.of("community_school");
            };
        }
    }

    /** {@code metrics chronic-absence}. */
    @Command(name = "chronic-absence", mixinStandardHelpOptions = true,
            description = "Chronically absent students by group: students counted, chronically absent, rate. "
                    + "--by district counts each student once, with days pooled across schools.")
    static final class ChronicAbsenceCommand extends AttendanceOptions implements Callable<Integer> {
        @Option(names = "--suppress", description = "protect the table for publication: nysed, nyc-doe or n10 "
                + "(small-cell and complementary suppression, audited; a TOTAL row is published with it)")
        Optional<String> suppress;

        @Option(names = "--ledger", paramLabel = "FILE", description = "with --suppress: audit together with the releases "
                + "in this ledger (JSON Lines) and add this release to it")
        Optional<Path> ledger;

        @Option(names = "--release-id", paramLabel = "ID", description = "the id of this release in the ledger "
                + "(default: the grouping, year, definition and as-of date)")
        Optional<String> releaseId;

        /** Schools and community-school status released together as one protected release. */
        static final String SCHOOLS_AND_COMMUNITY = "school,community-school";

        @Override
        List<String> groupings() {
            return List.of("school", "district", "grade", "subgroup", "community-school", SCHOOLS_AND_COMMUNITY);
        }

        @Override
        void check() {
            super.check();
            if (suppress.isPresent()) {
                SuppressionRules.forName(suppress.get());
            }
            if ((ledger.isPresent() || releaseId.isPresent() || by.equals(SCHOOLS_AND_COMMUNITY)) && suppress.isEmpty()) {
                throw new IllegalArgumentException("--ledger, --release-id and --by " + SCHOOLS_AND_COMMUNITY + " need --suppress");
            }
        }

        /**
         * What the released tables count, linking releases in a ledger: the same figure for the same population and
         * period and the same unit, so that releases of one population are audited together and others are not.
         */
        String measure(ChronicAbsenceReport report) {
            return "chronic absence " + year.label() + " " + definition.name() + " to " + report.asOf() + " (" + unit() + ")";
        }

        @Override
        String unit() {
            return by.equals(SCHOOLS_AND_COMMUNITY) ? "student_at_school" : super.unit();
        }

        @Override
        List<String> keyColumns() {
            return by.equals(SCHOOLS_AND_COMMUNITY) ? List.of("group") : super.keyColumns();
        }

        @Override
        public Integer call() {
            DistrictData data = load();
            ChronicAbsenceReport report = report(data);
            if (suppress.isPresent() && (by.equals("school") || by.equals("community-school") || by.equals(SCHOOLS_AND_COMMUNITY))) {
                return releaseSchools(report, SuppressionRules.forName(suppress.get()));
            }
            Map<List<String>, AttendanceAggregate> groups = groups(data, report);
            if (suppress.isPresent() && by.equals("subgroup")) {
                // each family (sex, race and ethnicity, each characteristic and its complement) partitions the
                // students and is protected with its total, as state report cards publish subgroups
                SuppressionRules rules = SuppressionRules.forName(suppress.get());
                Table out = Suppressed.header(keyColumns().get(0));
                PrintWriter err = spec.commandLine().getErr();
                Suppressed.families(report).forEach((family, rows) -> {
                    // with a ledger, each family is audited with every release before it, this release's earlier families included
                    ProtectedTable protectedTable = ledger.isPresent()
                            ? record(Suppressed.protect(keyColumns().get(0), rows, rules, readLedger(), measure(report)), measure(report))
                            : Suppressed.protect(keyColumns().get(0), rows, rules);
                    Suppressed.addRows(out, protectedTable, family + ":" + Suppressed.TOTAL, unit());
                    protectedTable.report().forEach(e -> err.println("suppressed " + e.key().row() + ": " + e.reason()
                            + ", audited range " + e.range().lower() + ".." + e.range().upper()));
                });
                err.flush();
                print(out);
                return 0;
            }
            if (suppress.isPresent()) {
                ProtectedTable protectedTable = ledger.isPresent()
                        ? record(Suppressed.protect(keyColumns().get(0), groups, SuppressionRules.forName(suppress.get()),
                                readLedger(), measure(report)), measure(report))
                        : Suppressed.protect(keyColumns().get(0), groups, SuppressionRules.forName(suppress.get()));
                print(Suppressed.table(keyColumns().get(0), protectedTable, unit()));
                PrintWriter err = spec.commandLine().getErr();
                protectedTable.report().forEach(e -> err.println("suppressed " + e.key().row() + ": " + e.reason()
                        + ", audited range " + e.range().lower() + ".." + e.range().upper()));
                err.flush();
                return 0;
            }
            Table table = new Table(concat(keyColumns(), List.of("students", "chronically_absent", "rate", "unit")));
            groups.forEach((key, a) -> table.add(row(key, (long) a.counted(), (long) a.chronicallyAbsent(),
                    rate(a.chronicAbsenceRate()), unit())));
            print(table);
            return 0;
        }

        /** The ledger to audit with: the file's releases, or none. */
        org.communityschools.privacy.publication.ReleaseLedger readLedger() {
            return ledger.map(org.communityschools.privacy.publication.ReleaseLedger::read)
                    .orElse(org.communityschools.privacy.publication.ReleaseLedger.empty());
        }

        private int releases;

        /** Records a released table in the ledger, when there is one (refused tables are never recorded); returns it. */
        ProtectedTable record(ProtectedTable table, String measure) {
            if (ledger.isPresent() && table.status() == ProtectedTable.Status.RELEASED) {
                org.communityschools.privacy.publication.ReleaseLedger before = readLedger();
                String base = releaseId.orElse("metrics chronic-absence --by " + by + " " + year.label() + " " + definition.name()
                        + " to " + asOf.map(Object::toString).orElse("end of year"));
                String id = releases++ == 0 && before.release(base).isEmpty() ? base : base + " #" + (before.releases().size() + 1);
                before.with(org.communityschools.privacy.publication.Release.of(id, measure, table)).write(ledger.get());
                spec.commandLine().getErr().println("recorded release '" + id + "' of '" + measure + "' in " + ledger.get());
            }
            return table;
        }

        /**
         * The releases by school, by community-school status, or both at once: one joint table of schools ×
         * community-school status, protected together with the ledger's releases, publishing only the cells asked for.
         * A refused release is an error (exit 1): nothing is printed or recorded.
         */
        private int releaseSchools(ChronicAbsenceReport report, SuppressionRules rules) {
            boolean schools = !by.equals("community-school");
            boolean community = !by.equals("school");
            java.util.Set<org.communityschools.privacy.publication.CellKey> released = Suppressed.releasedCells(report, schools, community);
            ProtectedTable result = org.communityschools.privacy.publication.TableProtector.protectTogether(
                    Suppressed.schoolsByCommunity(report), released, rules, readLedger(), measure(report));
            if (result.status() == ProtectedTable.Status.REFUSED) {
                throw new IllegalArgumentException("the release is refused by the audit: " + String.join("; ", result.refusals()));
            }
            record(result, measure(report));
            Table out = Suppressed.header(keyColumns().get(0));
            Suppressed.addJointRows(out, result, schools, community, unit());
            print(out);
            PrintWriter err = spec.commandLine().getErr();
            result.report().stream().filter(e -> released.contains(e.key())).forEach(e -> err.println("suppressed "
                    + e.key().row() + "/" + e.key().column() + ": " + e.reason() + ", audited range " + e.range().lower()
                    + ".." + e.range().upper()));
            err.flush();
            return 0;
        }
    }

    /** {@code metrics attendance-rate}. */
    @Command(name = "attendance-rate", mixinStandardHelpOptions = true,
            description = "Attendance rate by group: days present over days enrolled (a proportion; not average daily attendance).")
    static final class AttendanceRateCommand extends AttendanceOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            DistrictData data = load();
            ChronicAbsenceReport report = report(data);
            Table table = new Table(concat(keyColumns(), List.of("students", "days_enrolled", "days_present", "rate", "unit")));
            groups(data, report).forEach((key, a) -> table.add(row(key, (long) a.members(), a.daysEnrolled(),
                    a.daysPresent(), rate(a.attendanceRate()), unit())));
            print(table);
            return 0;
        }
    }

    /** {@code metrics graduation}. */
    @Command(name = "graduation", mixinStandardHelpOptions = true,
            description = "Adjusted cohort graduation rate (34 CFR 200.19(b)) with the cohort adjustments.")
    static final class GraduationCommand extends Common implements Callable<Integer> {
        @Option(names = "--cohort", required = true, converter = SchoolYearConverter.class,
                description = "the school year the cohort first entered grade 9: 2015, 2014-15 or 2014-2015")
        SchoolYear cohort;

        @Option(names = "--years", defaultValue = "4", description = "4, 5 or 6 (default: ${DEFAULT-VALUE})")
        int years;

        @Option(names = "--by", defaultValue = "school", description = "school, district or subgroup (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--incomplete", description = "report a cohort whose window the data do not cover yet, "
                + "flagged in the column complete (default: refuse)")
        boolean incomplete;

        @Override
        void check() {
            super.check();
            if (years < 4 || years > 6) {
                throw new IllegalArgumentException("--years must be 4, 5 or 6, was " + years);
            }
            if (!List.of("school", "district", "subgroup").contains(by)) {
                throw new IllegalArgumentException("--by must be school, district or subgroup, was '" + by + "'");
            }
        }

        @Override
        public Integer call() {
            DistrictData data = load();
            GraduationCohortDefinition definition = switch (years) {
                case 4 -> GraduationCohortDefinition.FOUR_YEAR;
                case 5 -> GraduationCohortDefinition.FIVE_YEAR;
                default -> GraduationCohortDefinition.SIX_YEAR;
            };
            GraduationCohortReport report = GraduationRate.calculate(data, cohort, definition);
            if (report.district().firstTimeNinthGraders() + report.district().transfersIn() == 0) {
                throw new IllegalArgumentException("no student of the cohort that entered grade 9 in " + cohort.label()
                        + " is in the data (school years present: " + yearsPresent(data) + ")");
            }
            boolean complete = OutcomeStory.coversWindow(data, definition, cohort);
            if (!incomplete) {
                OutcomeStory.requireWindow(data, definition, cohort, "; --incomplete reports the figure flagged as incomplete");
            }
            Map<List<String>, CohortCounts> groups = new TreeMap<>(MetricsCommand::compareKeys);
            String key;
            switch (by) {
                case "school" -> {
                    key = "school_id";
                    report.schools().forEach((id, c) -> groups.put(List.of(id.value()), c));
                }
                case "district" -> {
                    key = "district_id";
                    groups.put(List.of(districtIds(data)), report.district());
                }
                default -> {
                    key = "subgroup";
                    report.byCharacteristic().forEach((c, counts) -> groups.put(List.of(Subgroup.of(c).dimension() + ":" + c.name()), counts));
                    Map<Object, CohortCounts> bySex = report.groupBy(m -> data.student(m.studentId()).map(Student::sex)
                            .map(s -> (Object) Subgroup.of(s)).orElse("unknown"));
                    bySex.forEach((s, counts) -> groups.put(List.of(label(s)), counts));
                    Map<Object, CohortCounts> byRace = report.groupBy(m -> data.student(m.studentId()).map(Student::raceEthnicity)
                            .map(r -> (Object) Subgroup.of(r)).orElse("unknown"));
                    byRace.forEach((r, counts) -> groups.put(List.of(label(r)), counts));
                }
            }
            List<String> columns = new java.util.ArrayList<>(List.of(key, "cohort_size", "graduates", "rate",
                    "first_time_ninth_graders", "transfers_in", "removed"));
            for (CohortRemoval r : CohortRemoval.values()) {
                columns.add("removed_" + r.name().toLowerCase(Locale.ROOT));
            }
            for (NonGraduateOutcome o : NonGraduateOutcome.values()) {
                columns.add("non_graduates_" + o.name().toLowerCase(Locale.ROOT));
            }
            columns.add("complete");
            Table table = new Table(columns);
            groups.forEach((k, c) -> {
                List<Object> row = new java.util.ArrayList<>(List.of(k.get(0), (long) c.adjustedCohort(), (long) c.graduateCount(),
                        rate(c.rate()), (long) c.firstTimeNinthGraders(), (long) c.transfersIn(), (long) c.removalCount()));
                for (CohortRemoval r : CohortRemoval.values()) {
                    row.add((long) c.removalsByReason().getOrDefault(r, 0));
                }
                for (NonGraduateOutcome o : NonGraduateOutcome.values()) {
                    row.add((long) c.nonGraduatesByOutcome().getOrDefault(o, 0));
                }
                row.add(complete);
                table.add(row.toArray());
            });
            print(table);
            return 0;
        }
    }

    /** Refuses a school year without any instructional day in the data, rather than printing an empty table. */
    static void requireInstruction(DistrictData data, SchoolYear year) {
        if (!OutcomeStory.schoolYearsWithInstruction(data).contains(year)) {
            throw new IllegalArgumentException("the data have no instructional day in school year " + year.label()
                    + " (school years with instruction: " + yearsPresent(data) + ")");
        }
    }

    private static String yearsPresent(DistrictData data) {
        List<SchoolYear> years = OutcomeStory.schoolYearsWithInstruction(data);
        return years.isEmpty() ? "none" : String.join(", ", years.stream().map(SchoolYear::label).toList());
    }

    private static String label(Object subgroup) {
        return subgroup instanceof Subgroup s ? s.dimension() + ":" + s.value() : subgroup.toString();
    }

    /** The district of the school a student attended last in the year (a pooled student counts once). */
    private static Function<StudentAttendance, OrganizationId> districtOf(DistrictData data) {
        return s -> {
            SchoolId last = s.schools().get(s.schools().size() - 1);
            return data.school(last).orElseThrow(() -> new IllegalStateException("unknown school " + last)).districtId();
        };
    }

    private static String districtIds(DistrictData data) {
        return String.join("|", data.schools().stream().map(s -> s.districtId().value()).distinct().sorted().toList());
    }

    private static Object[] row(List<String> key, Object... values) {
        Object[] row = new Object[key.size() + values.length];
        for (int i = 0; i < key.size(); i++) {
            row[i] = key.get(i);
        }
        System.arraycopy(values, 0, row, key.size(), values.length);
        return row;
    }

    /** An empty rate (no one counted) is written as an empty cell. */
    private static Object rate(Optional<Ratio> rate) {
        return rate.<Object>map(r -> r.toBigDecimal(RATE_SCALE)).orElse("");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Parses a school year in any form the data directory accepts. */
    static final class SchoolYearConverter implements ITypeConverter<SchoolYear> {
        @Override
        public SchoolYear convert(String value) {
            try {
                return SchoolYear.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The presets by their command-line names. */
    static final class DefinitionConverter implements ITypeConverter<ChronicAbsenceDefinition> {
        @Override
        public ChronicAbsenceDefinition convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "federal" -> ChronicAbsenceDefinition.FEDERAL;
                case "nysed" -> ChronicAbsenceDefinition.NYSED;
                case "nyc-legacy" -> ChronicAbsenceDefinition.NYC_LEGACY;
                case "crdc" -> ChronicAbsenceDefinition.CRDC;
                case "california" -> ChronicAbsenceDefinition.CALIFORNIA;
                default -> throw new TypeConversionException(
                        "definition must be federal, nysed, nyc-legacy, crdc or california, was '" + value + "'");
            };
        }
    }
}
