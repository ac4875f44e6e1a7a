package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The SDK's one formula rule for CSV written for people (OWASP "CSV Injection"). */
class CsvCellsTest {
    @Test
    void aCellStartingAFormulaIsWrittenAsTextWithAQuoteInFront() {
        assertThat(CsvCells.neutralize("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.neutralize("+1+2")).isEqualTo("'+1+2");
        assertThat(CsvCells.neutralize("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvCells.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralize("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralize("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void plainDecimalNumbersStayNumbers() {
        assertThat(CsvCells.neutralize("-3")).isEqualTo("-3");
        assertThat(CsvCells.neutralize("+12")).isEqualTo("+12");
        assertThat(CsvCells.neutralize("-0.25")).isEqualTo("-0.25");
        assertThat(CsvCells.runsAsFormula("-3")).isFalse();
        // not plain numbers: a sign alone, a trailing point, an exponent, arithmetic
        assertThat(CsvCells.runsAsFormula("-")).isTrue();
        assertThat(CsvCells.runsAsFormula("-3.")).isTrue();
        assertThat(CsvCells.runsAsFormula("-1E5")).isTrue();
        assertThat(CsvCells.runsAsFormula("-1-1")).isTrue();
    }

    @Test
    void ordinaryTextIsTheSameInstanceAndAQuoteInFrontIsDoubledSoThatTheRuleReverses() {
        String id = "SCH0001";
        assertThat(CsvCells.neutralize(id)).isSameAs(id);
        assertThat(CsvCells.neutralize("")).isEmpty();
        assertThat(CsvCells.neutralize("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.neutralize("'=1")).isEqualTo("''=1");
        assertThat(CsvCells.restore("''=1")).isEqualTo("'=1");
        assertThat(CsvCells.restore("'=1")).isEqualTo("=1");
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> head = Arbitraries.of("", "=", "+", "-", "@", "\t", "\r", "'", "''", "1", "a", " ");
        Arbitrary<String> tail = Arbitraries.strings().withChars("=+-@'\t\r.0123456789abcE ,\"").ofMaxLength(8);
        return net.jqwik.api.Combinators.combine(head, tail).as(String::concat);
    }

    @Property
    void aWrittenCellNeverRunsAndRestoresToTheValue(@ForAll("cells") String value) {
        String written = CsvCells.neutralize(value);

        assertThat(CsvCells.runsAsFormula(written)).isFalse();
        assertThat(CsvCells.restore(written)).isEqualTo(value);
    }

    @Property
    void twoValuesAreNeverWrittenAlike(@ForAll("cells") String a, @ForAll("cells") String b) {
        assertThat(CsvCells.neutralize(a).equals(CsvCells.neutralize(b))).isEqualTo(a.equals(b));
    }
}
