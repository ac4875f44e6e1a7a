package org.communityschools.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The instant of a log entry is written from a buffer with the text of {@link Instant#toString()} (the oracle): the
 * fraction in groups of three digits, none when zero; outside the years 1000 to 9999 the buffer is not used.
 */
class IsoInstantProperties {
    private static final long YEAR_1000 = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 1000)
    void writesTheTextOfInstantToString(@ForAll("instants") Instant at) {
        char[] b = new char[IsoText.INSTANT_CHARS];
        int n = IsoText.instant(at, b);
        if (at.getEpochSecond() < YEAR_1000 || at.getEpochSecond() >= YEAR_10000) {
            assertThat(n).isEqualTo(-1);
        } else {
            assertThat(new String(b, 0, n)).isEqualTo(at.toString());
        }
    }

    @Test
    void writesTheEdgesOfItsRange() {
        char[] b = new char[IsoText.INSTANT_CHARS];
        // the first second of year 1000, and the last nanosecond of year 9999 (nine digits of fraction: the longest)
        Instant first = Instant.ofEpochSecond(YEAR_1000);
        Instant last = Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999);
        assertThat(new String(b, 0, IsoText.instant(first, b))).isEqualTo("1000-01-01T00:00:00Z");
        assertThat(new String(b, 0, IsoText.instant(last, b))).isEqualTo("9999-12-31T23:59:59.999999999Z");
        assertThat(IsoText.instant(Instant.ofEpochSecond(YEAR_1000 - 1), b)).isEqualTo(-1);
        assertThat(IsoText.instant(Instant.ofEpochSecond(YEAR_10000), b)).isEqualTo(-1);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(YEAR_1000 - 86_400, YEAR_10000 + 86_400),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                // around the present, where the log's instants are
                Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Property
    void aDateIsWrittenAsLocalDateWritesIt(@ForAll("days") long epochDay) {
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay(epochDay);
        char[] b = new char[IsoText.DATE_CHARS];
        int n = IsoText.date(day, b);
        if (day.getYear() >= 1000 && day.getYear() <= 9999) {
            assertThat(new String(b, 0, n)).isEqualTo(day.toString());
        } else {
            assertThat(n).isEqualTo(-1);
        }
    }

    @Provide
    Arbitrary<Long> days() {
        // years -2000 to 12000: both sides of the buffer's range
        return Arbitraries.longs().between(java.time.LocalDate.of(-2000, 1, 1).toEpochDay(), java.time.LocalDate.of(12000, 12, 31).toEpochDay());
    }
}
