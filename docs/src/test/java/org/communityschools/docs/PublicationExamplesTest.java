package org.communityschools.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.privacy.publication.AuditedRange;
import org.communityschools.privacy.publication.CellKey;
import org.communityschools.privacy.publication.ComplementaryOrder;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.Markers;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.PublicationWriter;
import org.communityschools.privacy.publication.RateCoding;
import org.communityschools.privacy.publication.Release;
import org.communityschools.privacy.publication.ReleaseLedger;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;
import org.junit.jupiter.api.Test;

/** The code of docs/publication.md, compiled, run, and quoted exactly; the outputs shown there are checked here. */
class PublicationExamplesTest {
    private static void assertQuoted(String region) {
        DocPages.assertQuoted("publication.md", PublicationExamplesTest.class, region);
    }

    private static void assertShown(String output) {
        DocPages.assertShown("publication.md", output);
    }

    @Test
    void protectTheHispanicBySchoolTable() throws IOException {
        // tag::protect[]
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Hispanic", "Black", "White"));
        Dimension schools = Dimension.flat("School", "Total", List.of("A", "B", "C"));
        CountTable table = CountTable.builder(subgroups, schools)      // chronically absent of enrolled
                .cell("Hispanic", "A", 3, 40).cell("Hispanic", "B", 14, 60).cell("Hispanic", "C", 20, 80)
                .cell("Black", "A", 16, 50).cell("Black", "B", 5, 30).cell("Black", "C", 22, 70)
                .cell("White", "A", 25, 90).cell("White", "B", 30, 100).cell("White", "C", 18, 60)
                .fillTotals()                                          // totals = sums of their members
                .build();
        SuppressionRules rules = SuppressionRules.builder().name("k5")
                .minimumGroupSize(10).minimumCount(5).build();         // counts below 5 (or within 5 of the group)
        ProtectedTable result = TableProtector.protect(table, rules);
        String csv = PublicationWriter.csv(result.orThrow());          // throws if the audit refused the release
        String report = PublicationWriter.reportCsv(result);
        // end::protect[]
        assertQuoted("protect");
        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertShown(csv);
        assertShown(report);
        assertThat(report).contains("Hispanic,A,PRIMARY_SMALL_COUNT,0,17");

        // tag::audit[]
        Map<CellKey, AuditedRange> alone = TableProtector.audit(table, Set.of(CellKey.of("Hispanic", "A")));
        // {Hispanic/A=3..3}: 37 - 14 - 20 gives it away
        Map<CellKey, AuditedRange> rectangle = TableProtector.audit(table, Set.of(CellKey.of("Hispanic", "A"),
                CellKey.of("Hispanic", "B"), CellKey.of("Black", "A"), CellKey.of("Black", "B")));
        // Hispanic/A=0..17, Hispanic/B=0..17, Black/A=2..19, Black/B=2..19
        // end::audit[]
        assertQuoted("audit");
        assertThat(alone).containsExactly(Map.entry(CellKey.of("Hispanic", "A"), new AuditedRange(3, 3)));
        assertThat(rectangle.toString()).isEqualTo("{Hispanic/A=0..17, Hispanic/B=0..17, Black/A=2..19, Black/B=2..19}");
    }

    @Test
    void presetsAndCustomRules() throws IOException {
        // tag::rules[]
        SuppressionRules nysed = SuppressionRules.forName("nysed");    // also "nyc-doe", "n10"
        SuppressionRules stateX = SuppressionRules.builder()
                .name("state-x")
                .minimumGroupSize(20)                                  // n: groups under 20
                .minimumCount(3)                                       // k: counts 0-2 and group-2..group
                .minimumRangeWidth(3)                                  // audited ranges at least 3 wide
                .complementaryOrder(ComplementaryOrder.SMALLEST_GROUP)
                .rateCoding(RateCoding.DEFAULT)                        // ≤1%/≥99% for 300+ ... the 200/n rule
                .markers(new Markers("N<20", "*", "<={p}%", ">={p}%"))
                .build();
        // end::rules[]
        assertQuoted("rules");
        assertThat(nysed).isSameAs(SuppressionRules.NYSED);
        assertThat(stateX.minimumGroupSize()).isEqualTo(20);

        CountTable oneSchool = CountTable.builder(Dimension.flat("Subgroup", "All students",
                        List.of("Asian", "Black", "Hispanic", "White")))
                .cell("Asian", 1, 4).cell("Black", 12, 30).cell("Hispanic", 15, 41).cell("White", 12, 45)
                .fillTotals().build();
        ProtectedTable result = TableProtector.protect(oneSchool, nysed);
        assertShown(PublicationWriter.csv(result));
        assertShown(PublicationWriter.json(result) + "\n");
    }

    @Test
    void releaseLedger(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Hispanic", "Black", "White"));
        CountTable district = CountTable.builder(subgroups, Dimension.flat("School", "Total", List.of("A", "B", "C")))
                .cell("Hispanic", "A", 3, 40).cell("Hispanic", "B", 14, 60).cell("Hispanic", "C", 20, 80)
                .cell("Black", "A", 16, 50).cell("Black", "B", 5, 30).cell("Black", "C", 22, 70)
                .cell("White", "A", 25, 90).cell("White", "B", 30, 100).cell("White", "C", 18, 60)
                .fillTotals().build();
        SuppressionRules rules = SuppressionRules.builder().name("k5").minimumGroupSize(10).minimumCount(5).build();
        Path ledgerFile = dir.resolve("releases.jsonl");
        // tag::ledger[]
        String measure = "chronic absence 2024-25";
        ReleaseLedger ledger = ReleaseLedger.read(ledgerFile);                 // empty when the file is absent
        ProtectedTable month1 = TableProtector.protect(district, rules, ledger, measure);
        ledger = ledger.with(Release.of("2025-01 district", measure, month1));

        CountTable schoolB = CountTable.builder(subgroups, Dimension.single("School", "B"))  // same cells as column B
                .cell("Hispanic", "B", 14, 60).cell("Black", "B", 5, 30).cell("White", "B", 30, 100)
                .fillTotals().build();
        ProtectedTable month2 = TableProtector.protect(schoolB, rules, ledger, measure);
        // alone, school B has nothing small; read with month 1, Hispanic B = 14 would give Hispanic A = 37 - 20 - 14
        ledger = ledger.with(Release.of("2025-02 school B", measure, month2));
        ledger.write(ledgerFile);
        String report = PublicationWriter.reportCsv(month2);
        // end::ledger[]
        assertQuoted("ledger");
        assertShown(report);
        assertThat(TableProtector.protect(schoolB, rules).report()).isEmpty();
        assertThat(ReleaseLedger.read(ledgerFile).audit().get("2025-01 district"))
                .containsEntry(CellKey.of("Hispanic", "A"), new AuditedRange(0, 17));
    }
}
