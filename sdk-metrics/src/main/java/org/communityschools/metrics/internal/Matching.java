package org.communityschools.metrics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceFigures;
import org.communityschools.metrics.AttendanceMark;
import org.communityschools.metrics.ChronicAbsence;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.WindowRates;

/**
 * The intervention-outcome method's windows, measurement and matching (see
 * {@link org.communityschools.metrics.InterventionOutcomes} for the rules), shared by {@link InterventionEngine} and
 * {@link FollowUpEngine}: the windows of instructional days around a start date, a student's days in them, and the
 * closest non-excluded students by their rate before. Caches windows per school and start, and measures per student,
 * school and start. One per report; not thread-safe.
 */
public final class Matching {
    /** The two windows around one start date at one school: instructional days, in order. */
    public record Windows(List<LocalDate> before, List<LocalDate> after) {}

    private record Candidate(StudentId student, BigInteger[] distance, long tie) {}

    /** A candidate whose distance {@code num / den} fits in {@code long}s. */
    private record NearCandidate(StudentId student, long num, long den, long tie) {}

    /** A student enrolled at a school on a start date and measured there: the rate before. */
    record Pooled(StudentId student, Ratio before) {}

    private final DistrictData data;
    private final SchoolYear year;
    private final int windowDays;
    private final ChronicAbsenceDefinition definition;
    private final Ratio band;
    private final int k;
    private final LocalDate through;
    private final Map<SchoolId, List<LocalDate>> days = new HashMap<>();
    private final Map<String, WindowRates> measures = new HashMap<>();
    /** The measured students of each school and start date, shared by every participant starting there then. */
    private final Map<String, List<Pooled>> pools = new HashMap<>();

    /**
     * The method with its settings; days after {@code through} are left out of every window (the school year's last day
     * for a whole year).
     */
    public Matching(DistrictData data, SchoolYear year, int windowDays, ChronicAbsenceDefinition definition, Ratio band, int k,
                    LocalDate through) {
        this.data = data;
        this.year = year;
        this.windowDays = windowDays;
        this.definition = definition;
        this.band = band;
        this.k = k;
        this.through = through;
    }

    /** Whether a student's days make them measured: enrolled on at least one day of each window. */
    public static boolean isMeasured(WindowRates r) {
        return r.daysEnrolledBefore() > 0 && r.daysEnrolledAfter() > 0;
    }

    /**
     * Before: the {@code windowDays} instructional days of the school in the year before {@code start}; after: the
     * {@code windowDays} from {@code start} on, up to the last day counted.
     */
    public Windows windows(SchoolId school, LocalDate start) {
        List<LocalDate> all = days.computeIfAbsent(school, s -> data.calendar(s).days().stream()
                .filter(d -> year.contains(d) && !d.isAfter(through)).sorted().toList());
        List<LocalDate> before = all.stream().filter(d -> d.isBefore(start)).toList();
        List<LocalDate> after = all.stream().filter(d -> !d.isBefore(start)).limit(windowDays).toList();
        return new Windows(before.subList(Math.max(0, before.size() - windowDays), before.size()), after);
    }

    /** A student's days in both windows at {@code school}; cached by student, school and start date. */
    public WindowRates measure(StudentId student, SchoolId school, Windows w, LocalDate start) {
        String key = student.value() + '\u0000' + school.value() + '\u0000' + start;
        WindowRates cached = measures.get(key);
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
                AttendanceFigures f = ChronicAbsence.figures(definition, w.before(), e.period(), w.before().get(w.before().size() - 1), marks);
                presentBefore = presentBefore.add(f.daysPresent());
                enrolledBefore += f.daysEnrolled();
            }
            if (!w.after().isEmpty()) {
                AttendanceFigures f = ChronicAbsence.figures(definition, w.after(), e.period(), w.after().get(w.after().size() - 1), marks);
                presentAfter = presentAfter.add(f.daysPresent());
                enrolledAfter += f.daysEnrolled();
            }
        }
        WindowRates r = new WindowRates(presentBefore, enrolledBefore, presentAfter, enrolledAfter);
        measures.put(key, r);
        return r;
    }

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

    /**
     * The students enrolled at {@code school} on {@code start} and measured in its windows {@code w}, each once, in the
     * order of the school's enrollments: the comparison students of every participant starting there then, before the
     * participant and the excluded students are left out. Cached by school and start date.
     */
    private List<Pooled> pool(SchoolId school, LocalDate start, Windows w) {
        String key = school.value() + '\u0000' + start;
        List<Pooled> known = pools.get(key);
        if (known != null) {
            return known;
        }
        Set<StudentId> seen = new HashSet<>();
        List<Pooled> pool = new ArrayList<>();
        for (Enrollment e : data.enrollmentsAt(school)) {
            StudentId c = e.studentId();
            if (!e.isEnrolledOn(start) || !seen.add(c)) {
                continue;
            }
            WindowRates r = measure(c, school, w, start);
            if (isMeasured(r)) {
                pool.add(new Pooled(c, r.before().orElseThrow()));
            }
        }
        pools.put(key, pool);
        return pool;
    }

    /**
     * The closest (at most {@code k}) students enrolled at {@code school} on {@code start}, not {@code participant} nor
     * {@code excluded}, measured in the same windows, whose rate before is within the band of the participant's
     * ({@code own}, measured). Exact: in {@code long} arithmetic while every product fits (day counts always do), in
     * {@link BigInteger}s otherwise, with the same answer.
     */
    public List<StudentId> match(StudentId participant, SchoolId school, LocalDate start, Windows w, WindowRates own,
                                 Set<StudentId> excluded) {
        Ratio target = own.before().orElseThrow();
        List<Pooled> pool = pool(school, start, w);
        try {
            return closest(participant, target, pool, excluded, band, k);
        } catch (ArithmeticException overflow) {
            return closestInBigIntegers(participant, target, pool, excluded, band, k);
        }
    }

    /** {@link #match} in {@code long} arithmetic; an {@link ArithmeticException} when a product does not fit. */
    static List<StudentId> closest(StudentId participant, Ratio target, List<Pooled> pool, Set<StudentId> excluded,
                                   Ratio band, int k) {
        long tn = target.numerator();
        long td = target.denominator();
        List<NearCandidate> candidates = new ArrayList<>();
        for (Pooled c : pool) {
            if (c.student().equals(participant) || excluded.contains(c.student())) {
                continue;
            }
            // |c − t| = |cn·td − tn·cd| / (cd·td), within the band when |cn·td − tn·cd| · bd ≤ bn · cd·td.
            long cn = c.before().numerator();
            long cd = c.before().denominator();
            long num = Math.absExact(Math.subtractExact(Math.multiplyExact(cn, td), Math.multiplyExact(tn, cd)));
            long den = Math.multiplyExact(cd, td);
            if (Math.multiplyExact(num, band.denominator()) <= Math.multiplyExact(band.numerator(), den)) {
                candidates.add(new NearCandidate(c.student(), num, den, tieBreak(participant, c.student())));
            }
        }
        candidates.sort((a, b) -> {
            int d = Long.compare(Math.multiplyExact(a.num(), b.den()), Math.multiplyExact(b.num(), a.den()));
            if (d != 0) {
                return d;
            }
            int t = Long.compare(a.tie(), b.tie());
            return t != 0 ? t : a.student().compareTo(b.student());
        });
        return candidates.stream().limit(k).map(NearCandidate::student).toList();
    }

    /** {@link #match} in {@link BigInteger}s, for rates whose products do not fit in a {@code long}. */
    static List<StudentId> closestInBigIntegers(StudentId participant, Ratio own, List<Pooled> pool, Set<StudentId> excluded,
                                                Ratio band, int k) {
        BigInteger[] target = Points.fraction(own);
        BigInteger[] limit = Points.fraction(band);
        List<Candidate> candidates = new ArrayList<>();
        for (Pooled c : pool) {
            if (c.student().equals(participant) || excluded.contains(c.student())) {
                continue;
            }
            BigInteger[] distance = Points.abs(Points.subtract(Points.fraction(c.before()), target));
            if (Points.compare(distance, limit) <= 0) {
                candidates.add(new Candidate(c.student(), distance, tieBreak(participant, c.student())));
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

    /**
     * Checks the counts of a matched comparison, as every outcome record states them: {@code 0 ≤ matched ≤ measured ≤
     * total} and {@code 0 ≤ comparisonStudents ≤ comparisonPairs}.
     *
     * @param matched            measured students with at least one comparison student
     * @param measured           students with figures before and after
     * @param total              what the measured are counted among (participants, a step's students)
     * @param totalName          its name in the message
     * @param comparisonPairs    student–comparison pairs
     * @param comparisonStudents distinct comparison students
     * @throws IllegalArgumentException when they do not nest
     */
    public static void checkCounts(int matched, int measured, int total, String totalName, int comparisonPairs, int comparisonStudents) {
        if (matched < 0 || matched > measured || measured > total) {
            throw new IllegalArgumentException("counts must nest: 0 ≤ matched (" + matched + ") ≤ measured (" + measured
                    + ") ≤ " + totalName + " (" + total + ")");
        }
        if (comparisonStudents < 0 || comparisonStudents > comparisonPairs) {
            throw new IllegalArgumentException("comparison students (" + comparisonStudents + ") must be from 0 to the pairs ("
                    + comparisonPairs + ")");
        }
    }

    /**
     * An unmodifiable copy of each matched student's comparison students, sorted by student, the lists copied.
     *
     * @param matches each matched student's comparison students, in order of closeness
     * @return the copy
     */
    public static Map<StudentId, List<StudentId>> copyMatches(Map<StudentId, List<StudentId>> matches) {
        TreeMap<StudentId, List<StudentId>> copy = new TreeMap<>();
        matches.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
