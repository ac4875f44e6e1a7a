package org.communityschools.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceTier;
import org.communityschools.metrics.Comparison;

/**
 * The demo's self-contained HTML report: one file, no scripts, no external resources, charts as inline SVG. Every
 * figure shows its counts next to its rate. Text from the data is escaped. The dashboard
 * ({@code org.communityschools.examples.dashboard}) reuses {@link #escape} and {@link #lineChart}.
 */
public final class HtmlReport {
    static final String COMMUNITY_COLOR = "#d95f02";
    static final String OTHER_COLOR = "#1b9e77";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlReport(String title) {
        this.title = title;
    }

    HtmlReport section(String id, String heading) {
        body.append("<section id=\"").append(escape(id)).append("\">\n<h2>").append(escape(heading)).append("</h2>\n");
        return this;
    }

    HtmlReport endSection() {
        body.append("</section>\n");
        return this;
    }

    HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    HtmlReport list(List<String> items) {
        body.append("<ul>\n");
        items.forEach(i -> body.append("<li>").append(escape(i)).append("</li>\n"));
        body.append("</ul>\n");
        return this;
    }

    /** A plain table: a header row and rows of text cells, all escaped. */
    HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A table of the comparison with counts, and a line chart of both series. */
    HtmlReport comparison(Comparison comparison, String unit, String chartId) {
        List<Comparison.YearPoint> points = comparison.points().stream()
                .filter(p -> p.treated().isPresent() || p.comparison().isPresent()).toList();
        body.append("<table>\n<tr><th>school year</th><th>community schools</th><th>other schools</th></tr>\n");
        for (Comparison.YearPoint p : points) {
            body.append("<tr><td>").append(p.year().label()).append("</td><td>").append(escape(cell(p.treated(), unit)))
                    .append("</td><td>").append(escape(cell(p.comparison(), unit))).append("</td></tr>\n");
        }
        body.append("</table>\n");
        if (points.size() >= 2) {
            SchoolYear from = points.get(0).year();
            SchoolYear to = points.get(points.size() - 1).year();
            Optional<BigDecimal> t = comparison.treatedChangeInPoints(from, to, 1);
            Optional<BigDecimal> c = comparison.comparisonChangeInPoints(from, to, 1);
            Optional<BigDecimal> did = comparison.differenceInDifferences(from, to, 1);
            if (t.isPresent() && c.isPresent() && did.isPresent()) {
                paragraph(String.format(Locale.ROOT, "Change %s to %s: community schools %s points, other schools %s points; "
                        + "difference in differences %s percentage points.", from.label(), to.label(), signed(t.get()),
                        signed(c.get()), signed(did.get())));
            }
        }
        body.append(lineChart(chartId, comparison.metric(), points));
        return this;
    }

    /** Stacked bars of the Attendance Works tiers for each group. */
    HtmlReport tiers(Map<String, AttendanceAggregate> groups, String chartId) {
        int width = 560;
        int barHeight = 28;
        int left = 150;
        int height = 40 + groups.size() * (barHeight + 14) + 30;
        Map<AttendanceTier, String> colors = new EnumMap<>(AttendanceTier.class);
        colors.put(AttendanceTier.SATISFACTORY, "#1a9850");
        colors.put(AttendanceTier.AT_RISK, "#fee08b");
        colors.put(AttendanceTier.MODERATE_CHRONIC, "#fc8d59");
        colors.put(AttendanceTier.SEVERE_CHRONIC, "#d73027");
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(chartId).append("\" class=\"chart tiers\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\"><title>Attendance Works tiers</title>\n");
        int y = 20;
        for (Map.Entry<String, AttendanceAggregate> g : groups.entrySet()) {
            AttendanceAggregate a = g.getValue();
            svg.append("<text x=\"0\" y=\"").append(y + 19).append("\" font-size=\"13\">").append(escape(g.getKey())).append("</text>\n");
            double x = left;
            double span = width - left - 10;
            for (AttendanceTier tier : AttendanceTier.values()) {
                int n = a.inTier(tier);
                double w = a.counted() == 0 ? 0 : span * n / a.counted();
                svg.append(String.format(Locale.ROOT, "<rect class=\"tier-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s: %d of %d</title></rect>\n", tier.name().toLowerCase(Locale.ROOT), x, y, w, barHeight,
                        colors.get(tier), tier.name(), n, a.counted()));
                x += w;
            }
            y += barHeight + 14;
        }
        int lx = 0;
        for (AttendanceTier tier : AttendanceTier.values()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n", lx, y + 4, colors.get(tier), lx + 16, y + 14,
                    tier.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            lx += 140;
        }
        svg.append("</svg>\n");
        body.append(svg);
        return this;
    }

    void write(Path file) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\nbody{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
                + "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}"
                + "section{margin-bottom:2.5rem}.note{color:#555;font-size:.9rem}\n</style>\n</head>\n<body>\n<h1>"
                + escape(title) + "</h1>\n" + body + "<p class=\"note\">All data are invented by the SDK's synthetic city generator."
                + "</p>\n</body>\n</html>\n";
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** A line chart of community schools against the other schools, year by year. */
    public static String lineChart(String id, String metric, List<Comparison.YearPoint> points) {
        List<String> years = points.stream().map(p -> p.year().label()).toList();
        return lineChart(id, metric, years,
                new Series("community schools", "series-community", COMMUNITY_COLOR, points.stream().map(Comparison.YearPoint::treated).toList()),
                new Series("other schools", "series-other", OTHER_COLOR, points.stream().map(Comparison.YearPoint::comparison).toList()));
    }

    /**
     * One line of a chart: its name in the legend, the CSS class of its polyline, its colour, and one rate per label
     * (empty where there is none).
     */
    public record Series(String name, String cssClass, String color, List<Optional<Ratio>> rates) {
        /** Copies the rates. */
        public Series {
            rates = List.copyOf(rates);
        }
    }

    /**
     * A line chart in percent, one polyline per series over labelled points, y axis from 0 to the next multiple of 10
     * above the data; every point carries its rate and counts as a tooltip. All text is escaped.
     */
    public static String lineChart(String id, String title, List<String> labels, Series... series) {
        int width = 560;
        int height = 300;
        int left = 50;
        int right = 40;
        int top = 20;
        int bottom = 60;
        double max = 10;
        for (Series line : series) {
            for (Optional<Ratio> r : line.rates()) {
                if (r.isPresent()) {
                    max = Math.max(max, r.get().toBigDecimal(6).doubleValue() * 100);
                }
            }
        }
        max = Math.ceil(max / 10) * 10;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(escape(id)).append("\" class=\"chart trend\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\"><title>").append(escape(title)).append("</title>\n");
        for (int g = 0; g <= max; g += max > 50 ? 20 : 10) {
            double y = top + plotH - plotH * g / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d%%</text>\n", left, y, width - right, y,
                    left - 6, y + 4, g));
        }
        int n = labels.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                    x, height - bottom + 18, escape(labels.get(i))));
        }
        int legendX = left;
        int ly = height - 18;
        for (Series line : series) {
            List<String> coords = new ArrayList<>();
            for (int i = 0; i < n && i < line.rates().size(); i++) {
                Optional<Ratio> r = line.rates().get(i);
                if (r.isPresent()) {
                    double x = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
                    double v = r.get().toBigDecimal(6).doubleValue() * 100;
                    double y = top + plotH - plotH * v / max;
                    coords.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %s: %s%% (%d of %d)"
                            + "</title></circle>\n", x, y, escape(line.color()), escape(line.name()), escape(labels.get(i)),
                            r.get().toPercentString(1), r.get().numerator(), r.get().denominator()));
                }
            }
            svg.append("<polyline class=\"").append(escape(line.cssClass()))
                    .append("\" fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(escape(line.color())).append("\" points=\"")
                    .append(String.join(" ", coords)).append("\"/>\n");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
                    + "font-size=\"12\">%s</text>\n", legendX, ly - 10, escape(line.color()), legendX + 16, ly, escape(line.name())));
            legendX += 170;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String cell(Optional<Ratio> rate, String unit) {
        return rate.map(r -> String.format(Locale.ROOT, "%s%% (%,d of %,d %s)", r.toPercentString(1), r.numerator(),
                r.denominator(), unit)).orElse("-");
    }

    private static String signed(BigDecimal points) {
        return (points.signum() > 0 ? "+" : "") + points.toPlainString();
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
