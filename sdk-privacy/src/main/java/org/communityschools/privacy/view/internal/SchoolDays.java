package org.communityschools.privacy.view.internal;

import java.time.LocalDate;
import java.util.List;
import org.communityschools.core.model.SchoolId;
import org.communityschools.privacy.internal.SharedValues;
import org.communityschools.privacy.policy.RecordScope;
import org.jspecify.annotations.Nullable;

/**
 * One grant's {@link RecordScope} seen from one school, for the records of one day: each limit's spans that can match
 * the school, as epoch days, so that the records of a view (most are attendance days, most outside the scope) are
 * checked with a few comparisons of primitives instead of a walk over the scope's records and optionals, and the
 * reason a record is withheld is found as the first limit it falls outside. The answers are those of
 * {@link RecordScope#covers} and {@link RecordScope#whyNot} for a record of one day: the reason text itself is the
 * scope's, asked once per limit.
 *
 * <p>Shared: the same scope (by value: its limits) seen from the same school is the same for every view that asks
 * about it (a mentor's relationship, an agreement's schools), so {@link #of} keeps one per scope and school for all
 * views, bounded. Immutable but for the reasons, each filled on first need with the scope's own text (a benign race:
 * threads that race store equal strings). Thread-safe.
 */
final class SchoolDays {
    /** How many scopes seen from a school are kept for all views before all are forgotten. */
    static final int SHARED_LIMIT = 4096;

    /** The key of a shared instance: the scope by value (its limits) and the school. */
    private record Key(RecordScope scope, SchoolId school) {}

    /**
     * The key of the same instance by the scope object: decisions share their scope objects (the policy index keeps
     * them), and a scope's value is a list of limits and spans, slower to hash than to find by identity.
     */
    private static final class SameScope {
        final RecordScope scope;
        final SchoolId school;
        final int hash;

        SameScope(RecordScope scope, SchoolId school) {
            this.scope = scope;
            this.school = school;
            this.hash = System.identityHashCode(scope) * 31 + school.value().hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SameScope k && k.scope == scope && k.school.value().equals(school.value());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final SharedValues<Key, SchoolDays> SHARED = new SharedValues<>(SHARED_LIMIT);
    private static final SharedValues<SameScope, SchoolDays> BY_OBJECT = new SharedValues<>(SHARED_LIMIT);

    final RecordScope scope;
    final SchoolId school;
    /** Per limit, the first and last epoch day of each of its spans that match the school, in pairs. */
    private final long[][] spans;
    /** Per limit, the reason of a record outside it, once asked. */
    private final @Nullable String[] reasons;

    /**
     * {@code scope} seen from {@code school}: the instance kept for an equal scope and the school, or a new one (then
     * kept). Answers as {@code new SchoolDays(scope, school)} does.
     */
    static SchoolDays of(RecordScope scope, SchoolId school) {
        SameScope same = new SameScope(scope, school);
        SchoolDays known = BY_OBJECT.get(same);
        if (known == null) {
            Key key = new Key(scope, school);
            known = SHARED.get(key);
            if (known == null) {
                known = SHARED.keep(key, new SchoolDays(scope, school));
            }
            known = BY_OBJECT.keep(same, known);
        }
        return known;
    }

    /** Forgets every shared instance (for tests: answers must not depend on what is kept). */
    static void forgetShared() {
        SHARED.clear();
        BY_OBJECT.clear();
    }

    SchoolDays(RecordScope scope, SchoolId school) {
        this.scope = scope;
        this.school = school;
        List<RecordScope.Limit> limits = scope.limits();
        spans = new long[limits.size()][];
        reasons = new String[limits.size()];
        for (int i = 0; i < spans.length; i++) {
            List<RecordScope.Span> all = limits.get(i).spans();
            long[] days = new long[2 * all.size()];
            int n = 0;
            for (RecordScope.Span x : all) {
                if (x.school().isEmpty() || x.school().get().equals(school)) {
                    days[n++] = x.first().toEpochDay();
                    days[n++] = x.last().toEpochDay();
                }
            }
            spans[i] = n == days.length ? days : java.util.Arrays.copyOf(days, n);
        }
    }

    /** The first limit (by position in the scope) that has no span holding {@code day}; -1 when the scope covers it. */
    int firstOutside(long day) {
        for (int i = 0; i < spans.length; i++) {
            long[] s = spans[i];
            boolean in = false;
            for (int j = 0; j < s.length; j += 2) {
                if (s[j] <= day && day <= s[j + 1]) {
                    in = true;
                    break;
                }
            }
            if (!in) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first day of the days around {@code day} on which every span of every limit holds or misses the day as it
     * does {@code day} (so {@link #firstOutside} answers the same): the latest span start or end + 1 not after
     * {@code day}; {@link Long#MIN_VALUE} when there is none.
     */
    long sameFrom(long day) {
        long from = Long.MIN_VALUE;
        for (long[] s : spans) {
            for (int j = 0; j < s.length; j += 2) {
                long start = s[j];
                long after = s[j + 1] + 1;
                if (start <= day && start > from) {
                    from = start;
                }
                if (after <= day && after > from) {
                    from = after;
                }
            }
        }
        return from;
    }

    /**
     * One past the last of those days: the earliest span start or end + 1 after {@code day}; {@link Long#MAX_VALUE}
     * when there is none.
     */
    long sameUntil(long day) {
        long until = Long.MAX_VALUE;
        for (long[] s : spans) {
            for (int j = 0; j < s.length; j += 2) {
                long start = s[j];
                long after = s[j + 1] + 1;
                if (start > day && start < until) {
                    until = start;
                }
                if (after > day && after < until) {
                    until = after;
                }
            }
        }
        return until;
    }

    /** Why a record of {@code day} lies outside limit {@code limit} (as {@code firstOutside(day)} returned): the scope's words. */
    String reason(int limit, long day) {
        String known = reasons[limit];
        if (known == null) {
            LocalDate d = LocalDate.ofEpochDay(day);
            known = scope.whyNot(school, d, d).orElseThrow(
                    () -> new IllegalStateException("the scope covers a day outside one of its limits"));
            reasons[limit] = known; // a benign race: every thread stores the scope's equal text
        }
        return known;
    }
}
