package org.communityschools.metrics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceMark;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.metrics.InterventionOutcomeReport;
import org.communityschools.metrics.WindowRates;

/** Computes {@link InterventionOutcomeReport}s; see {@link org.communityschools.metrics.InterventionOutcomes}. */
public final class InterventionEngine {
    private InterventionEngine() {}

    private record Group(InterventionType type, EducationOrganizationId provider) {}

    private record Start(LocalDate date, String interventionId, SchoolId school) {}

    /** The two windows around one start date at one school. */
    private record Windows(List<LocalDate> before, List<LocalDate> after) {}

    private static final Comparator<Group> GROUP_ORDER = Comparator.comparing((Group g) -> g.type())
            .thenComparing(g -> g.provider().value());

    /** The report; arguments already checked. */
    public static InterventionOutcomeReport evaluate(DistrictData data, SchoolYear year, int windowDays, ChronicAbsenceDefinition definition,
                                                     Ratio band, int k) {
        DateRange yearDates = year.dates();
        Map<Group, Set<StudentId>> excluded = new HashMap<>();
        Map<Group, Map<StudentId, Start>> starts = new TreeMap<>(GROUP_ORDER);
        for (InterventionParticipant p : data.interventionParticipants()) {
            Optional<Intervention> intervention = data.intervention(p.interventionId());
            if (intervention.isEmpty() || !p.period().overlaps(yearDates)) {
                continue;
            }
            Group g = new Group(intervention.get().type(), intervention.get().providerId());
            excluded.computeIfAbsent(g, x -> new HashSet<>()).add(p.studentId());
            if (year.contains(p.period().start())) {
                Start s = new Start(p.period().start(), p.interventionId().value(), intervention.get().schoolId());
                starts.computeIfAbsent(g, x -> new TreeMap<>()).merge(p.studentId(), s, (a, b) -> earlier(a, b) ? a : b);
            }
        }
        Map<SchoolId, List<LocalDate>> days = new HashMap<>();
        Map<String, WindowRates> measures = new HashMap<>();
        List<InterventionOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<Group, Map<StudentId, Start>> e : starts.entrySet()) {
            Set<StudentId> out = excluded.get(e.getKey());
            int measured = 0;
            int matched = 0;
            WindowRates participants = WindowRates.EMPTY;
            WindowRates matchedRates = WindowRates.EMPTY;
            WindowRates comparison = WindowRates.EMPTY;
            int pairs = 0;
            Set<StudentId> comparisonStudents = new HashSet<>();
            Map<StudentId, List<StudentId>> matches = new LinkedHashMap<>();
            for (Map.Entry<StudentId, Start> p : e.getValue().entrySet()) {
                Start s = p.getValue();
                Windows w = windows(data, s.school(), s.date(), year, windowDays, days);
                WindowRates own = measure(data, p.getKey(), s.school(), w, definition, measures, s.date());
                if (!isMeasured(own)) {
                    continue;
                }
                measured++;
                participants = participants.plus(own);
                List<StudentId> chosen = match(data, p.getKey(), s, w, own, out, definition, band, k, measures);
                if (chosen.isEmpty()) {
                    continue;
                }
                matched++;
                matchedRates = matchedRates.plus(own);
                for (StudentId c : chosen) {
                    comparison = comparison.plus(measure(data, c, s.school(), w, definition, measures, s.date()));
                    pairs++;
                    comparisonStudents.add(c);
                }
                matches.put(p.getKey(), chosen);
            }
            outcomes.add(new InterventionOutcome(e.getKey().type(), e.getKey().provider(), e.getValue().size(), measured, participants,
                    matched, matchedRates, pairs, comparisonStudents.size(), comparison, matches));
        }
        return new InterventionOutcomeReport(year, windowDays, definition, band, k, outcomes);
    }

    private static boolean earlier(Start a, Start b) {
        int c = a.date().compareTo(b.date());
        return c < 0 || (c == 0 && a.interventionId().compareTo(b.interventionId()) <= 0);
    }

    private static boolean isMeasured(WindowRates r) {
        return r.daysEnrolledBefore() > 0 && r.daysEnrolledAfter() > 0;
    }

    private static Windows windows(DistrictData data, SchoolId school, LocalDate start, SchoolYear year, int n,
                                   Map<SchoolId, List<LocalDate>> cache) {
        List<LocalDate> all = cache.computeIfAbsent(school, s -> data.calendar(s).days().stream().filter(year::contains).sorted().toList());
        List<LocalDate> before = all.stream().filter(d -> d.isBefore(start)).toList();
        List<LocalDate> after = all.stream().filter(d -> !d.isBefore(start)).limit(n).toList();
        return new Windows(before.subList(Math.max(0, before.size() - n), before.size()), after);
    }

    /** A student's days in both windows at {@code school}; cached by student, school and start date. */
    private static WindowRates measure(DistrictData data, StudentId student, SchoolId school, Windows w, ChronicAbsenceDefinition def,
                                       Map<String, WindowRates> cache, LocalDate start) {
        String key = student.value() + '\u0000' + school.value() + '\u0000' + start;
        WindowRates cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<AttendanceMark> marks = data.attendance().recordsOf(student, school).stream().map(AttendanceMark::of).toList();
        BigDecimal presentBefore = BigDecimal.ZERO;
        BigDecimal presentAfter = BigDecimal.ZERO;
        long enrolledBefore = 0;
        long enrolledAfter = 0;
        for (Enrollment e : data.enrollmentsOf(student)) {
            if (!e.schoolId().equals(school)) {
                continue;
            }
            if (!w.before().isEmpty()) {
                AttendanceFigures f = ChronicAbsence.figures(def, w.before(), e.period(), w.before().get(w.before().size() - 1), marks);
                presentBefore = presentBefore.add(f.daysPresent());
                enrolledBefore += f.daysEnrolled();
            }
            if (!w.after().isEmpty()) {
                AttendanceFigures f = ChronicAbsence.figures(def, w.after(), e.period(), w.after().get(w.after().size() - 1), marks);
                presentAfter = presentAfter.add(f.daysPresent());
                enrolledAfter += f.daysEnrolled();
            }
        }
        WindowRates r = new WindowRates(presentBefore, enrolledBefore, presentAfter, enrolledAfter);
        cache.put(key, r);
        return r;
    }

    private record Candidate(StudentId student, BigInteger[] distance, long tie) {}

    /**
     * The tie-break of a candidate for a participant: FNV-1a (64 bits) of both ids, so that equally close candidates are
     * spread over participants instead of the lowest student ids serving everyone, and the same data give the same
     * matches.
     */
    static long tieBreak(StudentId participant, StudentId candidate) {
        long h = 0xcbf29ce484222325L;
        String key = participant.value() + '\u0000' + candidate.value();
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static List<StudentId> match(DistrictData data, StudentId participant, Start s, Windows w, WindowRates own,
                                         Set<StudentId> excluded, ChronicAbsenceDefinition def, Ratio band, int k,
                                         Map<String, WindowRates> cache) {
        BigInteger[] target = Points.fraction(own.before().orElseThrow());
        BigInteger[] limit = Points.fraction(band);
        Set<StudentId> seen = new TreeSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Enrollment e : data.enrollmentsAt(s.school())) {
            StudentId c = e.studentId();
            if (c.equals(participant) || excluded.contains(c) || !e.isEnrolledOn(s.date()) || !seen.add(c)) {
                continue;
            }
            WindowRates r = measure(data, c, s.school(), w, def, cache, s.date());
            if (!isMeasured(r)) {
                continue;
            }
            BigInteger[] distance = Points.abs(Points.subtract(Points.fraction(r.before().orElseThrow()), target));
            if (Points.compare(distance, limit) <= 0) {
                candidates.add(new Candidate(c, distance, tieBreak(participant, c)));
            }
        }
        candidates.sort((a, b) -> {
            int d = Points.compare(a.distance(), b.distance());
            if (d != 0) {
                return d;
            }
            int t = Long.compare(a.tie(), b.tie());
            return t != 0 ? t : a.student().compareTo(b.student());
        });
        return candidates.stream().limit(k).map(Candidate::student).toList();
    }
}
