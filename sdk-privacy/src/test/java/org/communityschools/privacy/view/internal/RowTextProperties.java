package org.communityschools.privacy.view.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DayShare;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows written a row at a time ({@link RowText}: a row of plain cells as one raw value) are the rows written cell by
 * cell, byte for byte, on a compact UTF-8 generator and a compact text one, for random rows of names and strings with
 * and without characters the generator escapes or encodes (quote, backslash, slash, control characters, é, an emoji),
 * dates, enum names, day shares, decimals and nulls; an indented generator never takes the raw path (the indented
 * text is also the tree's).
 */
class RowTextProperties {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of("date", "school_id", "category", "duration", "reason", "n/a",
            "naïve", "a\"b", "minutes");
    private static final String PLAIN = "abcXYZ019 -_.:,;!?()[]{}'*+=~@#$%^&|<>`";
    private static final String OTHER = "\"\\/\t\n\u0001\u007fé\u00a0📚";

    @Property(tries = 1000)
    void aRowAtATimeIsCellByCell(@ForAll long seed) {
        Rows rows = random(new Random(seed));
        String cells = utf8(g -> rows.write(g, false));
        assertThat(utf8(g -> rows.write(g, true))).isEqualTo(cells);
        assertThat(utf8(rows::write)).isEqualTo(cells);
        assertThat(chars(g -> rows.write(g, true))).isEqualTo(cells);
        assertThat(MAPPER.writeValueAsString(rows)).isEqualTo(cells);
        assertThat(MAPPER.writeValueAsString(rows.toTree())).isEqualTo(cells);
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows.toTree());
        assertThat(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows)).isEqualTo(pretty);
        // neither path vacuous: rows of plain cells go whole, the others cell by cell
        RowText text = new RowText();
        List<Object> all = rowsCells(rows);
        Statistics.label("first row whole").collect(!all.isEmpty() && text.compose(all, 0, firstEnd(rows)) >= 0);
        Statistics.label("first row whole").coverage(c -> {
            c.check(true).percentage(p -> p > 30);
            c.check(false).percentage(p -> p > 10);
        });
    }

    @Example
    void onlyACompactGeneratorTakesTheRawPath() {
        try (JsonGenerator g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(new StringWriter())) {
            assertThat(RowText.fits(g)).isFalse();
        }
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), new StringWriter())) {
            assertThat(RowText.fits(g)).isTrue();
        }
    }

    private static List<Object> rowsCells(Rows rows) {
        try {
            var f = Rows.class.getDeclaredField("cells");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Object> cells = (List<Object>) f.get(rows);
            return cells;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static int firstEnd(Rows rows) {
        try {
            var f = Rows.class.getDeclaredField("ends");
            f.setAccessible(true);
            return ((int[]) f.get(rows))[0];
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String utf8(Consumer<JsonGenerator> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write.accept(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String chars(Consumer<JsonGenerator> write) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write.accept(g);
        }
        return out.toString();
    }

    private static Rows random(Random r) {
        int count = 1 + r.nextInt(5);
        Rows rows = new Rows(count);
        boolean mixed = r.nextInt(3) == 0;
        for (int i = 0; i < count; i++) {
            rows.startRow();
            for (int c = r.nextInt(7); c > 0; c--) {
                String name = mixed || r.nextBoolean() ? NAMES.get(r.nextInt(NAMES.size())) : NAMES.get(r.nextInt(5));
                switch (r.nextInt(mixed ? 8 : 5)) {
                    case 0 -> rows.put(name, LocalDate.ofEpochDay(r.nextInt(80_000) - 10_000));
                    case 1 -> rows.put(name, AttendanceCategory.values()[r.nextInt(AttendanceCategory.values().length)]);
                    case 2 -> rows.put(name, DayShare.ofTenThousandths(r.nextInt(DayShare.SCALE + 1)));
                    case 3, 4 -> rows.put(name, text(r, mixed));
                    case 5 -> rows.put(name, BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(4)));
                    case 6 -> rows.put(name, (String) null);
                    default -> rows.put(name, text(r, true));
                }
            }
        }
        return rows.end();
    }

    private static String text(Random r, boolean mixed) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(10); i > 0; i--) {
            if (mixed && r.nextInt(5) == 0) {
                int at = r.nextInt(OTHER.length());
                char c = OTHER.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    s.append(OTHER, at, at + 2);
                } else if (Character.isLowSurrogate(c)) {
                    s.append(OTHER, at - 1, at + 1);
                } else {
                    s.append(c);
                }
            } else {
                s.append(PLAIN.charAt(r.nextInt(PLAIN.length())));
            }
        }
        return s.toString();
    }
}
