package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * Which of a student's records a {@link Grant} covers: every record belongs to a school and a date (an attendance
 * record, an incident, a diploma), a period (an enrollment, a program, an intervention) or a school year (a course
 * mark), and is disclosed only when it lies inside the scope of the grant that permitted its field. A scope is the
 * intersection of {@link Limit}s, each a union of {@link Span}s (a school, or any school, and an inclusive range of
 * dates), named for what imposes it: the agreement's schools, its school years, its effective period, the
 * relationship's school and history window ({@link HistoryWindow}), the consent's window, and the date of the
 * decision (records dated after it are never in scope). A record outside the scope is withheld, and
 * {@link #whyNot} names the first limit it falls outside ("outside agreement DSA-CBO001's schools").
 *
 * <p>A record is in scope when its school and date are in every limit; a period record or a school-year record when
 * some day of it is (the view then shows a period's start or end only when that day is itself in scope). Immutable and
 * thread-safe; the engine builds scopes, and a host that renders records itself applies them with {@link #covers} and
 * {@link #coversAny}.
 */
public final class RecordScope {
    /**
     * A school (or any school) and an inclusive range of dates.
     *
     * @param school the school, or empty for any school
     * @param first  the first day
     * @param last   the last day, not before the first
     */
    public record Span(Optional<SchoolId> school, LocalDate first, LocalDate last) {
        /**
         * Checks the order of the days.
         *
         * @param school the school, or empty for any school
         * @param first the first day
         * @param last the last day, not before the first
         */
        public Span {
            Objects.requireNonNull(school, "school");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("a span's last day is not before its first: " + first + " > " + last);
            }
        }

        boolean matches(SchoolId s) {
            return school.isEmpty() || school.get().equals(s);
        }

        /**
         * Equal when the school and both days are (as a record's equality; written out because spans key the scopes
         * an engine shares, compared on every decision).
         *
         * @param o another object
         * @return whether {@code o} is a span with the same school and days
         */
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Span s && first.equals(s.first) && last.equals(s.last) && school.equals(s.school);
        }

        /**
         * {@return a hash of the school and both days, as a record's}
         */
        @Override
        public int hashCode() {
            return (31 * school.hashCode() + first.hashCode()) * 31 + last.hashCode();
        }
    }

    /**
     * One condition of a scope: the records whose school and date lie in one of the spans.
     *
     * @param label what imposes it, completing "outside ...": {@code agreement DSA-CBO001 v1's schools}
     * @param spans the spans, possibly none (then nothing is in scope)
     */
    public record Limit(String label, List<Span> spans) {
        /**
         * Copies the spans.
         *
         * @param label what imposes it, completing "outside ...": {@code agreement DSA-CBO001 v1's schools}
         * @param spans the spans, possibly none (then nothing is in scope)
         */
        public Limit {
            Objects.requireNonNull(label, "label");
            spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
        }

        /** Whether a day of {@code [first, last]} at school {@code s} lies in a span. */
        boolean admits(SchoolId s, LocalDate first, LocalDate last) {
            // indexed: asked for every record of a view, and an iterator is an allocation the JIT does not always remove
            for (int i = 0; i < spans.size(); i++) {
                Span x = spans.get(i);
                if (x.matches(s) && !x.first().isAfter(last) && !x.last().isBefore(first)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Limit> limits;
    /** "outside " and each limit's label, built when {@link #whyNot} first needs one (null until then). */
    private volatile String @Nullable [] outside;

    private RecordScope(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    /**
     * {@return the scope that is the intersection of {@code limits} (at least one)}
     *
     * @param limits the limits
     */
    public static RecordScope of(List<Limit> limits) {
        Objects.requireNonNull(limits, "limits");
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a scope has at least one limit");
        }
        return new RecordScope(limits);
    }

    /**
     * The limits an agreement (the version governing on {@code date}) imposes on the records disclosed under it, as
     * of {@code date}: records dated on or before {@code date}, at the agreement's {@code school_ids}, in its
     * {@code school_years} (each July 1 to June 30), within its effective period (34 CFR 99.31(a)(1)(i)(B),
     * 99.31(a)(6)(iii)(C), 99.35(a)(3)).
     *
     * @param agreement the version of the agreement governing on {@code date}
     * @param date the day of the decision or extract
     * @return the limits
     */
    public static List<Limit> agreementLimits(org.communityschools.core.model.DataSharingAgreement agreement,
                                              LocalDate date) {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(date, "date");
        String name = "agreement " + agreement.id();
        List<Span> schools = new ArrayList<>();
        for (SchoolId s : agreement.schoolIds()) {
            schools.add(new Span(Optional.of(s), HistoryWindow.BEGINNING, LocalDate.MAX));
        }
        List<Span> years = new ArrayList<>();
        for (org.communityschools.core.model.SchoolYear y : agreement.schoolYears()) {
            years.add(new Span(Optional.empty(), y.firstDay(), y.lastDay()));
        }
        return List.of(dateLimit(date), new Limit(name + "'s schools", schools),
                new Limit(name + "'s school years", years),
                new Limit(name + "'s effective period", List.of(
                        new Span(Optional.empty(), agreement.effectiveDate(), agreement.endDate()))));
    }

    /**
     * {@return the limit of a decision or extract made on {@code date}: records dated after it are never in scope}
     *
     * @param date the day of the decision or extract
     */
    public static Limit dateLimit(LocalDate date) {
        return new Limit("the date of the decision, " + date, List.of(
                new Span(Optional.empty(), HistoryWindow.BEGINNING, date)));
    }

    /** {@return the limits, all of which a record must satisfy} */
    public List<Limit> limits() {
        return limits;
    }

    /**
     * {@return whether a record of school {@code school} dated {@code date} is in scope}
     *
     * @param school the record's school
     * @param date the record's day
     */
    public boolean covers(SchoolId school, LocalDate date) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(date, "date");
        for (int i = 0; i < limits.size(); i++) {
            if (!limits.get(i).admits(school, date, date)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return whether some day of {@code [first, last]} at {@code school} is in scope (a period or school-year
     * record)}
     *
     * @param school the record's school
     * @param first the record's first day
     * @param last the record's last day (inclusive)
     */
    public boolean coversAny(SchoolId school, LocalDate first, LocalDate last) {
        Objects.requireNonNull(school, "school");
        if (first.equals(last)) {
            return covers(school, first); // a record of one day: no interval arithmetic, no allocation
        }
        if (last.isBefore(first)) {
            return false;
        }
        // Without allocation when each limit has at most one span at the school that meets [first, last] (the usual
        // case): the days in scope are then the intersection of those spans with [first, last]. Otherwise the
        // interval arithmetic of coveredDays, which RecordScopeProperties compares this with.
        LocalDate from = first;
        LocalDate to = last;
        for (int i = 0; i < limits.size(); i++) {
            List<Span> spans = limits.get(i).spans();
            Span only = null;
            for (int j = 0; j < spans.size(); j++) {
                Span x = spans.get(j);
                if (x.matches(school) && !x.first().isAfter(last) && !x.last().isBefore(first)) {
                    if (only != null) {
                        return !covered(school, first, last).isEmpty();
                    }
                    only = x;
                }
            }
            if (only == null) {
                return false;
            }
            if (only.first().isAfter(from)) {
                from = only.first();
            }
            if (only.last().isBefore(to)) {
                to = only.last();
            }
        }
        return !to.isBefore(from);
    }

    /**
     * {@return whether some day of {@code range} at {@code school} is in scope; an open range reaches to the far
     * future}
     *
     * @param school the record's school
     * @param range the record's days
     */
    public boolean coversAny(SchoolId school, DateRange range) {
        Objects.requireNonNull(range, "range");
        return coversAny(school, range.start(), range.lastDay().orElse(LocalDate.MAX));
    }

    /**
     * The days of {@code [first, last]} at {@code school} in scope, as sorted disjoint ranges (a range reaching
     * {@link LocalDate#MAX} is open-ended).
     *
     * @param school the school
     * @param first the first day asked about
     * @param last the last day asked about (inclusive)
     * @return the days in scope
     */
    public List<DateRange> coveredDays(SchoolId school, LocalDate first, LocalDate last) {
        Objects.requireNonNull(school, "school");
        List<DateRange> out = new ArrayList<>();
        for (long[] i : covered(school, first, last)) {
            LocalDate to = LocalDate.ofEpochDay(i[1]);
            out.add(to.equals(LocalDate.MAX) ? DateRange.startingOn(LocalDate.ofEpochDay(i[0]))
                    : DateRange.closed(LocalDate.ofEpochDay(i[0]), to));
        }
        return List.copyOf(out);
    }

    /** {@code ranges} merged: sorted, disjoint, adjacent ranges joined (an open-ended range stays open-ended). */
    static List<DateRange> merged(List<DateRange> ranges) {
        List<long[]> days = new ArrayList<>();
        for (DateRange r : ranges) {
            days.add(new long[] {r.start().toEpochDay(), r.lastDay().orElse(LocalDate.MAX).toEpochDay()});
        }
        List<DateRange> out = new ArrayList<>();
        for (long[] i : union(days)) {
            LocalDate to = LocalDate.ofEpochDay(i[1]);
            out.add(to.equals(LocalDate.MAX) ? DateRange.startingOn(LocalDate.ofEpochDay(i[0]))
                    : DateRange.closed(LocalDate.ofEpochDay(i[0]), to));
        }
        return List.copyOf(out);
    }

    /** The covered days as epoch-day intervals {@code [from, to]}, sorted and disjoint. */
    private List<long[]> covered(SchoolId school, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return List.of();
        }
        // intervals as epoch days, [from, to] inclusive, sorted and disjoint
        List<long[]> current = List.of(new long[] {first.toEpochDay(), last.toEpochDay()});
        for (Limit l : limits) {
            List<long[]> admitted = new ArrayList<>();
            for (Span x : l.spans()) {
                if (x.matches(school)) {
                    admitted.add(new long[] {x.first().toEpochDay(), x.last().toEpochDay()});
                }
            }
            current = intersect(current, union(admitted));
            if (current.isEmpty()) {
                return List.of();
            }
        }
        return current;
    }

    private static List<long[]> union(List<long[]> intervals) {
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] i : intervals) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], i[1]);
            } else {
                out.add(new long[] {i[0], i[1]});
            }
        }
        return out;
    }

    private static List<long[]> intersect(List<long[]> a, List<long[]> b) {
        List<long[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long from = Math.max(a.get(i)[0], b.get(j)[0]);
            long to = Math.min(a.get(i)[1], b.get(j)[1]);
            if (from <= to) {
                out.add(new long[] {from, to});
            }
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /**
     * Why a record of {@code school} dated from {@code first} to {@code last} is not in scope: "outside " and the label
     * of the first limit it falls outside, or, when each limit admits some of its days but no day is in all of them,
     * the labels of all; empty when it is in scope.
     *
     * @param school the record's school
     * @param first the record's first day
     * @param last the record's last day (inclusive)
     * @return the reason, in words
     */
    public Optional<String> whyNot(SchoolId school, LocalDate first, LocalDate last) {
        Objects.requireNonNull(school, "school");
        for (int i = 0; i < limits.size(); i++) {
            if (!limits.get(i).admits(school, first, last)) {
                return Optional.of(outside(i));
            }
        }
        if (coversAny(school, first, last)) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        limits.forEach(l -> labels.add(l.label()));
        return Optional.of("outside the intersection of " + String.join(", ", labels));
    }

    /** "outside " and the label of limit {@code i}, built once per scope (a view asks for every withheld record). */
    private String outside(int i) {
        String[] known = outside;
        if (known == null) {
            known = new String[limits.size()];
            for (int j = 0; j < known.length; j++) {
                known[j] = "outside " + limits.get(j).label();
            }
            outside = known;
        }
        return known[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordScope r && r.limits.equals(limits);
    }

    @Override
    public int hashCode() {
        return limits.hashCode();
    }

    /** The limits in words, with their spans. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Limit l : limits) {
            if (b.length() > 0) {
                b.append(" and ");
            }
            b.append(l.label()).append(" ").append(describe(l.spans()));
        }
        return b.toString();
    }

    private static String describe(List<Span> spans) {
        List<String> out = new ArrayList<>();
        for (Span s : spans) {
            String days = s.first().equals(HistoryWindow.BEGINNING) ? "to " + s.last()
                    : s.last().equals(LocalDate.MAX) ? "from " + s.first() : s.first() + " to " + s.last();
            out.add(s.school().map(x -> x.value() + " ").orElse("") + days);
        }
        return out.toString();
    }
}
