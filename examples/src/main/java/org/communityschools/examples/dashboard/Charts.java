package org.communityschools.examples.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.communityschools.core.model.Ratio;
import org.communityschools.examples.cli.HtmlReport;

/** Small inline SVG charts of the dashboard (no script, no external resource). Year lines reuse {@code HtmlReport.lineChart}. */
final class Charts {
    private Charts() {}

    /** One week of a student's attendance: days enrolled and days present (exact, from the accumulator). */
    record Week(LocalDate monday, long enrolled, BigDecimal present) {
        double rate() {
            return present.divide(BigDecimal.valueOf(enrolled), 6, RoundingMode.HALF_EVEN).doubleValue();
        }
    }

    /** Bars of the share of enrolled days present, week by week; a bar under 90% is drawn in the warning colour. */
    static String weekly(List<Week> weeks) {
        int bar = 9;
        int gap = 3;
        int height = 110;
        int top = 10;
        int plot = 80;
        int left = 34;
        int width = left + Math.max(1, weeks.size()) * (bar + gap) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"weekly-chart\" class=\"chart weekly\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\"><title>Share of enrolled days present, by week</title>\n");
        for (int g : new int[] {0, 50, 90, 100}) {
            double y = top + plot - plot * g / 100.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/><text x=\"%d\" y=\"%.1f\" "
                    + "font-size=\"9\" text-anchor=\"end\">%d%%</text>\n", left, y, width - 6, y, g == 90 ? "#d73027" : "#ddd", left - 4, y + 3, g));
        }
        for (int i = 0; i < weeks.size(); i++) {
            Week w = weeks.get(i);
            double h = plot * w.rate();
            double x = left + i * (bar + gap) + 2;
            svg.append(String.format(Locale.ROOT, "<rect class=\"week\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>week of %s: "
                    + "%s of %d days present</title></rect>\n", x, top + plot - h, bar, h, w.rate() < 0.9 ? "#fc8d59" : "#1a9850", w.monday(),
                    w.present().stripTrailingZeros().toPlainString(), w.enrolled()));
            if (w.monday().getDayOfMonth() <= 7) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>\n", x, height - 6,
                        w.monday().getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT)));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** Two lines over labelled points (months), in percent: this school and the district. */
    static String lines(String id, String title, List<String> labels, List<Optional<Ratio>> a, String aLabel, List<Optional<Ratio>> b,
                        String bLabel) {
        return HtmlReport.lineChart(id, title, labels, new HtmlReport.Series(aLabel, "series-school", "#d95f02", a),
                new HtmlReport.Series(bLabel, "series-district", "#1b9e77", b));
    }
}
