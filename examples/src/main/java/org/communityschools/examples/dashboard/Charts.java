package org.communityschools.examples.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.communityschools.core.model.Ratio;

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
        int width = 560;
        int height = 240;
        int left = 46;
        int right = 20;
        int top = 16;
        int bottom = 50;
        double max = 10;
        for (List<Optional<Ratio>> s : List.of(a, b)) {
            for (Optional<Ratio> r : s) {
                if (r.isPresent()) {
                    max = Math.max(max, r.get().toBigDecimal(6).doubleValue() * 100);
                }
            }
        }
        max = Math.ceil(max / 10) * 10;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(Html.esc(id)).append("\" class=\"chart months\" role=\"img\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\"><title>").append(Html.esc(title))
                .append("</title>\n");
        for (int g = 0; g <= max; g += max > 50 ? 20 : 10) {
            double y = top + plotH - plotH * g / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" "
                    + "font-size=\"10\" text-anchor=\"end\">%d%%</text>\n", left, y, width - right, y, left - 5, y + 3, g));
        }
        int n = labels.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n", x,
                    height - bottom + 14, Html.esc(labels.get(i))));
        }
        String[] colors = {"#d95f02", "#1b9e77"};
        List<List<Optional<Ratio>>> series = List.of(a, b);
        for (int k = 0; k < 2; k++) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Optional<Ratio> r = series.get(k).get(i);
                if (r.isPresent()) {
                    double x = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
                    double y = top + plotH - plotH * r.get().toBigDecimal(6).doubleValue() * 100 / max;
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %s%% (%d of %d)</title></circle>\n",
                            x, y, colors[k], Html.esc(k == 0 ? aLabel : bLabel), Html.esc(labels.get(i)), r.get().toPercentString(1),
                            r.get().numerator(), r.get().denominator()));
                }
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colors[k]).append("\" points=\"").append(pts.toString().strip())
                    .append("\"/>\n");
        }
        int ly = height - 14;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>"
                + "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n", left, ly - 9,
                colors[0], left + 14, ly, Html.esc(aLabel), left + 200, ly - 9, colors[1], left + 214, ly, Html.esc(bLabel)));
        return svg.append("</svg>\n").toString();
    }
}
