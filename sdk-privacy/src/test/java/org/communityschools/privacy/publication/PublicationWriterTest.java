package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV and JSON output of a protected table. */
class PublicationWriterTest {
    @Test
    void csvShowsMarkersInPlaceOfSuppressedValues() {
        ProtectedTable result = TableProtector.protect(Tables.subgroupsOfOneSchool(), SuppressionRules.NYSED);
        assertThat(PublicationWriter.csv(result)).isEqualTo("""
                Subgroup,count,group_size,percent
                All students,40,120,33.3
                Asian,s,s,s
                Black,s,s,s
                Hispanic,15,41,36.6
                White,12,45,26.7
                """);
    }

    @Test
    void aLabelASpreadsheetWouldRunIsWrittenAsTextAndCountsStayNumbers() {
        CountTable table = CountTable.builder(Dimension.flat("School", "=SUM(A1)", List.of("@A", "-B", "'C")))
                .cell("@A", 20, 40).cell("-B", 25, 50).cell("'C", 30, 60).fillTotals().build();
        ProtectedTable result = TableProtector.protect(table, SuppressionRules.NYSED);
        assertThat(PublicationWriter.csv(result)).isEqualTo("""
                School,count,group_size,percent
                '=SUM(A1),75,150,50.0
                '@A,20,40,50.0
                '-B,25,50,50.0
                ''C,30,60,50.0
                """);
        assertThat(PublicationWriter.reportCsv(result)).isEqualTo("row,column,reason,lower,upper\n");
    }

    @Test
    void reportListsEachSuppressedCellWithReasonAndRange() {
        ProtectedTable result = TableProtector.protect(Tables.hispanicBySchool(), Tables.COUNT_BELOW_5);
        assertThat(PublicationWriter.reportCsv(result)).isEqualTo("""
                row,column,reason,lower,upper
                Hispanic,A,PRIMARY_SMALL_COUNT,0,17
                Hispanic,B,COMPLEMENTARY,0,17
                Black,A,COMPLEMENTARY,2,19
                Black,B,COMPLEMENTARY,2,19
                """);
    }

    @Test
    void publishedJsonHoldsTheCellsButNeverTheReport() {
        ProtectedTable result = TableProtector.protect(Tables.subgroupsOfOneSchool(), SuppressionRules.NYSED);
        assertThat(PublicationWriter.json(result)).isEqualTo("{\"rules\":\"nysed\",\"status\":\"RELEASED\",\"rows\":\"Subgroup\","
                + "\"cells\":[{\"row\":\"All students\",\"count\":40,\"groupSize\":120,\"percent\":\"33.3\"},"
                + "{\"row\":\"Asian\",\"marker\":\"s\"},{\"row\":\"Black\",\"marker\":\"s\"},"
                + "{\"row\":\"Hispanic\",\"count\":15,\"groupSize\":41,\"percent\":\"36.6\"},"
                + "{\"row\":\"White\",\"count\":12,\"groupSize\":45,\"percent\":\"26.7\"}]}");
        assertThat(PublicationWriter.json(result) + PublicationWriter.csv(result))
                .as("which cells are primary must not be published").doesNotContain("PRIMARY", "COMPLEMENTARY");
        assertThat(PublicationWriter.reportJson(result)).isEqualTo("{\"rules\":\"nysed\",\"rows\":\"Subgroup\","
                + "\"suppressed\":[{\"row\":\"Asian\",\"reason\":\"PRIMARY_SMALL_GROUP\",\"lower\":0,\"upper\":4},"
                + "{\"row\":\"Black\",\"reason\":\"COMPLEMENTARY\",\"lower\":9,\"upper\":13}]}");
    }

    @Test
    void twoWayCsvQuotesLabelsWithCommas() {
        CountTable table = CountTable.builder(Dimension.flat("Subgroup", "All, total", List.of("x")),
                Dimension.flat("School", "Total", List.of("A"))).cell("x", "A", 20, 40).fillTotals().build();
        String csv = PublicationWriter.csv(TableProtector.protect(table, SuppressionRules.N10));
        assertThat(csv).startsWith("Subgroup,School,count,group_size,percent\n\"All, total\",Total,20,40,50.0\n");
    }

    @Test
    void aRefusedTableIsNeverWritten() {
        SuppressionRules strict = SuppressionRules.builder().minimumGroupSize(5).minimumRangeWidth(2)
                .widenUntilProtected(false).build();
        // tiny + full = 42 - 30 = 12 with full ≤ 10 of its group: tiny is narrowed to 2..3, narrower than 2
        CountTable table = CountTable.builder(Dimension.flat("Subgroup", "All", List.of("tiny", "full", "rest")))
                .cell("tiny", 2, 3).cell("full", 10, 10).cell("rest", 30, 50).fillTotals().build();
        ProtectedTable result = TableProtector.protect(table, strict);

        assertThat(result.status()).isEqualTo(ProtectedTable.Status.REFUSED);
        assertThat(result.refusals()).first().asString().contains("tiny/count").contains("width 1, the rules require 2");
        assertThatThrownBy(() -> PublicationWriter.csv(result)).isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("release refused");
        assertThatThrownBy(result::orThrow).isInstanceOf(ReleaseRefusedException.class);
        // with widening (the default) the engine suppresses one more cell and releases
        ProtectedTable widened = TableProtector.protect(table,
                SuppressionRules.builder().minimumGroupSize(5).minimumRangeWidth(2).build());
        assertThat(widened.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(widened.report()).extracting(e -> e.key().row()).containsExactly("tiny", "full", "rest");
        assertThat(widened.cell("tiny").range()).contains(new AuditedRange(0, 3));
    }
}
