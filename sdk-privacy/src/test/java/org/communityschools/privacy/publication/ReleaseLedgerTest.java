package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release ledger (NCES 2011-603: repeated releases must be audited together): a table is audited together
 * with the tables of the same measure released before it, so that reading two releases side by side discloses
 * nothing that either hides.
 */
class ReleaseLedgerTest {
    private static final String MEASURE = "chronic absence 2024-25";

    /** Month 1: Hispanic × schools A, B, C, protected with the 2×2 rectangle of complementary suppression. */
    private static Release month1() {
        return Release.of("2025-01 district table", MEASURE,
                TableProtector.protect(Tables.hispanicBySchool(), Tables.COUNT_BELOW_5));
    }

    /** Month 2: school B's report card, the same figures as column B of the district table. */
    private static CountTable schoolBReportCard() {
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Hispanic", "Black", "White"));
        return CountTable.builder(subgroups, Dimension.single("School", "B"))
                .cell("Hispanic", "B", 14, 60).cell("Black", "B", 5, 30).cell("White", "B", 30, 100)
                .fillTotals().build();
    }

    private static CellKey key(String row, String column) {
        return CellKey.of(row, column);
    }

    @Test
    void aReportCardProtectedAloneGivesAwayTheDistrictTablesHiddenCellByDifferencing() {
        ProtectedTable alone = TableProtector.protect(schoolBReportCard(), Tables.COUNT_BELOW_5);
        assertThat(alone.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(alone.report()).isEmpty(); // nothing small in school B alone: Hispanic 14 is published

        ReleaseLedger both = ReleaseLedger.of(List.of(month1(), Release.of("2025-02 school B", MEASURE, alone)));
        Map<CellKey, AuditedRange> district = both.audit().get("2025-01 district table");

        // Hispanic at A = 37 - 20 - 14 = 3: the rectangle is undone by the second release
        assertThat(district.get(key("Hispanic", "A"))).isEqualTo(new AuditedRange(3, 3));
        assertThat(district.get(key("Black", "A"))).isEqualTo(new AuditedRange(16, 16));
        // each release alone kept it open
        assertThat(month1().cell("Hispanic", "A").range()).isEqualTo(new AuditedRange(0, 17));
    }

    @Test
    void withTheLedgerTheReportCardSuppressesWhatWouldUndoTheEarlierRelease() {
        ReleaseLedger ledger = ReleaseLedger.empty().with(month1());

        ProtectedTable card = TableProtector.protect(schoolBReportCard(), Tables.COUNT_BELOW_5, ledger, MEASURE);

        assertThat(card.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(card.report()).containsExactly(
                new SuppressionEntry(key("Hispanic", "B"), SuppressionReason.COMPLEMENTARY, new AuditedRange(0, 17)),
                new SuppressionEntry(key("Black", "B"), SuppressionReason.COMPLEMENTARY, new AuditedRange(2, 19)));
        ReleaseLedger after = ledger.with(Release.of("2025-02 school B", MEASURE, card));
        assertThat(after.audit().get("2025-01 district table")).containsEntry(key("Hispanic", "A"), new AuditedRange(0, 17))
                .containsEntry(key("Black", "A"), new AuditedRange(2, 19));
    }

    @Test
    void aCellPublishedInAnEarlierReleaseCannotBeSuppressedLaterSoTheReleaseIsRefused() {
        // month 1 published White 12 of 45 at the school; month 2 applies a stricter rule (counts under 13)
        ReleaseLedger ledger = ReleaseLedger.empty().with(
                Release.of("month 1", MEASURE, TableProtector.protect(Tables.subgroupsOfOneSchool(), SuppressionRules.NYSED)));
        SuppressionRules stricter = SuppressionRules.builder().name("k13").minimumGroupSize(5).minimumCount(13).build();

        ProtectedTable month2 = TableProtector.protect(Tables.subgroupsOfOneSchool(), stricter, ledger, MEASURE);

        assertThat(month2.status()).isEqualTo(ProtectedTable.Status.REFUSED);
        assertThat(month2.refusals()).anyMatch(r -> r.contains("White/count") && r.contains("earlier release"));
        assertThatThrownBy(month2::orThrow).isInstanceOf(ReleaseRefusedException.class);
    }

    @Test
    void aDifferentMeasureSharesNothingWithTheLedger() {
        ReleaseLedger ledger = ReleaseLedger.empty().with(month1());
        ProtectedTable other = TableProtector.protect(schoolBReportCard(), Tables.COUNT_BELOW_5, ledger, "graduation 2024");
        assertThat(other.report()).isEmpty();
    }

    @Test
    void aRevisedFigureUnderTheSameMeasureIsRejected() {
        ReleaseLedger ledger = ReleaseLedger.empty().with(month1());
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Hispanic", "Black", "White"));
        CountTable revised = CountTable.builder(subgroups, Dimension.single("School", "C"))
                .cell("Hispanic", "C", 21, 80).cell("Black", "C", 22, 70).cell("White", "C", 18, 60).fillTotals().build();

        assertThatThrownBy(() -> TableProtector.protect(revised, Tables.COUNT_BELOW_5, ledger, MEASURE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own measure name");
    }

    @Test
    void theLedgerFileRoundTripsAndHoldsNoHiddenValue(@TempDir Path dir) throws Exception {
        ReleaseLedger ledger = ReleaseLedger.empty().with(month1())
                .with(Release.of("school report", MEASURE, TableProtector.protect(Tables.subgroupsOfOneSchool(),
                        SuppressionRules.NYSED)));
        Path file = dir.resolve("ledger.jsonl");

        ledger.write(file);
        ReleaseLedger back = ReleaseLedger.read(file);

        assertThat(back.releases()).isEqualTo(ledger.releases());
        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(Files.readAllLines(file).get(0)).contains("\"measure\":\"chronic absence 2024-25\"")
                .contains("[0,17]").doesNotContain(",3,");
        assertThat(ReleaseLedger.read(dir.resolve("absent.jsonl")).releases()).isEmpty();
    }

    @Test
    void aDamagedLedgerLineIsReportedWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        ReleaseLedger.empty().with(month1()).write(file);
        Files.writeString(file, Files.readString(file) + "{\"id\":\"x\"}\n");

        assertThatThrownBy(() -> ReleaseLedger.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void releaseIdsAreUnique() {
        assertThatThrownBy(() -> ReleaseLedger.empty().with(month1()).with(month1()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
    }

    @Test
    void inputCellsSuppressedAtTheSourceStaySuppressedAndGetComplementarySuppression() {
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Asian", "Black", "Hispanic", "White"));
        CountTable table = CountTable.builder(subgroups)
                .cell("All students", 40, 120).withheld("Asian", 4).cell("Black", 12, 30).cell("Hispanic", 15, 41)
                .cell("White", 12, 45).build();

        ProtectedTable result = TableProtector.protect(table, SuppressionRules.NYSED);

        assertThat(table.withheld()).containsExactly(key("Asian", "count"));
        assertThat(result.status()).isEqualTo(ProtectedTable.Status.RELEASED);
        assertThat(result.report()).containsExactly(
                new SuppressionEntry(key("Asian", "count"), SuppressionReason.WITHHELD_IN_INPUT, new AuditedRange(0, 4)),
                new SuppressionEntry(key("Black", "count"), SuppressionReason.COMPLEMENTARY, new AuditedRange(9, 13)));
    }

    @Test
    void theAuditAloneNeverTreatsAWithheldCellAsPublished() {
        Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Asian", "Black", "Hispanic", "White"));
        CountTable table = CountTable.builder(subgroups)
                .cell("All students", 40, 120).withheld("Asian", 4).cell("Black", 12, 30).cell("Hispanic", 15, 41)
                .cell("White", 12, 45).build();

        Map<CellKey, AuditedRange> ranges = TableProtector.audit(table, java.util.Set.of(key("Black", "count")));

        assertThat(ranges).containsEntry(key("Asian", "count"), new AuditedRange(0, 4))
                .containsEntry(key("Black", "count"), new AuditedRange(9, 13));
    }
}
