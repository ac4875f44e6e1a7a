package org.communityschools.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.AttendanceAccumulator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceSnapshot;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.ChronicAbsenceDefinition.Aggregation;
import org.communityschools.metrics.ChronicAbsenceReport;
import org.communityschools.metrics.EnrollmentFigures;
import org.communityschools.metrics.internal.ChronicAbsenceReferenceModelTest.Scenario;

/**
 * Incremental = batch = merged shards: random small districts (the reference-model generator: several schools,
 * calendars, transfers, every category with half days, partial days and suspensions, plus an enrollment carried
 * over from the previous year) are fed to accumulators as events in random order, with corrections (a wrong record
 * replaced, a spurious record or enrollment removed, an enrollment that begins and later ends) and split into
 * random shards by student; every figure equals the batch report's.
 */
class AttendanceAccumulatorPropertyTest {
    static final ChronicAbsenceDefinition[] PRESETS = {ChronicAbsenceDefinition.FEDERAL, ChronicAbsenceDefinition.NYSED,
            ChronicAbsenceDefinition.CRDC, ChronicAbsenceDefinition.NYC_LEGACY, ChronicAbsenceDefinition.CALIFORNIA};

    /** One event of a keyed sequence: the events of one key (a day's record, an enrollment) keep their order. */
    record Event(String key, Optional<StudentId> student, Consumer<AttendanceAccumulator> apply) {}

    record World(Scenario scenario, List<List<Event>> sequences) {}

    static World world(long seed) {
        Random rnd = new Random(seed);
        Scenario base = ChronicAbsenceReferenceModelTest.scenario(seed);
        ChronicAbsenceDefinition definition = rnd.nextInt(4) == 0 ? base.definition() : PRESETS[rnd.nextInt(PRESETS.length)];
        Scenario sc = new Scenario(base.source(), definition, base.asOf());
        ListAttendanceSource s = sc.source();
        List<SchoolId> schools = new ArrayList<>(s.calendars.keySet());
        // an enrollment carried over from the previous school year, with a record before the year (ignored) and a calendar day before it
        if (rnd.nextBoolean() && !s.enrollments.isEmpty()) {
            StudentId student = StudentId.of("Q" + rnd.nextInt(3));
            SchoolId school = schools.get(rnd.nextInt(schools.size()));
            s.enrollments.add(new Enrollment(student, school, LocalDate.of(2017, 5, 1), GradeLevel.G03,
                    Optional.of(LocalDate.of(2017, 9, 1 + rnd.nextInt(20))), Optional.of(ExitWithdrawType.TRANSFERRED), false));
            s.calendar(school, List.of(LocalDate.of(2017, 6, 15)));
            s.attendance.add(new AttendanceRecord(student, school, LocalDate.of(2017, 6, 15), AttendanceCategory.UNEXCUSED_ABSENCE, DayShare.WHOLE_DAY, Optional.empty()));
            for (LocalDate d : s.calendars.get(school)) {
                if (d.isBefore(LocalDate.of(2017, 9, 10)) && d.isAfter(LocalDate.of(2017, 7, 1)) && rnd.nextBoolean()) {
                    s.attendance.add(new AttendanceRecord(student, school, d, AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION, DayShare.WHOLE_DAY, Optional.empty()));
                }
            }
        }

        List<List<Event>> seqs = new ArrayList<>();
        s.schoolTypes.forEach((school, type) -> seqs.add(List.of(new Event("type " + school, Optional.empty(), a -> a.schoolType(school, type)))));
        s.calendars.forEach((school, days) -> {
            for (LocalDate d : days) {
                seqs.add(List.of(new Event("day " + school + d, Optional.empty(), a -> a.instructionalDay(school, d))));
            }
            LocalDate closed = LocalDate.of(2017, 8, 20 + rnd.nextInt(5)); // a day never instructional: added, then removed
            seqs.add(List.of(new Event("closed " + school, Optional.empty(), a -> a.instructionalDay(school, closed)),
                    new Event("closed " + school, Optional.empty(), a -> a.removeInstructionalDay(school, closed))));
        });
        Set<String> spurious = new java.util.HashSet<>();
        for (Enrollment e : s.enrollments) {
            String key = "enr " + e.studentId() + e.schoolId() + e.entryDate();
            Optional<StudentId> who = Optional.of(e.studentId());
            List<Event> seq = new ArrayList<>();
            if (rnd.nextInt(4) == 0) {
                Enrollment wrong = new Enrollment(e.studentId(), e.schoolId(), e.entryDate(), GradeLevel.G12, Optional.empty(), Optional.empty(), false);
                seq.add(new Event(key, who, a -> a.enrollment(wrong)));
            }
            if (e.exitWithdrawDate().isPresent() && rnd.nextBoolean()) {
                seq.add(new Event(key, who, a -> a.enrollmentBegins(e.studentId(), e.schoolId(), e.entryDate(), e.entryGrade())));
                seq.add(new Event(key, who, a -> a.enrollmentEnds(e.studentId(), e.schoolId(), e.entryDate(),
                        e.exitWithdrawDate().orElseThrow(), e.exitWithdrawType().orElseThrow())));
            } else {
                seq.add(new Event(key, who, a -> a.enrollment(e)));
            }
            seqs.add(seq);
            LocalDate entry = LocalDate.of(2017, 9, 1);
            SchoolId other = schools.get(rnd.nextInt(schools.size()));
            String k = "spurious " + e.studentId() + other;
            boolean clash = s.enrollments.stream().anyMatch(x -> x.studentId().equals(e.studentId()) && x.schoolId().equals(other) && x.entryDate().equals(entry));
            if (rnd.nextInt(6) == 0 && !clash && spurious.add(k)) { // entered in error, then removed
                StudentId student = e.studentId();
                seqs.add(List.of(new Event(k, who, a -> a.enrollmentBegins(student, other, entry, GradeLevel.KG)),
                        new Event(k, who, a -> assertThat(a.removeEnrollment(student, other, entry)).isTrue())));
            }
        }
        Set<String> taken = s.attendance.stream().map(r -> r.studentId() + " " + r.schoolId() + " " + r.date()).collect(Collectors.toSet());
        AttendanceCategory[] categories = AttendanceCategory.values();
        for (AttendanceRecord r : s.attendance) {
            String key = "att " + r.studentId() + " " + r.schoolId() + " " + r.date();
            Optional<StudentId> who = Optional.of(r.studentId());
            List<Event> seq = new ArrayList<>();
            if (rnd.nextInt(4) == 0) { // recorded wrongly first, then corrected
                AttendanceRecord wrong = new AttendanceRecord(r.studentId(), r.schoolId(), r.date(), categories[rnd.nextInt(categories.length)],
                        DayShare.ofTenThousandths(rnd.nextInt(10_001)), Optional.empty());
                seq.add(new Event(key, who, a -> a.attendance(wrong)));
            }
            seq.add(new Event(key, who, a -> a.attendance(r)));
            seqs.add(seq);
            LocalDate next = r.date().plusDays(1);
            String nextKey = r.studentId() + " " + r.schoolId() + " " + next;
            if (rnd.nextInt(5) == 0 && !taken.contains(nextKey)) { // a spurious absence, then removed
                taken.add(nextKey);
                AttendanceRecord extra = new AttendanceRecord(r.studentId(), r.schoolId(), next, AttendanceCategory.UNEXCUSED_ABSENCE, DayShare.WHOLE_DAY, Optional.empty());
                seqs.add(List.of(new Event("att " + nextKey, who, a -> a.attendance(extra)),
                        new Event("att " + nextKey, who, a -> a.removeAttendance(r.studentId(), r.schoolId(), next))));
            }
        }
        return new World(sc, seqs);
    }

    /** The events in a random order in which each key's events keep their relative order. */
    static List<Event> shuffled(List<List<Event>> sequences, Random rnd) {
        List<List<Event>> slots = new ArrayList<>();
        for (List<Event> seq : sequences) {
            for (int i = 0; i < seq.size(); i++) {
                slots.add(seq);
            }
        }
        java.util.Collections.shuffle(slots, rnd);
        Map<List<Event>, Integer> next = new HashMap<>();
        List<Event> out = new ArrayList<>(slots.size());
        for (List<Event> seq : slots) {
            int i = next.merge(seq, 1, Integer::sum) - 1;
            out.add(seq.get(i));
        }
        return out;
    }

    /** Feeds the events, reading a random school now and then (so that a stale cached answer would show). */
    static AttendanceAccumulator feed(Scenario sc, List<Event> events, Random rnd) {
        AttendanceAccumulator a = AttendanceAccumulator.of(ChronicAbsenceReferenceModelTest.YEAR, sc.definition());
        List<SchoolId> schools = new ArrayList<>(sc.source().calendars.keySet());
        for (Event e : events) {
            e.apply().accept(a);
            if (rnd.nextInt(8) == 0) {
                SchoolId school = schools.get(rnd.nextInt(schools.size()));
                AttendanceAggregate read = rnd.nextBoolean() ? a.school(school, sc.asOf()) : a.school(school);
                assertThat(read.members()).isNotNegative();
            }
        }
        return a;
    }

    /** Shards by student; each calendar or school-type event goes to a random non-empty subset of the shards. */
    static List<AttendanceAccumulator> shards(Scenario sc, List<Event> events, int n, Random rnd) {
        List<AttendanceAccumulator> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(AttendanceAccumulator.of(ChronicAbsenceReferenceModelTest.YEAR, sc.definition()));
        }
        Map<StudentId, Integer> shardOf = new HashMap<>();
        Map<String, Integer> sharedTo = new HashMap<>();
        for (Event e : events) {
            if (e.student().isPresent()) {
                e.apply().accept(out.get(shardOf.computeIfAbsent(e.student().get(), k -> rnd.nextInt(n))));
            } else {
                // every event of one calendar key goes to the same shards, so that an add and its removal meet
                int mask = sharedTo.computeIfAbsent(e.key(), k -> 1 + rnd.nextInt((1 << n) - 1));
                for (int i = 0; i < n; i++) {
                    if ((mask & 1 << i) != 0) {
                        e.apply().accept(out.get(i));
                    }
                }
            }
        }
        return out;
    }

    static void assertAgreesWithBatch(AttendanceSnapshot snap, AttendanceAccumulator acc, ChronicAbsenceReport report, Scenario sc) {
        Map<SchoolId, AttendanceAggregate> batchSchools = new LinkedHashMap<>();
        report.schools().forEach((id, s) -> batchSchools.put(id, s.enrollments()));
        assertThat(snap.schools()).isEqualTo(batchSchools);
        report.schools().forEach((id, s) -> assertThat(snap.daysInSession().getOrDefault(id, 0)).isEqualTo(s.daysInSession()));
        assertThat(snap.district()).isEqualTo(report.district());
        assertThat(snap.districtPooled()).isEqualTo(report.districtPooled());
        assertThat(snap.districtPerEnrollment()).isEqualTo(report.districtPerEnrollment());
        assertThat(snap.enrollments().stream().map(e -> List.of(e.studentId(), e.schoolId(), e.grade(), e.period(), e.figures())).toList())
                .isEqualTo(report.enrollments().stream().map(e -> List.of(e.studentId(), e.schoolId(), e.grade(), e.period(), e.figures())).toList());
        Map<StudentId, Object> batchStudents = new LinkedHashMap<>();
        report.students().forEach(st -> batchStudents.put(st.studentId(), List.of(st.grade(), st.figures())));
        Map<StudentId, Object> snapStudents = new LinkedHashMap<>();
        snap.students().forEach((id, f) -> snapStudents.put(id, List.of(snap.grades().get(id), f)));
        assertThat(snapStudents).isEqualTo(batchStudents);
        Map<Boolean, AttendanceAggregate> community = snap.groupSchoolsBy(sc.source().communitySchools::contains);
        assertThat(org.communityschools.metrics.CommunitySchoolSplit.of(community)).isEqualTo(report.byCommunitySchool());
        Map<GradeLevel, AttendanceAggregate> byGrade = sc.definition().aggregation() == Aggregation.POOLED
                ? snap.groupStudentsBy(snap.grades()::get) : snap.groupEnrollmentsBy(EnrollmentFigures::grade);
        assertThat(byGrade).isEqualTo(report.byGrade());
        // the accumulator's direct answers
        for (SchoolId school : sc.source().calendars.keySet()) {
            assertThat(acc.school(school, sc.asOf())).isEqualTo(batchSchools.getOrDefault(school, Aggregator.empty()));
        }
        assertThat(acc.schools(sc.source().communitySchools, sc.asOf())).isEqualTo(report.byCommunitySchool().communitySchools().orElse(Aggregator.empty()));
        Set<StudentId> everyone = new TreeSet<>();
        sc.source().enrollments.forEach(e -> everyone.add(e.studentId()));
        assertThat(acc.students(everyone, sc.asOf())).isEqualTo(report.district());
        assertThat(acc.district(sc.asOf())).isEqualTo(report.district());
        assertThat(acc.districtPooled(sc.asOf())).isEqualTo(report.districtPooled());
        assertThat(acc.districtPerEnrollment(sc.asOf())).isEqualTo(report.districtPerEnrollment());
    }

    @Property(tries = 400)
    void incrementalEqualsBatchEqualsMergedShardsForRandomEventOrdersAndSplits(@ForAll long seed) {
        World w = world(seed);
        Scenario sc = w.scenario();
        Random rnd = new Random(seed * 31 + 7);
        ChronicAbsenceReport report = ChronicAbsenceEngine.calculate(sc.source(), ChronicAbsenceReferenceModelTest.YEAR, sc.definition(), sc.asOf());

        AttendanceAccumulator incremental = feed(sc, shuffled(w.sequences(), rnd), rnd);
        AttendanceSnapshot snap = incremental.snapshot(sc.asOf());
        assertAgreesWithBatch(snap, incremental, report, sc);
        AttendanceSnapshot current = incremental.snapshot();
        for (SchoolId school : sc.source().calendars.keySet()) {
            assertThat(incremental.school(school)).isEqualTo(current.school(school));
        }

        List<AttendanceAccumulator> shards = shards(sc, shuffled(w.sequences(), rnd), 1 + rnd.nextInt(4), rnd);
        java.util.Collections.shuffle(shards, rnd);
        AttendanceAccumulator merged = shards.get(0).copy();
        for (AttendanceAccumulator shard : shards.subList(1, shards.size())) {
            merged.merge(shard);
        }
        assertThat(merged.snapshot(sc.asOf())).isEqualTo(snap);
        assertAgreesWithBatch(merged.snapshot(sc.asOf()), merged, report, sc);
        assertThat(merged.currentDate()).isEqualTo(incremental.currentDate());
    }

    @Property(tries = 150)
    void mergeIsCommutativeAndAssociative(@ForAll long seed) {
        World w = world(seed);
        Scenario sc = w.scenario();
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        List<AttendanceAccumulator> s = shards(sc, shuffled(w.sequences(), rnd), 3, rnd);
        AttendanceAccumulator a = s.get(0);
        AttendanceAccumulator b = s.get(1);
        AttendanceAccumulator c = s.get(2);
        LocalDate asOf = sc.asOf();

        assertThat(a.copy().merge(b).snapshot(asOf)).isEqualTo(b.copy().merge(a).snapshot(asOf));
        assertThat(a.copy().merge(b).merge(c).snapshot(asOf)).isEqualTo(a.copy().merge(b.copy().merge(c)).snapshot(asOf));
        assertThat(a.copy().merge(b).merge(c).snapshot()).isEqualTo(c.copy().merge(a).merge(b).snapshot());
        // merging leaves the argument unchanged
        AttendanceSnapshot before = b.snapshot(asOf);
        a.copy().merge(b);
        assertThat(b.snapshot(asOf)).isEqualTo(before);
    }
}
