package org.communityschools.privacy.view.internal;

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
import org.communityschools.privacy.policy.RecordScope;

/**
 * {@link SchoolDays}, which a record view asks for each record of one day, answers as {@link RecordScope} does on
 * random scopes (one to four limits, each with its own label, of zero to four spans over two schools or any school,
 * dates within sixty days): a day is covered exactly when {@link RecordScope#covers} says so, and the reason of a day
 * outside is {@link RecordScope#whyNot}'s, whichever day first asked for the reason of that limit.
 */
class SchoolDaysProperties {
    private static final LocalDate BASE = LocalDate.of(2018, 1, 1);
    private static final List<SchoolId> SCHOOLS = List.of(SchoolId.of("SCH0001"), SchoolId.of("SCH0002"));

    @Provide
    Arbitrary<RecordScope> scopes() {
        Arbitrary<RecordScope.Span> span = Combinators.combine(Arbitraries.integers().between(-1, 1),
                Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 20)).as((s, from, length) ->
                new RecordScope.Span(s < 0 ? Optional.empty() : Optional.of(SCHOOLS.get(s)), BASE.plusDays(from),
                        BASE.plusDays(from + length)));
        Arbitrary<List<RecordScope.Span>> spans = span.list().ofMinSize(0).ofMaxSize(4);
        return spans.list().ofMinSize(1).ofMaxSize(4).map(all -> {
            List<RecordScope.Limit> limits = new java.util.ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                limits.add(new RecordScope.Limit("limit " + i, all.get(i)));
            }
            return RecordScope.of(limits);
        });
    }

    @Property(tries = 2000)
    void answersAsTheScopeForEveryDay(@ForAll("scopes") RecordScope scope, @ForAll("school") SchoolId school) {
        SchoolDays days = new SchoolDays(scope, school);
        for (int d = -2; d <= 85; d++) {
            LocalDate day = BASE.plusDays(d);
            int limit = days.firstOutside(day.toEpochDay());
            assertThat(limit < 0).as("%s covered", day).isEqualTo(scope.covers(school, day));
            if (limit >= 0) {
                assertThat(days.reason(limit, day.toEpochDay())).isEqualTo(scope.whyNot(school, day, day).orElseThrow());
            }
            Statistics.label("covered").collect(limit < 0);
        }
    }

    /**
     * The stretch around a day ({@link SchoolDays#sameFrom}, {@link SchoolDays#sameUntil}), over which a record view
     * answers once: every day in it gets the day's answer (covered, or the same first limit missed), and the days just
     * outside it, when it has an end, are where a span starts or ends (the answer may change there; the stretch is never
     * empty and holds the day).
     */
    @Property(tries = 2000)
    void aStretchAnswersAsItsDay(@ForAll("scopes") RecordScope scope, @ForAll("school") SchoolId school,
                                 @ForAll @net.jqwik.api.constraints.IntRange(min = -5, max = 90) int offset) {
        SchoolDays days = new SchoolDays(scope, school);
        long day = BASE.plusDays(offset).toEpochDay();
        long from = days.sameFrom(day);
        long until = days.sameUntil(day);
        assertThat(from).isLessThanOrEqualTo(day);
        assertThat(until).isGreaterThan(day);
        int answer = days.firstOutside(day);
        long first = BASE.plusDays(-10).toEpochDay();
        long last = BASE.plusDays(100).toEpochDay();
        for (long d = Math.max(from, first); d < Math.min(until, last); d++) {
            assertThat(days.firstOutside(d)).as("day %s in the stretch of %s", d, day).isEqualTo(answer);
        }
        // a stretch that is open to one side holds every day on that side
        if (from == Long.MIN_VALUE) {
            for (long d = first; d < day; d++) {
                assertThat(days.firstOutside(d)).isEqualTo(answer);
            }
        }
        if (until == Long.MAX_VALUE) {
            for (long d = day; d < last; d++) {
                assertThat(days.firstOutside(d)).isEqualTo(answer);
            }
        }
        Statistics.label("stretch").collect(until == Long.MAX_VALUE || from == Long.MIN_VALUE ? "open" : "closed");
    }

    /**
     * The instance that views share ({@link SchoolDays#of}) answers as one built afresh for the scope and school, for
     * every day and every limit's reason: whether it was kept from an earlier view of an equal scope (a copy of the
     * scope, another object), made now, or made again after the store forgot everything.
     */
    @Property(tries = 1000)
    void theSharedDaysAnswerAsFreshOnes(@ForAll("scopes") RecordScope scope, @ForAll("school") SchoolId school,
                                        @ForAll boolean forget) {
        RecordScope copy = RecordScope.of(scope.limits());
        SchoolDays first = SchoolDays.of(copy, school);
        if (forget) {
            SchoolDays.forgetShared();
        }
        SchoolDays shared = SchoolDays.of(scope, school);
        assertThat(shared == first).isEqualTo(!forget);
        SchoolDays fresh = new SchoolDays(scope, school);
        for (int d = -2; d <= 85; d++) {
            long day = BASE.plusDays(d).toEpochDay();
            int limit = fresh.firstOutside(day);
            assertThat(shared.firstOutside(day)).isEqualTo(limit);
            assertThat(shared.sameFrom(day)).isEqualTo(fresh.sameFrom(day));
            assertThat(shared.sameUntil(day)).isEqualTo(fresh.sameUntil(day));
            if (limit >= 0) {
                assertThat(shared.reason(limit, day)).isEqualTo(fresh.reason(limit, day))
                        .isEqualTo(scope.whyNot(school, BASE.plusDays(d), BASE.plusDays(d)).orElseThrow());
            }
        }
        Statistics.label("forgotten").collect(forget);
    }

    @Provide
    Arbitrary<SchoolId> school() {
        return Arbitraries.of(SCHOOLS);
    }
}
