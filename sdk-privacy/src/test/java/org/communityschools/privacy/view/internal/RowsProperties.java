package org.communityschools.privacy.view.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.communityschools.core.model.DayShare;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a record field write dates, enum names and day shares from values encoded once for every view
 * ({@link EncodedValues}); the text must be the one of the tree the view used to build: {@link LocalDate#toString()}
 * (including years outside those kept, and before 1000 and after 9999), {@link Enum#name()} and
 * {@link DayShare#toBigDecimal()}, compact and indented, on first use of a value and when it is kept.
 */
class RowsProperties {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Property(tries = 500)
    void rowsWriteDatesAndSharesAsTheTreeDid(@ForAll @LongRange(min = -1_000_000, max = 3_000_000) long epochDay,
                                             @ForAll @IntRange(min = 0, max = DayShare.SCALE) int share,
                                             @ForAll org.communityschools.core.model.AttendanceCategory category) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        DayShare duration = DayShare.ofTenThousandths(share);
        Rows rows = new Rows(1);
        rows.startRow();
        rows.put("date", day);
        rows.put("duration", Fillers.decimal(duration));
        rows.put("school_id", "SCH0001");
        rows.put("category", category);
        rows.startRow();
        rows.put("duration", duration); // the same share and day again: kept values
        rows.put("date", day);
        rows.end();

        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        expected.put("date", day.toString());
        expected.put("duration", duration.toBigDecimal());
        expected.put("school_id", "SCH0001");
        expected.put("category", category.name());
        ObjectNode second = JsonNodeFactory.instance.objectNode();
        second.put("duration", duration.toBigDecimal());
        second.put("date", day.toString());
        var array = JsonNodeFactory.instance.arrayNode().add(expected).add(second);
        String tree = MAPPER.writeValueAsString(array);
        assertThat(MAPPER.writeValueAsString(rows)).isEqualTo(tree);
        assertThat(MAPPER.writeValueAsString(rows.toTree())).isEqualTo(tree);
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        assertThat(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows)).isEqualTo(pretty);
    }
}
