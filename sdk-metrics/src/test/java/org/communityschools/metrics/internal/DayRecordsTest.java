package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The open-addressing table of a student's records at one school behaves as a map from day to record. */
class DayRecordsTest {
    @Property(tries = 300)
    void setReplaceAndRemoveBehaveAsAMap(@ForAll long seed) {
        Random rnd = new Random(seed);
        DayRecords table = new DayRecords();
        Map<Integer, Integer> model = new HashMap<>();
        int range = 1 + rnd.nextInt(366);
        for (int step = 0; step < 400; step++) {
            int day = rnd.nextInt(range);
            if (rnd.nextInt(3) == 0) {
                assertThat(table.remove(day)).isEqualTo(model.remove(day) != null);
            } else {
                int category = rnd.nextInt(9);
                int units = rnd.nextInt(10_001);
                table.put(day, category, units);
                model.put(day, DayRecords.pack(category, units));
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        Map<Integer, Integer> seen = new HashMap<>();
        table.copy().forEach((day, category, units) -> seen.put(day, DayRecords.pack(category, units)));
        assertThat(seen).isEqualTo(model);
    }
}
