package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationRate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics} on a generated {@code tiny} city, checked against the library. */
class MetricsCommandTest {
    @TempDir
    static Path dir;
    static DistrictData data;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
        data = DistrictDataReader.builder().build().read(dir).data();
    }

    static List<String[]> csv(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).as(out.toString()).isZero();
        return out.toString().lines().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void chronicAbsenceBySchoolEqualsTheLibrary() {
        List<String[]> rows = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2017-18", "--by", "school");
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.FEDERAL);

        assertThat(rows.get(0)).containsExactly("school_id", "students", "chronically_absent", "rate", "unit");
        Map<String, String[]> bySchool = rows.stream().skip(1).collect(Collectors.toMap(r -> r[0], r -> r));
        assertThat(bySchool).hasSameSizeAs(report.schools());
        report.schools().forEach((id, school) -> {
            String[] row = bySchool.get(id.value());
            AttendanceAggregate a = school.enrollments();
            assertThat(Long.parseLong(row[1])).isEqualTo(a.counted());
            assertThat(Long.parseLong(row[2])).isEqualTo(a.chronicallyAbsent());
            a.chronicAbsenceRate().ifPresent(r -> assertThat(new BigDecimal(row[3])).isEqualByComparingTo(r.toBigDecimal(6)));
            assertThat(row[3].substring(row[3].indexOf('.') + 1)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(row[4]).as("a school row counts each of its students once, a mover at each school").isEqualTo("student_at_school");
        });
    }

    @Test
    void chronicAbsenceByDistrictCountsEachStudentOncePooled() {
        List<String[]> rows = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "district",
                "--definition", "nysed");
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.NYSED);

        assertThat(rows).hasSize(2);
        assertThat(Long.parseLong(rows.get(1)[1])).isEqualTo(report.districtPooled().counted());
        assertThat(Long.parseLong(rows.get(1)[2])).isEqualTo(report.districtPooled().chronicallyAbsent());
        assertThat(rows.get(1)[4]).as("the district row counts each student once").isEqualTo("student");
    }

    @Test
    void gradeRowsSayTheyCountStudentsPerSchoolUnderFs195AndOnceUnderAPooledDefinition() {
        // FS195 (--definition federal) counts student-school stays; NYSED's preset pools each student's year
        assertThat(csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "grade").get(1)[4])
                .isEqualTo("student_at_school");
        assertThat(csv("metrics", "attendance-rate", "--data", dir.toString(), "--year", "2018", "--by", "grade",
                "--definition", "nysed").get(0)).endsWith("unit");
        assertThat(csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "grade",
                "--definition", "nysed").get(1)[4]).isEqualTo("student");
    }

    @Test
    void graduationByDistrictCarriesTheCohortAdjustments() {
        List<String[]> rows = csv("metrics", "graduation", "--data", dir.toString(), "--cohort", "2014-15", "--by", "district");
        CohortCounts district = GraduationRate.calculate(data, SchoolYear.of(2015), GraduationCohortDefinition.FOUR_YEAR).district();

        List<String> header = Arrays.asList(rows.get(0));
        String[] row = rows.get(1);
        assertThat(header).startsWith("district_id", "cohort_size", "graduates", "rate", "first_time_ninth_graders", "transfers_in", "removed");
        assertThat(Long.parseLong(row[1])).isEqualTo(district.adjustedCohort());
        assertThat(Long.parseLong(row[2])).isEqualTo(district.graduateCount());
        assertThat(Long.parseLong(row[4]) + Long.parseLong(row[5]) - Long.parseLong(row[6])).isEqualTo(district.adjustedCohort());
    }

    /**
     * The generated city holds school years 2014-15 to 2017-18. The four-year window of the cohort of 2014-15 runs
     * through 2017-18 (diplomas to 2018-08-31): covered. Its five-year window runs through 2018-19, and the four-year
     * window of the cohort of 2017-18 through 2020-21: neither is covered, so both are refused, naming the last
     * instructional day in the data, instead of printing the four-year figures again or a rate of 0. With
     * --incomplete the figure is printed with complete=false.
     */
    @Test
    void graduationRefusesAWindowTheDataDoNotCoverUnlessAskedToFlagIt() {
        java.time.LocalDate last = data.schools().stream().map(s -> data.calendar(s.id()).days())
                .filter(d -> !d.isEmpty()).map(d -> d.get(d.size() - 1)).max(java.util.Comparator.naturalOrder()).orElseThrow();
        assertThat(SchoolYear.containing(last)).isEqualTo(SchoolYear.of(2018));
        List<String[]> four = csv("metrics", "graduation", "--data", dir.toString(), "--cohort", "2014-15", "--by", "district");
        assertThat(four.get(0)[four.get(0).length - 1]).isEqualTo("complete");
        assertThat(four.get(1)[four.get(1).length - 1]).isEqualTo("true");

        for (String[] args : List.of(new String[] {"--cohort", "2014-15", "--years", "5"}, new String[] {"--cohort", "2017-18"})) {
            StringWriter err = new StringWriter();
            List<String> command = new java.util.ArrayList<>(List.of("metrics", "graduation", "--data", dir.toString(), "--by", "district"));
            command.addAll(List.of(args));
            int code = Main.run(command.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("the data cover only up to " + last);
        }
        List<String[]> five = csv("metrics", "graduation", "--data", dir.toString(), "--cohort", "2014-15", "--years", "5",
                "--by", "district", "--incomplete");
        assertThat(five.get(1)[five.get(1).length - 1]).isEqualTo("false");
    }

    /**
     * --by subgroup --suppress protects each subgroup family as a partition of the students with its total, as state
     * report cards publish them: sex (FEMALE + MALE + ... = all), race and ethnicity, and each characteristic with
     * its complement (English learners and the others: not_ENGLISH_LEARNER = all - ENGLISH_LEARNER). Every family's
     * TOTAL row is the district row (FS195 counts student-school stays: the same unit as the subgroup rows), and no
     * family hides exactly one row, which its published total would give away by subtraction.
     */
    @Test
    void subgroupsAreProtectedFamilyByFamilyWithTheirTotals() {
        List<String[]> rows = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "subgroup",
                "--suppress", "nysed");
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.FEDERAL);
        assertThat(rows.get(0)).containsExactly("subgroup", "students", "chronically_absent", "rate", "unit");
        Map<String, List<String[]>> byFamily = new java.util.TreeMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            String family = row[0].startsWith("characteristic:") ? "characteristic:" + row[0].substring(15).replace("not_", "")
                    : row[0].substring(0, row[0].indexOf(':'));
            family = family.endsWith(":TOTAL") ? family.substring(0, family.length() - 6) : family;
            byFamily.computeIfAbsent(family, k -> new java.util.ArrayList<>()).add(row);
        }
        assertThat(byFamily).containsKeys("sex", "race_ethnicity", "characteristic:ENGLISH_LEARNER");
        byFamily.forEach((family, list) -> {
            String[] total = list.get(list.size() - 1);
            assertThat(total[0]).isEqualTo(family + ":TOTAL");
            assertThat(Long.parseLong(total[1])).isEqualTo(report.district().counted());
            assertThat(Long.parseLong(total[2])).isEqualTo(report.district().chronicallyAbsent());
            long hidden = list.stream().filter(r -> r[2].equals("s")).count();
            assertThat(hidden).as(family).isNotEqualTo(1);
        });
        AttendanceAggregate el = report.bySubgroup().get(org.communityschools.metrics.Subgroup.of(
                org.communityschools.core.model.StudentCharacteristicType.ENGLISH_LEARNER));
        String[] notEl = byFamily.get("characteristic:ENGLISH_LEARNER").get(1);
        assertThat(notEl[0]).isEqualTo("characteristic:not_ENGLISH_LEARNER");
        if (!notEl[1].equals("s")) {
            assertThat(Long.parseLong(notEl[1])).isEqualTo(report.district().counted() - el.counted());
        }
    }

    /**
     * Tables of one population released one after the other are audited together: the by-school table and then the
     * by-community-school table go through one ledger. Each school is in exactly one group, so a group's count is the
     * sum of its schools': were the second table to publish a group next to all but one of its schools published in
     * the first, that school's hidden count would follow by subtraction. The ledger's joint audit of both releases
     * leaves every hidden school and group a range of at least one student (NYSED's width), and the combined
     * release (--by school,community-school) prints both tables with one total.
     */
    @Test
    void theByCommunitySchoolTableIsAuditedWithTheBySchoolTableItFollows(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path ledgerFile = tmp.resolve("ledger.jsonl");
        List<String[]> bySchool = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "school",
                "--suppress", "nysed", "--ledger", ledgerFile.toString());
        assertThat(bySchool).as("the first release hides some school").anyMatch(r -> r[1].equals("s"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by",
                "community-school", "--suppress", "nysed", "--ledger", ledgerFile.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isIn(0, 1);
        org.communityschools.privacy.publication.ReleaseLedger ledger = org.communityschools.privacy.publication.ReleaseLedger.read(ledgerFile);
        assertThat(ledger.releases()).hasSize(code == 0 ? 2 : 1);
        // the first release's hidden schools and (when released) the second's hidden groups, read together
        Map<String, Map<org.communityschools.privacy.publication.CellKey, org.communityschools.privacy.publication.AuditedRange>> joint = ledger.audit();
        org.communityschools.privacy.publication.Release first = ledger.releases().get(0);
        for (String[] row : bySchool.subList(1, bySchool.size())) {
            if (row[1].equals("s")) {
                org.communityschools.privacy.publication.CellKey key = org.communityschools.privacy.publication.CellKey.of(row[0], "TOTAL");
                assertThat(joint.get(first.id()).get(key).width()).as("hidden school %s", row[0]).isPositive();
            }
        }
        if (code == 0) {
            org.communityschools.privacy.publication.Release second = ledger.releases().get(1);
            for (String group : List.of("true", "false")) {
                org.communityschools.privacy.publication.CellKey key = org.communityschools.privacy.publication.CellKey.of("TOTAL", group);
                if (!second.cell("TOTAL", group).isPublished() && second.cell("TOTAL", group).range().width() > 0) {
                    assertThat(joint.get(second.id()).get(key).width()).as("hidden group %s", group).isPositive();
                }
            }
        }

        List<String[]> both = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by",
                "school,community-school", "--suppress", "nysed");
        assertThat(both.get(0)).containsExactly("group", "students", "chronically_absent", "rate", "unit");
        assertThat(both.stream().map(r -> r[0])).contains("community_school:true", "community_school:false", "TOTAL")
                .anyMatch(l -> l.startsWith("school_id:"));
        assertThat(both.get(both.size() - 1)[0]).isEqualTo("TOTAL");
    }

    @Test
    void jsonHasTheSameFiguresAsCsv() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018",
                "--by", "community-school", "--format", "json"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();
        List<String[]> rows = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "community-school");
        for (String[] row : rows.subList(1, rows.size())) {
            assertThat(out.toString()).contains("\"community_school\" : \"" + row[0] + "\"").contains("\"students\" : " + row[1]);
        }
    }

    @Test
    void compareReportsBothSeriesAndTheDifferenceInDifferencesOfTheLibrary() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"compare", "--data", dir.toString(), "--metric", "chronic-absence", "--from", "2015",
                "--to", "2018", "--format", "json"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        org.communityschools.metrics.Comparison c = org.communityschools.metrics.Comparison.chronicAbsence(data,
                List.of(SchoolYear.of(2015), SchoolYear.of(2016), SchoolYear.of(2017), SchoolYear.of(2018)), ChronicAbsenceDefinition.FEDERAL);

        assertThat(code).isZero();
        tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString());
        List<String> community = new java.util.ArrayList<>();
        json.get("series").forEach(n -> {
            if (n.get("group").asString().equals("community")) {
                community.add(n.get("numerator").asLong() + "/" + n.get("denominator").asLong());
            }
        });
        assertThat(community).containsExactlyElementsOf(c.points().stream().flatMap(p -> p.treated().stream())
                .map(r -> r.numerator() + "/" + r.denominator()).toList());
        BigDecimal did = c.differenceInDifferences(SchoolYear.of(2015), SchoolYear.of(2018), 4).orElseThrow();
        // the difference in differences is a field of its own, not a rate row with numerator and denominator 0
        assertThat(out.toString()).contains("\"difference_in_differences_points\" : " + did.toPlainString())
                .doesNotContain("\"numerator\" : 0,\n  \"denominator\" : 0");

        // --format csv writes CSV: a header, then one row per school year and group with the rate's counts
        List<String[]> rows = csv("compare", "--data", dir.toString(), "--metric", "chronic-absence", "--from", "2015",
                "--to", "2018", "--format", "csv");
        assertThat(rows.get(0)).containsExactly("school_year", "group", "numerator", "denominator", "rate");
        long series = c.points().stream().mapToLong(p -> (p.treated().isPresent() ? 1 : 0) + (p.comparison().isPresent() ? 1 : 0)).sum();
        assertThat(rows).hasSize((int) series + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).hasSize(5));

        StringWriter text = new StringWriter();
        assertThat(Main.run(new String[] {"compare", "--data", dir.toString(), "--metric", "chronic-absence", "--from", "2015",
                "--to", "2018"}, new PrintWriter(text, true), new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(text.toString()).contains("difference in differences (community minus other): "
                + (did.signum() > 0 ? "+" : "") + did.setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString());
    }

    @Test
    void suppressedTableHidesWhatTheEngineHidesAndPublishesTheTotal() {
        List<String[]> plain = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "school");
        List<String[]> rows = csv("metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "school",
                "--suppress", "nysed");
        ChronicAbsenceReport report = ChronicAbsence.calculate(data, SchoolYear.of(2018), ChronicAbsenceDefinition.FEDERAL);
        java.util.Map<List<String>, AttendanceAggregate> groups = new java.util.LinkedHashMap<>();
        report.schools().forEach((id, school) -> groups.put(List.of(id.value()), school.enrollments()));
        org.communityschools.privacy.publication.ProtectedTable expected = Suppressed.protect("school_id", groups,
                org.communityschools.privacy.publication.SuppressionRules.NYSED);

        assertThat(rows.get(0)).containsExactly("school_id", "students", "chronically_absent", "rate", "unit");
        assertThat(rows).hasSize(plain.size() + 1);
        String[] total = rows.get(rows.size() - 1);
        assertThat(total[0]).isEqualTo("TOTAL");
        assertThat(Long.parseLong(total[1])).isEqualTo(report.districtPerEnrollment().counted());
        for (String[] row : rows.subList(1, rows.size() - 1)) {
            org.communityschools.privacy.publication.ProtectedCell cell = expected.cell(row[0]);
            if (cell.isSuppressed()) {
                assertThat(row[1]).isEqualTo(cell.marker().orElseThrow());
                assertThat(row[2]).isEqualTo(cell.marker().orElseThrow());
            } else {
                String[] original = plain.stream().filter(p -> p[0].equals(row[0])).findFirst().orElseThrow();
                assertThat(row[1]).isEqualTo(original[1]);
            }
        }
        assertThat(expected.report()).isNotEmpty();
    }

    @Test
    void earlyWarningListsTheSchoolsStudentsInTheLibrarysRiskOrder() {
        org.communityschools.core.model.SchoolId school = data.schools().get(0).id();
        List<String[]> rows = csv("metrics", "early-warning", "--data", dir.toString(), "--school", school.value(), "--year", "2018");
        org.communityschools.metrics.EarlyWarningList list = org.communityschools.metrics.EarlyWarning.evaluate(data, school,
                SchoolYear.of(2018), org.communityschools.metrics.EarlyWarningDefinition.EVERYONE_GRADUATES);

        assertThat(rows.get(0)).startsWith("rank", "student_id", "grade", "indicators");
        assertThat(rows).hasSize(list.entries().size() + 1);
        for (int i = 0; i < list.entries().size(); i++) {
            assertThat(rows.get(i + 1)[1]).isEqualTo(list.entries().get(i).studentId().value());
            assertThat(Long.parseLong(rows.get(i + 1)[3])).isEqualTo(list.entries().get(i).flags().size());
        }
    }

    @Test
    void interventionsReportEachTypeAndProviderOfTheLibrary() {
        List<String[]> rows = csv("metrics", "interventions", "--data", dir.toString(), "--year", "2018", "--window", "20");
        org.communityschools.metrics.InterventionOutcomeReport report = org.communityschools.metrics.InterventionOutcomes.evaluate(
                data, SchoolYear.of(2018), 20, ChronicAbsenceDefinition.FEDERAL);

        assertThat(rows.get(0)).startsWith("type", "provider_id", "participants", "measured", "rate_before", "rate_after");
        assertThat(rows).hasSize(report.outcomes().size() + 1);
        for (int i = 0; i < report.outcomes().size(); i++) {
            assertThat(rows.get(i + 1)[1]).isEqualTo(report.outcomes().get(i).providerId().value());
            assertThat(Long.parseLong(rows.get(i + 1)[2])).isEqualTo(report.outcomes().get(i).participants());
        }
    }

    @Test
    void aYearOrCohortNotInTheDataIsAnErrorNotAnEmptyTable() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"metrics", "chronic-absence", "--data", dir.toString(), "--year", "2031"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: the data have no instructional day in school year 2030-31 "
                + "(school years with instruction: 2014-15, 2015-16, 2016-17, 2017-18)");

        StringWriter err2 = new StringWriter();
        int code2 = Main.run(new String[] {"metrics", "graduation", "--data", dir.toString(), "--cohort", "2030"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true));
        assertThat(code2).isEqualTo(1);
        assertThat(err2.toString()).contains("error: no student of the cohort that entered grade 9 in 2029-30 is in the data");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"metrics", "chronic-absence", "--data", dir.toString(), "--year", "2018", "--by", "borough"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: --by must be school, district, grade, subgroup, community-school or school,community-school, was 'borough'");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralized() {
        assertThat(Table.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Table.csvCell("+1+2")).isEqualTo("'+1+2");
        assertThat(Table.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Table.csvCell("-0.25")).isEqualTo("-0.25");
        assertThat(Table.csvCell("SCH0001")).isEqualTo("SCH0001");
    }
}
