package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.Comparison;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void escapesTextFromTheData() {
        assertThat(HtmlReport.escape("<b>A & B's \"school\"</b>")).isEqualTo("&lt;b&gt;A &amp; B&#39;s &quot;school&quot;&lt;/b&gt;");
    }

    @Test
    void lineChartPlotsEachRateWithItsCounts() {
        List<Comparison.YearPoint> points = List.of(
                new Comparison.YearPoint(SchoolYear.of(2015), Optional.of(Ratio.of(35, 100)), Optional.of(Ratio.of(25, 100))),
                new Comparison.YearPoint(SchoolYear.of(2018), Optional.of(Ratio.of(26, 100)), Optional.of(Ratio.of(23, 100))));

        String svg = HtmlReport.lineChart("c", "chronic absence", points);

        assertThat(svg).contains("<svg id=\"c\"", "<title>chronic absence</title>")
                .contains("community schools 2014-15: 35.0% (35 of 100)", "other schools 2017-18: 23.0% (23 of 100)");
        // y axis 0..40%: 35% lies at top + plotH * (1 - 35/40) = 20 + 220 * 0.125 = 47.5
        assertThat(svg).contains("cy=\"47.5\"");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
    }
}
