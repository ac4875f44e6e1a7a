package org.communityschools.privacy.scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.SchoolId;

/**
 * A record scope as docs/privacy-policy.md defines it ("The record scope"), for the {@link ScopeReference}: the
 * intersection of limits, each a set of spans (a school, or any school, and an inclusive range of days). The days in
 * every limit are computed once per school and kept.
 *
 * @param limits the limits, in the order the reference adds them
 * @param days   per school, the days in every limit, filled on first use
 */
record ReferenceScope(List<Limit> limits, Map<SchoolId, List<LocalDate[]>> days) {
    /** A day before any record of the data: "every day" starts here. */
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    /** A day after any record of the data. */
    static final LocalDate END = LocalDate.of(2999, 12, 31);

    /** Days {@code first} to {@code last} inclusive, at {@code school} or at any school when empty. */
    record Span(Optional<SchoolId> school, LocalDate first, LocalDate last) {
        boolean at(SchoolId s) {
            return school.isEmpty() || school.get().equals(s);
        }
    }

    /** One limit of a scope: a record must lie in one of its spans. */
    record Limit(String name, List<Span> spans) {}

    ReferenceScope(List<Limit> limits) {
        this(List.copyOf(limits), new java.util.HashMap<>());
    }

    /** Whether some day from {@code first} to {@code last} at {@code school} lies in every limit. */
    boolean coversAny(SchoolId school, LocalDate first, LocalDate last) {
        for (LocalDate[] d : days.computeIfAbsent(school, this::daysAt)) {
            if (!d[0].isAfter(last) && !d[1].isBefore(first)) {
                return true;
            }
        }
        return false;
    }

    boolean covers(SchoolId school, LocalDate day) {
        return coversAny(school, day, day);
    }

    /** The days at {@code school} that lie in every limit, as inclusive ranges. */
    private List<LocalDate[]> daysAt(SchoolId school) {
        // Reading: "a record is in scope when its school and a day of it lie in every limit" is read as one and the
        // same day lying in every limit (the "Periods" paragraph speaks of "one of its days ... in scope").
        List<LocalDate[]> days = new ArrayList<>();
        days.add(new LocalDate[] {BEGINNING, END});
        for (Limit l : limits) {
            List<LocalDate[]> next = new ArrayList<>();
            for (LocalDate[] d : days) {
                for (Span s : l.spans()) {
                    if (s.at(school)) {
                        LocalDate a = d[0].isAfter(s.first()) ? d[0] : s.first();
                        LocalDate b = d[1].isBefore(s.last()) ? d[1] : s.last();
                        if (!a.isAfter(b)) {
                            next.add(new LocalDate[] {a, b});
                        }
                    }
                }
            }
            days = next;
        }
        return days;
    }
}
