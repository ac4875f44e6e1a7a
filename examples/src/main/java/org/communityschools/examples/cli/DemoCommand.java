package org.communityschools.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.GenerationSummary;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.CommunitySchoolSplit;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.ChronicAbsenceStatus;
import org.communityschools.metrics.EarlyWarning;
import org.communityschools.metrics.EarlyWarningDefinition;
import org.communityschools.metrics.EarlyWarningList;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.metrics.InterventionOutcomeReport;
import org.communityschools.metrics.InterventionOutcomes;
import org.communityschools.metrics.EnrollmentAttendance;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.PublicationWriter;
import org.communityschools.privacy.publication.TableProtector;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.metrics.Comparison;
import org.communityschools.metrics.GraduationCohortDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the story of the seed with no input. Generates a synthetic community-schools district, reads it
 * back through the validating reader, and walks through one community school: its lead CBO and agreement, its
 * Community School Director, a Success Mentor's caseload, and one mentee's year of attendance.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a synthetic community-schools district, load and validate it, and tell its story.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "district", converter = GenerateCommand.PresetConverter.class,
            description = "tiny, district or nyc (default: ${DEFAULT-VALUE})")
    Preset preset;

    @Option(names = "--seed", defaultValue = "2026", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "where to write the generated directory, the report and the disclosure log, "
            + "all kept (default: a new temporary folder, where only the report and the log are kept)")
    Optional<Path> out;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Main.ownsProcess() && preset != Preset.NYC) {
            // A run of seconds: C2's compilations of the large hot methods cost more than they save (ShortRun).
            ShortRun.compileWithC1Only();
        }
        if (out.isPresent()) {
            return tell(o, err, out.get(), out.get());
        }
        // Without --out: the generated district (hundreds of megabytes for the district preset) is deleted at the end,
        // even when the demo fails; the report and the disclosure log, which the user is told about, are kept.
        Path folder = Files.createTempDirectory("community-schools-demo-");
        Path district = folder.resolve("district");
        err.println("Writing into " + folder.toAbsolutePath() + ": the generated district is deleted at the end, "
                + "report.html and disclosures.jsonl are kept (--out DIR keeps everything)");
        err.flush();
        try {
            return tell(o, err, folder, district);
        } finally {
            long[] deleted = deleteTree(district);
            o.printf(Locale.ROOT, "Deleted the generated district (%,d files, %,.1f MB) from %s; kept in %s: %s%n", deleted[0],
                    deleted[1] / 1e6, district.toAbsolutePath(), folder.toAbsolutePath(), kept(folder));
            o.println("To keep the city and explore it as its school teams do: java -jar examples/target/community-schools.jar "
                    + "demo --out DIR, then java -jar examples/target/community-schools.jar serve --data DIR");
            o.flush();
        }
    }

    /**
     * Tells the story of the city generated into {@code dir}; the report and the disclosure log go to {@code folder}.
     * The same directory when the user chose it with {@code --out}.
     */
    private Integer tell(PrintWriter o, PrintWriter err, Path folder, Path dir) throws IOException {
        SchoolYear first = SchoolYear.of(2015);
        SchoolYear last = SchoolYear.of(2018);

        o.println("Community Schools SDK demo");
        o.println("==========================");
        o.printf(Locale.ROOT, "A synthetic city (preset %s, seed %d), school years %s to %s. All data are invented.%n%n",
                preset.name().toLowerCase(Locale.ROOT), seed, first.label(), last.label());

        err.println("Generating into " + dir + " ...");
        err.flush();
        GenerationSummary generated = SyntheticCity.builder().preset(preset).seed(seed).years(first, last).build().writeTo(dir);
        long rows = generated.rowCounts().values().stream().mapToLong(Long::longValue).sum();
        o.printf(Locale.ROOT, "1. Generated %,d rows in %d files in %s -> %s%n", rows, generated.rowCounts().size(),
                seconds(generated.elapsed()), dir);

        err.println("Reading and validating ...");
        err.flush();
        long t0 = System.nanoTime();
        ReadResult result = DistrictDataReader.builder().build().read(dir);
        Duration loadTime = Duration.ofNanos(System.nanoTime() - t0);
        DistrictData data = result.data();
        o.printf(Locale.ROOT, "2. Read and validated every row in %s: %,d errors, %,d warnings.%n", seconds(loadTime),
                result.report().errorCount(), result.report().warningCount());
        o.printf(Locale.ROOT, "   %,d students, %,d schools, %,d enrollments, %,d attendance rows (%.1f bytes per row in memory),%n",
                data.students().size(), data.schools().size(), data.enrollments().size(), data.attendance().size(),
                data.attendance().bytesPerRow());
        o.printf(Locale.ROOT, "   %,d behavior incidents, %,d course marks, %,d staff, %,d agreements, %,d consents.%n%n",
                data.behaviorIncidents().size(), data.courseMarks().size(), data.staff().size(), data.agreements().size(),
                data.consents().size());

        o.println("3. Community schools by year (a school with a LEAD community-based organization that year):");
        List<SchoolYear> years = OutcomeStory.schoolYearsWithInstruction(data);
        for (SchoolYear year : years) {
            long community = data.schools().stream().filter(s -> data.isCommunitySchool(s.id(), year)).count();
            long leads = data.schools().stream().map(s -> data.leadPartner(s.id(), year)).flatMap(Optional::stream).distinct().count();
            o.printf(Locale.ROOT, "   %s: %,d of %,d schools, led by %,d CBOs%n", year.label(), community, data.schools().size(), leads);
        }
        o.println();

        Optional<School> school = data.schools().stream().filter(s -> data.isCommunitySchool(s.id(), last))
                .min(Comparator.comparing(School::id));
        if (school.isEmpty()) {
            o.println("(no community school in " + last.label() + ")");
            return 0;
        }
        // Who may see what, the early-warning list and the interventions (sections 4b, 8 and 9) need nothing but the
        // data: a second thread computes them while this one computes sections 4 to 7 and the publication table; all
        // print in order.
        LocalDate asOf = LocalDate.of(last.endYear(), 3, 1);
        ExecutorService second = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-story");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<String>> privacyLines = second.submit(() -> PrivacyStory.tell(data, school.get().id(), asOf,
                    folder.resolve("disclosures.jsonl")).map(PrivacyStory::lines)
                    .orElse(List.of("(no mentee with a teacher on record)")));
            Future<List<String>> interventionLines = second.submit(() -> interventionLines(data, last));
            Future<List<String>> warningLines = second.submit(() -> warningLines(data, school.get().id(), last, asOf));
            return tellSections(o, folder, dir, result, data, first, last, years, school.get(), privacyLines,
                    interventionLines, warningLines);
        } finally {
            second.shutdownNow();
        }
    }

    /** Sections 4 to 10 and the report, with sections 4b, 8 and 9 computed on the second thread. */
    private Integer tellSections(PrintWriter o, Path folder, Path dir, ReadResult result, DistrictData data, SchoolYear first,
                                 SchoolYear last, List<SchoolYear> years, School school, Future<List<String>> privacyFuture,
                                 Future<List<String>> interventionFuture, Future<List<String>> warningFuture)
            throws IOException {
        List<String> schoolStory = tellSchool(data, school, last);
        String chronicTitle = "5. Chronic absence (EDFacts FS195: absent 10% or more of the days enrolled, per school enrollment):";
        Comparison chronic = Comparison.chronicAbsence(data, years, ChronicAbsenceDefinition.FEDERAL);
        String graduationTitle = "6. Four-year adjusted cohort graduation rate (34 CFR 200.19(b)), by the cohort's fourth year:";
        Comparison graduation = Comparison.graduation(data, years, GraduationCohortDefinition.FOUR_YEAR);

        schoolStory.forEach(o::println);
        o.println();
        List<String> privacyLines = join(privacyFuture);
        o.println("4b. Who may see what, and why");
        privacyLines.forEach(l -> o.println("   " + l));
        o.println();
        OutcomeStory.print(o, chronicTitle, "enrollments", chronic);
        o.println();
        OutcomeStory.print(o, graduationTitle, "in cohort", graduation);
        o.println();

        // The last year's report serves the tiers, and the publication table below: computed once.
        ChronicAbsenceReport lastReport = ChronicAbsence.calculate(data, last, ChronicAbsenceDefinition.FEDERAL);
        Map<String, AttendanceAggregate> tiers = new LinkedHashMap<>();
        CommunitySchoolSplit split = lastReport.byCommunitySchool();
        split.communitySchools().ifPresent(a -> tiers.put("community schools", a));
        split.otherSchools().ifPresent(a -> tiers.put("other schools", a));

        List<String> warningLines = join(warningFuture);
        o.println("8. " + warningLines.get(0));
        warningLines.stream().skip(1).forEach(l -> o.println("   " + l.strip()));
        o.println();

        List<String> interventionLines = join(interventionFuture);
        o.println("9. Interventions alongside outcomes, " + last.label() + " (attendance in the 30 instructional days before vs "
                + "after each start; descriptive, not causal):");
        interventionLines.forEach(l -> o.println("   " + l));
        o.println();

        // Chronic absence by race/ethnicity within each community school, with totals: small cells appear here.
        List<String> communitySchools = data.schools().stream().filter(s -> data.isCommunitySchool(s.id(), last))
                .map(s -> s.id().value()).sorted().toList();
        Map<String, long[]> cells = new java.util.TreeMap<>();
        for (EnrollmentAttendance e : lastReport.enrollments()) {
            if (!e.figures().status().isCounted() || !communitySchools.contains(e.schoolId().value())) {
                continue;
            }
            String race = data.student(e.studentId()).orElseThrow().raceEthnicity().name();
            long[] c = cells.computeIfAbsent(race + "|" + e.schoolId().value(), k -> new long[2]);
            c[0] += e.figures().status() == ChronicAbsenceStatus.CHRONICALLY_ABSENT ? 1 : 0;
            c[1]++;
        }
        List<String> races = cells.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().sorted().toList();
        CountTable.Builder table = CountTable.builder(Dimension.flat("race_ethnicity", "ALL", races),
                Dimension.flat("school_id", "ALL", communitySchools));
        for (String race : races) {
            for (String cs : communitySchools) {
                long[] c = cells.getOrDefault(race + "|" + cs, new long[2]);
                table.cell(race, cs, c[0], c[1]);
            }
        }
        ProtectedTable published = TableProtector.protect(table.fillTotals().build(), SuppressionRules.forName("nyc-doe")).orThrow();
        long hidden = published.report().size();
        String publicationCsv = PublicationWriter.csv(published);
        List<List<String>> publishedRows = publicationCsv.lines().skip(1).map(l -> List.of(l.split(",", -1))).toList();
        o.printf(Locale.ROOT, "10. Chronically absent students by race/ethnicity and community school, %s, protected for publication "
                + "(NYC DOE rules): %d of %d cells hidden, and the audit shows no hidden count can be derived from the "
                + "published ones; for example:%n", last.label(), hidden, published.cells().size());
        List<String> csvLines = publicationCsv.lines().toList();
        o.println("   " + csvLines.get(0));
        csvLines.stream().skip(1).filter(l -> !l.startsWith("ALL,")).limit(6).forEach(l -> o.println("   " + l));
        o.println();

        Path reportFile = folder.resolve("report.html");
        new HtmlReport("Community Schools SDK demo: a synthetic city")
                .section("overview", "The city").paragraph(String.format(Locale.ROOT,
                        "Preset %s, seed %d, school years %s to %s: %,d students in %,d schools; %,d attendance rows. "
                        + "Read and validated every row: %,d errors.", preset.name().toLowerCase(Locale.ROOT), seed,
                        first.label(), last.label(), data.students().size(), data.schools().size(), data.attendance().size(),
                        result.report().errorCount())).endSection()
                .section("community-school", "One community school, " + last.label()).list(schoolStory.stream().map(String::strip).map(l -> l.replaceFirst("^4\\. ", "")).toList()).endSection()
                .section("who-sees-what", "Who may see what, and why").list(privacyLines.stream().map(String::strip).toList()).endSection()
                .section("chronic-absence", chronicTitle.substring(3, chronicTitle.length() - 1)).comparison(chronic, "enrollments", "chart-chronic-absence").endSection()
                .section("tiers", "Attendance Works tiers, " + last.label()).tiers(tiers, "chart-tiers").endSection()
                .section("graduation", graduationTitle.substring(3, graduationTitle.length() - 1)).comparison(graduation, "in cohort", "chart-graduation").endSection()
                .section("early-warning", "The school team's early-warning list").list(warningLines.stream().map(String::strip).toList()).endSection()
                .section("interventions", "Interventions alongside outcomes, " + last.label()).list(interventionLines).endSection()
                .section("publication", "A table fit for publication, " + last.label())
                .paragraph("Chronically absent students by race/ethnicity and community school, with totals. NYC DOE suppression "
                        + "rules: small groups and counts near 0 or the group size are hidden, then more cells until no hidden "
                        + "count can be recovered from the published ones; the audit proves each hidden count could be any of "
                        + "several values. " + hidden + " of " + published.cells().size() + " cells hidden.")
                .table(List.of(publicationCsv.lines().findFirst().orElse("").split(",", -1)), publishedRows).endSection()
                .write(reportFile);
        o.println("Report: " + reportFile.toAbsolutePath());
        o.println("Disclosure log: " + folder.resolve("disclosures.jsonl").toAbsolutePath());
        if (folder.equals(dir)) {
            o.println("Explore the same city as its school teams do: java -jar examples/target/community-schools.jar serve --data "
                    + dir.toAbsolutePath() + " (then open http://localhost:8080/)");
        }
        return 0;
    }

    /** Section 8: the early-warning list the school team reviews, a title line and the first five students. */
    private static List<String> warningLines(DistrictData data, SchoolId school, SchoolYear year, LocalDate asOf) {
        EarlyWarningList warning = EarlyWarning.evaluate(data, school, year, EarlyWarningDefinition.EVERYONE_GRADUATES, asOf);
        long flagged = warning.entries().stream().filter(e -> !e.flags().isEmpty()).count();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Early-warning list of %s as of %s (Everyone Graduates Center indicators): "
                + "%,d of %,d students flagged; the first five:", school, asOf, flagged, warning.entries().size()));
        warning.entries().stream().limit(5).forEach(e -> lines.add(String.format(Locale.ROOT, "   %s (grade %s): %s",
                e.studentId(), e.grade().code(), e.flags().isEmpty() ? "no flag"
                        : e.flags().stream().map(f -> f.reason()).collect(java.util.stream.Collectors.joining("; ")))));
        return lines;
    }

    /** Section 9: how each intervention's participants went, against matched non-participants, one line each. */
    private static List<String> interventionLines(DistrictData data, SchoolYear year) {
        InterventionOutcomeReport interventions = InterventionOutcomes.evaluate(data, year, 30, ChronicAbsenceDefinition.FEDERAL);
        List<String> lines = new java.util.ArrayList<>();
        for (InterventionOutcome io : interventions.outcomes()) {
            lines.add(String.format(Locale.ROOT, "%s by %s: %,d participants, attendance %s -> %s (%s points); "
                    + "%,d matched non-participants %s -> %s (%s points); difference %s points", io.type(), io.providerId().value(),
                    io.participants(), pct(io.participantRates().before()), pct(io.participantRates().after()),
                    io.participantRates().changeInPoints(1).map(BigDecimal::toPlainString).orElse("-"), io.comparisonStudents(),
                    pct(io.comparisonRates().before()), pct(io.comparisonRates().after()),
                    io.comparisonRates().changeInPoints(1).map(BigDecimal::toPlainString).orElse("-"),
                    io.differenceInPoints(1).map(BigDecimal::toPlainString).orElse("-")));
        }
        return lines;
    }

    /** The result of a section computed on the second thread; its failure is the demo's, unwrapped. */
    private static <T> T join(Future<T> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while telling the story", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Deletes a directory tree if it exists; the number of files and their bytes. */
    private static long[] deleteTree(Path root) throws IOException {
        long[] deleted = new long[2];
        if (!Files.exists(root)) {
            return deleted;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    deleted[0]++;
                    deleted[1] += Files.size(p);
                }
                Files.delete(p);
            }
        }
        return deleted;
    }

    /** The files left in the folder, by name. */
    private static String kept(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private static List<String> tellSchool(DistrictData data, School school, SchoolYear year) {
        List<String> lines = new java.util.ArrayList<>();
        SchoolId id = school.id();
        OrganizationId lead = data.leadPartner(id, year).orElseThrow();
        String leadName = data.organization(lead).map(org -> org.name()).orElse(lead.value());
        LocalDate midYear = LocalDate.of(year.endYear(), 3, 1);
        lines.add(String.format(Locale.ROOT, "4. One community school: %s (%s), grades %s-%s, in %s", school.name(), id, school.lowGrade(),
                school.highGrade(), year.label()));
        lines.add(String.format(Locale.ROOT, "   Lead CBO: %s (%s)", leadName, lead));
        for (DataSharingAgreement a : data.agreements()) {
            if (a.recipientOrganizationId().equals(lead) && a.schoolIds().contains(id)) {
                lines.add(String.format(Locale.ROOT, "   Agreement %s v%d, %s, basis %s, %s to %s: data elements %s, roles %s", a.id(), a.version(),
                        a.status(), a.legalBasis(), a.effectiveDate(), a.endDate(), sorted(a.dataElements()), sorted(a.permittedRoles())));
            }
        }
        long enrolled = data.enrollmentsAt(id).stream().filter(e -> e.isEnrolledOn(midYear)).count();
        lines.add(String.format(Locale.ROOT, "   Students enrolled on %s: %,d; instructional days in %s: %d", midYear, enrolled, year.label(),
                data.calendar(id).daysIn(year.dates())));

        List<StaffAssignment> here = data.staffAssignments().stream()
                .filter(a -> a.organizationId().equals(id) && a.period().contains(midYear)).toList();
        Map<StaffRole, Long> roles = new EnumMap<>(StaffRole.class);
        here.forEach(a -> roles.merge(a.role(), 1L, Long::sum));
        lines.add(String.format(Locale.ROOT, "   Staff assigned on %s: %s", midYear, roles));

        Optional<StaffAssignment> mentor = here.stream().filter(a -> a.role() == StaffRole.SUCCESS_MENTOR)
                .min(Comparator.comparing(a -> a.staffId().value()));
        if (mentor.isEmpty()) {
            return lines;
        }
        List<StudentStaffRelationship> caseload = data.relationshipsOn(mentor.get().staffId(), midYear).stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF).toList();
        lines.add(String.format(Locale.ROOT, "   Success Mentor %s has %d mentees on %s (students chronically absent the year before).",
                mentor.get().staffId(), caseload.size(), midYear));
        if (caseload.isEmpty()) {
            return lines;
        }
        StudentId mentee = caseload.get(0).studentId();
        Map<AttendanceCategory, Integer> byCategory = new EnumMap<>(AttendanceCategory.class);
        for (AttendanceRecord r : data.attendance().recordsOf(mentee, id)) {
            if (year.contains(r.date())) {
                byCategory.merge(r.category(), 1, Integer::sum);
            }
        }
        long daysEnrolled = data.enrollmentsOf(mentee).stream().filter(e -> e.schoolId().equals(id))
                .map(e -> intersect(e, year)).flatMap(Optional::stream)
                .mapToLong(range -> data.calendar(id).daysIn(range)).sum();
        lines.add(String.format(Locale.ROOT, "   One mentee, %s: %d instructional days enrolled in %s; attendance rows by category %s",
                mentee, daysEnrolled, year.label(), byCategory));
        lines.add(String.format(Locale.ROOT, "   ... %d behavior incidents, %d course marks, %d intervention participations on record.",
                data.incidentsOf(mentee).size(), data.courseMarksOf(mentee).size(), data.participantsOf(mentee).size()));
        return lines;
    }

    private static String pct(Optional<org.communityschools.core.model.Ratio> rate) {
        return rate.map(r -> r.toPercentString(1) + "%").orElse("-");
    }

    /** The days of the enrollment within the school year, if any. */
    private static Optional<DateRange> intersect(Enrollment e, SchoolYear year) {
        LocalDate start = e.entryDate().isAfter(year.firstDay()) ? e.entryDate() : year.firstDay();
        LocalDate end = e.exitWithdrawDate().filter(d -> d.isBefore(year.lastDay())).orElse(year.lastDay());
        return end.isBefore(start) ? Optional.empty() : Optional.of(DateRange.closed(start, end));
    }

    private static <T extends Comparable<? super T>> List<T> sorted(java.util.Collection<T> values) {
        return values.stream().sorted().toList();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
