package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.model.SchoolId;

/**
 * {@link RecordScope#coversAny}, which answers without interval arithmetic when each limit has at most one span at the
 * school meeting the record's days, agrees with {@link RecordScope#coveredDays} (the intersection of the limits' unions,
 * computed in full) on random scopes: one to four limits of zero to four spans over two schools or any school, dates
 * within sixty days, and records of one day, of several days and reversed.
 */
class RecordScopeProperties {
    private static final LocalDate BASE = LocalDate.of(2018, 1, 1);
    private static final List<SchoolId> SCHOOLS = List.of(SchoolId.of("SCH0001"), SchoolId.of("SCH0002"));

    @Provide
    Arbitrary<RecordScope> scopes() {
        Arbitrary<RecordScope.Span> span = Combinators.combine(Arbitraries.integers().between(-1, 1),
                Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 20)).as((s, from, length) ->
                new RecordScope.Span(s < 0 ? Optional.empty() : Optional.of(SCHOOLS.get(s)), BASE.plusDays(from),
                        BASE.plusDays(from + length)));
        Arbitrary<RecordScope.Limit> limit = span.list().ofMinSize(0).ofMaxSize(4)
                .map(spans -> new RecordScope.Limit("a limit", spans));
        return limit.list().ofMinSize(1).ofMaxSize(4).map(RecordScope::of);
    }

    @Property(tries = 3000)
    void coversAnyIsSomeDayOfCoveredDays(@ForAll("scopes") RecordScope scope,
                                         @ForAll("school") SchoolId school,
                                         @ForAll("day") int from, @ForAll("day") int length) {
        LocalDate first = BASE.plusDays(from);
        LocalDate last = BASE.plusDays(from + length - 5); // some reversed, some of one day
        boolean expected = !last.isBefore(first) && !scope.coveredDays(school, first, last).isEmpty();
        assertThat(scope.coversAny(school, first, last)).isEqualTo(expected);
        Statistics.label("covered").collect(expected).coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Provide
    Arbitrary<SchoolId> school() {
        return Arbitraries.of(SCHOOLS);
    }

    @Provide
    Arbitrary<Integer> day() {
        return Arbitraries.integers().between(0, 60);
    }

    @Provide
    Arbitrary<RecordScope.Span> spans() {
        return Combinators.combine(Arbitraries.integers().between(-1, 1), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2)).as((s, from, length) -> new RecordScope.Span(
                s < 0 ? Optional.empty() : Optional.of(SchoolId.of(SCHOOLS.get(s).value())), BASE.plusDays(from),
                BASE.plusDays(from + length)));
    }

    /**
     * A span's equality and hash, written out because spans key the scopes an engine shares, are a record's: equal
     * exactly when the school and both days are, equal spans with equal hashes.
     */
    @Property(tries = 1000)
    void spansAreEqualExactlyWhenTheirComponentsAre(@ForAll("spans") RecordScope.Span a, @ForAll("spans") RecordScope.Span b) {
        boolean same = a.school().equals(b.school()) && a.first().equals(b.first()) && a.last().equals(b.last());
        assertThat(a.equals(b)).isEqualTo(same);
        assertThat(b.equals(a)).isEqualTo(same);
        if (same) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        assertThat(a.equals(null)).isFalse();
        Statistics.label("equal").collect(same).coverage(c -> c.check(true).percentage(p -> p > 1));
    }
}
