package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityschools.privacy.publication.AuditedRange;
import org.communityschools.privacy.publication.CellKey;
import org.communityschools.privacy.publication.ReleaseLedger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code publish} on any CSV of counts: a slice of the NYC DOE graduation outcomes file (with its own {@code s}
 * suppressions) and the worked example of complementary suppression (NCES 2011-603) released twice, with and without the ledger.
 */
class PublishCommandTest {
    static final String GRADS = "Total Grads - n";
    static final String COHORT = "Total Cohort";

    @TempDir
    static Path dir;
    static Path nyc;

    @BeforeAll
    static void copyResources() throws IOException {
        nyc = dir.resolve("graduation.csv");
        try (InputStream in = PublishCommandTest.class.getResourceAsStream("/nyc/graduation_outcomes_2006_cohort_slice.csv")) {
            Files.copy(in, nyc);
        }
    }

    static List<String> csvLine(String line) {
        return List.of(line.split(",", -1));
    }

    @Test
    void aSchoolSuppressedAtTheSourceStaysSuppressedAndSoDoesTheTotalOverIt() throws IOException {
        Path out = dir.resolve("nysed.csv");
        Cli.Run run = Cli.run("publish", "--in", nyc.toString(), "--key", "DBN", "--count", GRADS, "--size", COHORT,
                "--where", "Demographic=Total Cohort", "--preset", "nysed", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("DBN,count,group_size,percent");
        // 02M394 (a cohort of 10) is s in the source; the TOTAL the command adds cannot be computed over it
        assertThat(lines).contains("02M394,s,s,s", "TOTAL,s,s,s", "01M292,43,78,55.1", "02M047,19,25,76.0");
        assertThat(lines.stream().filter(l -> l.contains(",s,")).count()).isEqualTo(2);
        assertThat(run.err()).contains("suppressed 02M394: WITHHELD_IN_INPUT, could be 0 to 10")
                .contains("2 already suppressed in the input");
    }

    @Test
    void aTwoWayTableOfTheRealFileKeepsEverySourceSuppressionAndEveryHiddenCellOpen() throws IOException {
        Path out = dir.resolve("by-sex.json");
        Cli.Run run = Cli.run("publish", "--in", nyc.toString(), "--key", "DBN,Demographic", "--count", GRADS,
                "--size", COHORT, "--where", "Demographic=Female", "--where", "Demographic=Male", "--preset", "nyc-doe",
                "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode cells = JsonMapper.builder().build().readTree(Files.readString(out));
        List<String> input = Files.readAllLines(nyc);
        for (String line : input.subList(1, input.size())) {
            List<String> f = csvLine(line);
            if (!f.get(0).equals(COHORT) && f.get(5).equals("s")) {
                JsonNode cell = find(cells, f.get(1), f.get(0));
                assertThat(cell.get("count").stringValue()).as(f.get(1) + "/" + f.get(0)).isEqualTo("s");
            }
        }
        List<String> report = run.err().lines().filter(l -> l.startsWith("suppressed ")).toList();
        assertThat(report).isNotEmpty().allSatisfy(l -> {
            String[] range = l.substring(l.indexOf("could be ") + 9).split(" to ");
            assertThat(Long.parseLong(range[1])).as(l).isGreaterThan(Long.parseLong(range[0]));
        });
        // 01M539 graduated all 46: within 5 of the group, suppressed by the NYC DOE rule
        assertThat(report).contains("suppressed 01M539/TOTAL: PRIMARY_SMALL_COUNT, could be 0 to 46");
    }

    private static JsonNode find(JsonNode cells, String dbn, String demographic) {
        for (JsonNode c : cells) {
            if (c.get("DBN").stringValue().equals(dbn) && c.get("Demographic").stringValue().equals(demographic)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + dbn + "/" + demographic);
    }

    /** Chronically absent by subgroup and school (the complementary-suppression example of NCES 2011-603), long format. */
    static Path districtTable(Path file) throws IOException {
        Files.writeString(file, """
                subgroup,school,absent,enrolled
                Hispanic,A,3,40
                Hispanic,B,14,60
                Hispanic,C,20,80
                Black,A,16,50
                Black,B,5,30
                Black,C,22,70
                White,A,25,90
                White,B,30,100
                White,C,18,60
                """);
        return file;
    }

    @Test
    void theLedgerCatchesDifferencingBetweenTheDistrictTableAndASchoolReportCard() throws IOException {
        Path ledger = dir.resolve("ledger.jsonl");
        Path district = districtTable(dir.resolve("district.csv"));
        String[] common = {"--count", "absent", "--size", "enrolled", "--min-size", "10", "--measure", "chronic absence 2024-25"};

        Cli.Run first = Cli.run(concat(new String[] {"publish", "--in", district.toString(), "--key", "subgroup,school",
                "--preset", "nyc-doe", "--ledger", ledger.toString(), "--out", dir.resolve("month1.csv").toString()}, common));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("suppressed Hispanic/A: PRIMARY_SMALL_COUNT");

        // school B alone: nothing is small, but publishing Hispanic at B would give away Hispanic at A = 37 - 20 - 14
        Path cardB = dir.resolve("school-b.csv");
        Files.writeString(cardB, "subgroup,school,absent,enrolled\nHispanic,B,14,60\nBlack,B,5,30\nWhite,B,30,100\n");
        Cli.Run alone = Cli.run(concat(new String[] {"publish", "--in", cardB.toString(), "--key", "subgroup,school",
                "--preset", "nysed", "--out", dir.resolve("alone.csv").toString()}, common));
        assertThat(alone.code()).as(alone.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("alone.csv"))).contains("Hispanic,B,14,60,23.3");

        Cli.Run second = Cli.run(concat(new String[] {"publish", "--in", cardB.toString(), "--key", "subgroup,school",
                "--preset", "nysed", "--ledger", ledger.toString(), "--out", dir.resolve("month2.csv").toString()}, common));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("month2.csv"))).contains("Hispanic,B,s,s,s", "Black,B,s,s,s",
                "White,B,30,100,30.0");

        ReleaseLedger recorded = ReleaseLedger.read(ledger);
        assertThat(recorded.releases()).extracting(r -> r.id()).containsExactly("month1.csv", "month2.csv");
        Map<CellKey, AuditedRange> month1 = recorded.audit().get("month1.csv");
        assertThat(month1.get(CellKey.of("Hispanic", "A")).width()).isPositive();
    }

    @Test
    void aCountAboveItsGroupIsAnErrorNamingTheLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "school,absent,enrolled\nA,3,40\nB,50,40\n");
        Cli.Run run = Cli.run("publish", "--in", bad.toString(), "--key", "school", "--count", "absent", "--size", "enrolled",
                "--preset", "n10", "--out", dir.resolve("bad-out.csv").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("line 3").contains("absent").doesNotContain("Exception");
    }

    @Test
    void countsWithThousandsSeparatorsAreNumbersNotSourceSuppressions() throws IOException {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "school,grads,cohort\nA,\"1,012\",\"1,092\"\nB,640,700\nC,s,12\n");
        Path out = dir.resolve("big-out.csv");
        Cli.Run run = Cli.run("publish", "--in", big.toString(), "--key", "school", "--count", "grads", "--size", "cohort",
                "--preset", "nyc-doe", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(out)).contains("A,1012,1092,").contains("C,s,");
        assertThat(run.err()).contains("suppressed C: WITHHELD_IN_INPUT").doesNotContain("suppressed A:");
    }

    @Test
    void aNegativeOrDecimalCountIsALocatedErrorNotASuppressionMarker() throws IOException {
        for (String count : List.of("-3", "2.5", "n/a")) {
            Path bad = dir.resolve("marker.csv");
            Files.writeString(bad, "school,absent,enrolled\nA,3,40\nB," + count + ",40\nC,s,12\n");
            Path out = dir.resolve("marker-out.csv");
            Cli.Run run = Cli.run("publish", "--in", bad.toString(), "--key", "school", "--count", "absent", "--size", "enrolled",
                    "--preset", "n10", "--out", out.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("error: " + bad + ":3:2: a count must be a whole number or a marker of a value "
                    + "suppressed at the source (*, N<10, s; set them with --markers), was '" + count + "'");
            assertThat(out).doesNotExist();
        }
        Path ok = dir.resolve("dash.csv");
        Files.writeString(ok, "school,absent,enrolled\nA,3,40\nB,-,40\n");
        Cli.Run run = Cli.run("publish", "--in", ok.toString(), "--key", "school", "--count", "absent", "--size", "enrolled",
                "--preset", "n10", "--markers", "-", "--out", dir.resolve("dash-out.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("suppressed B: WITHHELD_IN_INPUT");
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }
}
