package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The engine's date of an instant, which remembers the last day asked ({@link LocalDays}), is always
 * {@code LocalDate.ofInstant(at, zone)}: for every time zone of the JDK, on sequences of instants that stay within a
 * few days of each other, so that remembered days are hit, left and crossed, including days on which the offset
 * changes (daylight saving time, a clock set back at midnight, a day skipped at the date line).
 */
class LocalDaysProperties {
    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(new ArrayList<>(ZoneId.getAvailableZoneIds())).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Long> bases() {
        // 1900 to 2100, where the zones' rules have most of their transitions
        return Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L);
    }

    @Property(tries = 1000)
    void theDateOfAnInstantIsItsDateInTheZone(@ForAll("zones") ZoneId zone, @ForAll("bases") long base,
                                              @ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.constraints.IntRange(
                                                      min = -3 * 86_400, max = 3 * 86_400) Integer> steps) {
        LocalDays days = new LocalDays(zone);
        long second = base;
        for (int step : steps) {
            second += step;
            Instant at = Instant.ofEpochSecond(second);
            assertThat(days.dateOf(at)).as("%s in %s", at, zone).isEqualTo(LocalDate.ofInstant(at, zone));
        }
    }

    @Example
    void aClockSetBackAtMidnightSetsTheDateBackToo() {
        // Sao Paulo: at midnight starting 2018-02-18 (-02:00, 02:00Z) the clocks went back to 23:00 on the 17th
        // (-03:00), so the instants 02:00Z to 03:00Z are the 17th's last hour, after an hour of the 18th had begun on
        // the clock. Walked every 10 minutes over three days, forwards then backwards.
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        LocalDays days = new LocalDays(zone);
        long from = Instant.parse("2018-02-17T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2018-02-20T00:00:00Z").getEpochSecond();
        for (long s = from; s < to; s += 600) {
            Instant at = Instant.ofEpochSecond(s);
            assertThat(days.dateOf(at)).as("%s", at).isEqualTo(LocalDate.ofInstant(at, zone));
        }
        for (long s = to; s >= from; s -= 600) {
            Instant at = Instant.ofEpochSecond(s);
            assertThat(days.dateOf(at)).as("%s", at).isEqualTo(LocalDate.ofInstant(at, zone));
        }
        assertThat(days.dateOf(Instant.parse("2018-02-18T02:30:00Z"))).isEqualTo(LocalDate.of(2018, 2, 17));
    }
}
