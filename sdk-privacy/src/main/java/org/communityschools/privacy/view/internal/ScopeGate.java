package org.communityschools.privacy.view.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.RecordScope;
import org.jspecify.annotations.Nullable;

/**
 * Decides, record by record, whether a record of a permitted field lies in the scope of one of the field's grants
 * ({@link Decision#grantsOf}, by precedence), and under which: the first grant whose {@link RecordScope} covers it. A
 * record belongs to a school and a range of days ({@link Place}); a record of no school (a student characteristic)
 * is in scope on the days the scope covers at one of the schools where the student has been enrolled. One instance per view or filter; not thread-safe.
 */
public final class ScopeGate {
    /**
     * Where and when a record lies: its school (null for a student-level period such as a characteristic) and its
     * days, inclusive ({@link LocalDate#MAX} for an open end).
     */
    public record Place(@Nullable SchoolId school, LocalDate first, LocalDate last) {
        /** A record of one day. */
        public static Place on(SchoolId school, LocalDate day) {
            return new Place(school, day, day);
        }
    }

    private final Decision decision;
    private final DistrictData data;
    private @Nullable List<SchoolId> schools;
    /** The grants' scopes seen from the schools of the records asked about so far: few per view. */
    private SchoolDays[] days = new SchoolDays[4];
    /** The scope each of {@link #days} was asked for (a shared instance may hold another, equal scope). */
    private RecordScope[] dayScopes = new RecordScope[4];
    private int dayCount;
    private @Nullable FieldPath lastField;
    private List<Grant> lastGrants = List.of();
    /** The fields' grants seen from the schools asked about so far ({@link #daysOf}), and the last one asked. */
    private FieldDays[] fieldDays = new FieldDays[4];
    private int fieldDayCount;
    private @Nullable FieldDays lastDays;
    /** The last record of one day found outside a field's only grant: the scope, the day and the first limit missed. */
    private @Nullable SchoolDays missDays;
    private long missDay;
    private int missLimit;

    public ScopeGate(Decision decision, DistrictData data) {
        this.decision = decision;
        this.data = data;
    }

    /** The place of a domain record of the decision's student, if it has one the gate knows. */
    public Optional<Place> placeOf(Object record) {
        return placeOf(data, record);
    }

    /** The place of a domain record in {@code data}, if it has one the gate knows (an intervention's school is looked up). */
    public static Optional<Place> placeOf(DistrictData data, Object record) {
        return Optional.ofNullable(placeOrNull(data, record));
    }

    /** As {@link #placeOf(DistrictData, Object)}, null when the record has no place: asked for every record of a view. */
    static @Nullable Place placeOrNull(DistrictData data, Object record) {
        if (record instanceof AttendanceRecord a) {
            return Place.on(a.schoolId(), a.date());
        }
        if (record instanceof BehaviorIncident b) {
            return Place.on(b.schoolId(), b.date());
        }
        if (record instanceof CourseMark m) {
            return new Place(m.schoolId(), m.schoolYear().firstDay(), m.schoolYear().lastDay());
        }
        if (record instanceof Diploma d) {
            return Place.on(d.schoolId(), d.awardDate());
        }
        if (record instanceof InterventionParticipant p) {
            return data.intervention(p.interventionId()).map(i -> new Place(i.schoolId(), p.period().start(),
                    p.period().lastDay().orElse(LocalDate.MAX))).orElse(null);
        }
        if (record instanceof org.communityschools.core.model.ActionStep s) {
            return data.meetings().meeting(s.meetingId()).map(m -> Place.on(m.schoolId(), m.date())).orElse(null);
        }
        if (record instanceof org.communityschools.core.model.AgendaItem a) {
            return data.meetings().meeting(a.meetingId()).map(m -> Place.on(m.schoolId(), m.date())).orElse(null);
        }
        if (record instanceof Enrollment e) {
            return new Place(e.schoolId(), e.entryDate(), e.exitWithdrawDate().orElse(LocalDate.MAX));
        }
        if (record instanceof StudentCharacteristic c) {
            return new Place(null, c.period().start(), c.period().lastDay().orElse(LocalDate.MAX));
        }
        return null;
    }

    /** The first grant of {@code field} (by precedence) whose scope covers a day of {@code place}; empty when none does. */
    public Optional<Grant> cover(FieldPath field, Place place) {
        return Optional.ofNullable(coverOrNull(field, place));
    }

    /** As {@link #cover}, null when no grant covers the place: asked for every record of a view. */
    public @Nullable Grant coverOrNull(FieldPath field, Place place) {
        List<Grant> grants = grantsOf(field);
        SchoolId school = place.school();
        if (school != null && place.first().equals(place.last())) {
            return coverOrNull(field, school, place.first().toEpochDay());
        }
        for (int i = 0; i < grants.size(); i++) {
            Grant g = grants.get(i);
            if (covers(g.scope(), place)) {
                return g;
            }
        }
        return null;
    }

    /**
     * As {@link #coverOrNull(FieldPath, Place)} for a record of one day at a school (an attendance day, an incident),
     * the day given as {@link LocalDate#toEpochDay()}: answered from the scope's days at that school.
     */
    public @Nullable Grant coverOrNull(FieldPath field, SchoolId school, long epochDay) {
        FieldDays fd = daysOf(field, school);
        SchoolDays[] ds = fd.scopes;
        for (int i = 0; i < ds.length; i++) {
            int limit = ds[i].firstOutside(epochDay);
            if (limit < 0) {
                return fd.grants.get(i);
            }
            if (ds.length == 1) {
                // most records of a view are outside the scope, and their reason is asked next: kept
                missDays = ds[0];
                missDay = epochDay;
                missLimit = limit;
            }
        }
        return null;
    }

    /**
     * The first of the days around {@code epochDay} at {@code school} for which {@link #coverOrNull(FieldPath, SchoolId,
     * long)} and {@link #whyNot(FieldPath, SchoolId, long)} of {@code field} answer as for {@code epochDay}: a student's
     * attendance days come in date order, mostly in long stretches inside or outside a scope, so a view asks the gate
     * once per stretch instead of once per day. Views ask {@link #ask}, which answers this with the rest in one pass;
     * this separate answer is what {@code ScopeGateProperties} checks it against.
     */
    long sameFrom(FieldPath field, SchoolId school, long epochDay) {
        long from = Long.MIN_VALUE;
        for (SchoolDays d : daysOf(field, school).scopes) {
            from = Math.max(from, d.sameFrom(epochDay));
        }
        return from;
    }

    /** One past the last of the days of {@link #sameFrom}. */
    long sameUntil(FieldPath field, SchoolId school, long epochDay) {
        long until = Long.MAX_VALUE;
        for (SchoolDays d : daysOf(field, school).scopes) {
            until = Math.min(until, d.sameUntil(epochDay));
        }
        return until;
    }

    /**
     * Makes {@code out} the stretch of {@code epochDay} at {@code school} for {@code field}: the grant covering the day
     * (null when none does), the reason otherwise, and the days around it with the same answers; the answers of
     * {@link #coverOrNull(FieldPath, SchoolId, long)}, {@link #whyNot(FieldPath, SchoolId, long)}, {@link #sameFrom}
     * and {@link #sameUntil}, with the field's scopes at the school looked up once.
     */
    void ask(FieldPath field, SchoolId school, long epochDay, Stretch out) {
        FieldDays fd = daysOf(field, school);
        SchoolDays[] ds = fd.scopes;
        Grant grant = null;
        String reason = null;
        long from = Long.MIN_VALUE;
        long until = Long.MAX_VALUE;
        int[] missed = ds.length > 1 ? new int[ds.length] : null;
        for (int i = 0; i < ds.length; i++) {
            SchoolDays d = ds[i];
            from = Math.max(from, d.sameFrom(epochDay));
            until = Math.min(until, d.sameUntil(epochDay));
            if (grant != null) {
                continue;
            }
            int limit = d.firstOutside(epochDay);
            if (limit < 0) {
                grant = fd.grants.get(i);
            } else if (missed == null) {
                reason = d.reason(limit, epochDay);
            } else {
                missed[i] = limit;
            }
        }
        if (grant == null && missed != null) {
            reason = joinedReason(fd, missed, epochDay);
        } else if (grant == null && ds.length == 0) {
            reason = "the field is not permitted";
        }
        out.set(school, from, until, grant, reason);
    }

    /**
     * The reasons of a field's grants for a day none covers, each grant's first limit missed given by {@code missed},
     * distinct and joined as {@link #whyNot(FieldPath, Place)} joins them; the text of the last such answer is kept
     * (a view asks for a few stretches of days, mostly missing the same limits).
     */
    private static String joinedReason(FieldDays fd, int[] missed, long epochDay) {
        if (fd.lastReason != null && java.util.Arrays.equals(fd.lastMissed, missed)) {
            return fd.lastReason;
        }
        List<String> reasons = new ArrayList<>(missed.length);
        for (int i = 0; i < missed.length; i++) {
            String why = fd.scopes[i].reason(missed[i], epochDay);
            if (!reasons.contains(why)) {
                reasons.add(why);
            }
        }
        String joined = String.join("; ", reasons);
        fd.lastMissed = missed;
        fd.lastReason = joined;
        return joined;
    }

    /** As {@link #whyNot(FieldPath, Place)} for a record of one day at a school. */
    public String whyNot(FieldPath field, SchoolId school, long epochDay) {
        SchoolDays[] ds = daysOf(field, school).scopes;
        if (ds.length == 1) {
            SchoolDays d = ds[0];
            int limit = d == missDays && epochDay == missDay ? missLimit : d.firstOutside(epochDay);
            return limit < 0 ? "outside the scope" : d.reason(limit, epochDay);
        }
        return whyNot(field, Place.on(school, LocalDate.ofEpochDay(epochDay)));
    }

    /**
     * The scopes of {@code field}'s grants (by precedence) seen from {@code school}, with the grants: kept for each field
     * and school asked about (a view asks about a few fields, at a few schools, for many records; a record field and
     * its child fields in turn).
     */
    private FieldDays daysOf(FieldPath field, SchoolId school) {
        FieldDays last = lastDays;
        if (last != null && last.field == field && (last.school == school || last.school.equals(school))) {
            return last;
        }
        for (int i = 0; i < fieldDayCount; i++) {
            FieldDays d = fieldDays[i];
            if (d.field == field && (d.school == school || d.school.equals(school))) {
                lastDays = d;
                return d;
            }
        }
        List<Grant> grants = decision.grantsOf(field);
        SchoolDays[] scopes = new SchoolDays[grants.size()];
        for (int i = 0; i < scopes.length; i++) {
            scopes[i] = days(grants.get(i).scope(), school);
        }
        FieldDays d = new FieldDays(field, school, grants, scopes);
        if (fieldDayCount == fieldDays.length) {
            fieldDays = java.util.Arrays.copyOf(fieldDays, fieldDayCount * 2);
        }
        fieldDays[fieldDayCount++] = d;
        lastDays = d;
        return d;
    }

    /** A field's grants (by precedence) and their scopes seen from one school. */
    private static final class FieldDays {
        final FieldPath field;
        final SchoolId school;
        final List<Grant> grants;
        final SchoolDays[] scopes;
        /** For a field of several grants: the limits last missed by each grant, and the reason they make, joined. */
        int @Nullable [] lastMissed;
        @Nullable String lastReason;

        FieldDays(FieldPath field, SchoolId school, List<Grant> grants, SchoolDays[] scopes) {
            this.field = field;
            this.school = school;
            this.grants = grants;
            this.scopes = scopes;
        }
    }

    private String whyNot(Grant g, SchoolId school, long epochDay) {
        SchoolDays d = days(g.scope(), school);
        int limit = d == missDays && epochDay == missDay ? missLimit : d.firstOutside(epochDay);
        return limit < 0 ? "outside the scope" : d.reason(limit, epochDay);
    }

    /** The field's grants, by precedence: the last field's kept, as a view asks about one field for many records. */
    private List<Grant> grantsOf(FieldPath field) {
        if (field != lastField) {
            lastGrants = decision.grantsOf(field);
            lastField = field;
        }
        return lastGrants;
    }

    /**
     * The scope seen from the school: on the first record of the school asked about, the instance shared by the views
     * that ask about an equal scope at that school ({@link SchoolDays#of}); then kept here by the scope's identity.
     */
    private SchoolDays days(RecordScope scope, SchoolId school) {
        for (int i = 0; i < dayCount; i++) {
            SchoolDays d = days[i];
            if (dayScopes[i] == scope && d.school.equals(school)) {
                return d;
            }
        }
        SchoolDays d = SchoolDays.of(scope, school);
        if (dayCount == days.length) {
            days = java.util.Arrays.copyOf(days, dayCount * 2);
            dayScopes = java.util.Arrays.copyOf(dayScopes, dayCount * 2);
        }
        dayScopes[dayCount] = scope;
        days[dayCount++] = d;
        return d;
    }

    /**
     * Whether {@code day} at {@code school} (null: at one of the schools where the student has been enrolled) is in the
     * scope of grant {@code g}: a period record's start or end is written only when the grant it is disclosed under
     * covers that day, so the disclosure entry of that grant accounts for every date written.
     */
    public boolean showsDayUnder(Grant g, @Nullable SchoolId school, LocalDate day) {
        return covers(g.scope(), new Place(school, day, day));
    }

    private boolean covers(RecordScope scope, Place place) {
        if (place.last().isBefore(place.first())) {
            return false;
        }
        if (place.school() != null) {
            return scope.coversAny(place.school(), place.first(), place.last());
        }
        for (SchoolId s : schools()) {
            if (scope.coversAny(s, place.first(), place.last())) {
                return true;
            }
        }
        return false;
    }

    /** Why no grant of {@code field} covers {@code place}: the reasons of its grants, joined; never personal data. */
    public String whyNot(FieldPath field, Place place) {
        List<Grant> grants = grantsOf(field);
        if (grants.size() == 1) {
            return whyNot(grants.get(0), place); // the one reason, as joined below
        }
        List<String> reasons = new ArrayList<>();
        for (Grant g : grants) {
            String why = whyNot(g, place);
            if (!reasons.contains(why)) {
                reasons.add(why);
            }
        }
        return reasons.isEmpty() ? "the field is not permitted" : String.join("; ", reasons);
    }

    private String whyNot(Grant g, Place place) {
        SchoolId school = place.school();
        if (school != null && place.first().equals(place.last())) {
            return whyNot(g, school, place.first().toEpochDay());
        }
        if (school != null) {
            return g.scope().whyNot(school, place.first(), place.last()).orElse("outside the scope");
        }
        return "outside the scope of rule " + g.ruleId() + " at every school where the student has been enrolled";
    }

    /** The schools where the student has been enrolled, in order of first entry (read once). */
    private List<SchoolId> schools() {
        List<SchoolId> known = schools;
        if (known == null) {
            StudentId s = decision.student();
            java.util.LinkedHashSet<SchoolId> out = new java.util.LinkedHashSet<>();
            for (Enrollment e : data.enrollmentsOf(s)) {
                out.add(e.schoolId());
            }
            known = List.copyOf(out);
            schools = known;
        }
        return known;
    }
}
