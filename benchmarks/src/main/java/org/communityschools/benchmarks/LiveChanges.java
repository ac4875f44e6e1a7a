package org.communityschools.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StudentId;

/**
 * The changes the live benchmarks apply, made once from the loaded district (untimed) and applied in a cycle:
 * <ul>
 *   <li>attendance batches: 1,000 absences each, on enrolled instructional days that have no row yet, one per student;</li>
 *   <li>mixed batches of 1,000 changes: 700 such absences, 100 course marks sent again, 40 new incidents and the
 *       delete of the 40 the previous batch added, 50 enrollments and 50 staff assignments sent again (as a feed that
 *       sends whole resources does), 20 consents revoked or restored.</li>
 * </ul>
 * Every batch is valid after the previous one, and the cycle is valid after {@link #mixedSetup()}: the SDK checks
 * every change with the directory's rules, the DuckDB peer applies the same changes as SQL.
 */
final class LiveChanges {
    static final int BATCH = 1000;
    private static final int MIXED_ABSENCES = 700;
    private static final int MARKS = 100;
    private static final int INCIDENTS = 40;
    private static final int ENROLLMENTS = 50;
    private static final int ASSIGNMENTS = 50;
    private static final int CONSENTS = 20;

    final List<ChangeBatch> attendance = new ArrayList<>();
    final List<ChangeBatch> mixed = new ArrayList<>();
    private final List<List<BehaviorIncident>> incidentsOf = new ArrayList<>();

    private LiveChanges() {}

    /** Up to {@code batches} attendance batches and as many mixed batches (at least one of each). */
    static LiveChanges of(DistrictData data, int batches) {
        LiveChanges c = new LiveChanges();
        List<AttendanceRecord> events = absences(data, batches * BATCH);
        for (int b = 0; (b + 1) * BATCH <= events.size(); b++) {
            ChangeBatch.Builder builder = ChangeBatch.builder();
            events.subList(b * BATCH, (b + 1) * BATCH).forEach(builder::upsert);
            c.attendance.add(builder.build());
        }
        if (c.attendance.isEmpty()) {
            throw new IllegalStateException("no free instructional day to record attendance on");
        }
        List<CourseMark> marks = data.courseMarks();
        List<BehaviorIncident> incidents = data.behaviorIncidents();
        List<Enrollment> enrollments = data.enrollments();
        List<StaffAssignment> assignments = data.staffAssignments();
        List<Consent> consents = data.consents().stream().filter(x -> x.revokedDate().isEmpty()).toList();
        if (marks.isEmpty() || incidents.isEmpty() || assignments.isEmpty() || consents.isEmpty()) {
            throw new IllegalStateException("the district lacks marks, incidents, assignments or consents for mixed changes");
        }
        int mixedBatches = Math.max(1, Math.min(batches, events.size() / MIXED_ABSENCES));
        for (int b = 0; b < mixedBatches; b++) {
            List<BehaviorIncident> added = new ArrayList<>();
            for (int i = 0; i < INCIDENTS; i++) {
                BehaviorIncident x = incidents.get((b * INCIDENTS + i) % incidents.size());
                added.add(new BehaviorIncident(IncidentId.of("LIVE-" + b + "-" + i), x.studentId(), x.schoolId(), x.date(),
                        x.behavior(), x.description(), x.action(), x.actionDays()));
            }
            c.incidentsOf.add(added);
        }
        for (int b = 0; b < mixedBatches; b++) {
            ChangeBatch.Builder builder = ChangeBatch.builder();
            for (int i = 0; i < MIXED_ABSENCES; i++) {
                builder.upsert(events.get((b * MIXED_ABSENCES + i) % events.size()));
            }
            for (int i = 0; i < MARKS; i++) {
                builder.upsert(marks.get((b * MARKS + i) % marks.size()));
            }
            c.incidentsOf.get(b).forEach(builder::upsert);
            for (BehaviorIncident x : c.incidentsOf.get(Math.floorMod(b - 1, mixedBatches))) {
                if (mixedBatches > 1) {
                    builder.deleteRecordOf(x);
                }
            }
            for (int i = 0; i < ENROLLMENTS; i++) {
                builder.upsert(enrollments.get((b * ENROLLMENTS + i) % enrollments.size()));
            }
            for (int i = 0; i < ASSIGNMENTS; i++) {
                builder.upsert(assignments.get((b * ASSIGNMENTS + i) % assignments.size()));
            }
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < CONSENTS; i++) {
                Consent x = consents.get((b * CONSENTS + i) % consents.size());
                if (seen.add(x.id())) {
                    builder.upsert(b % 2 == 0 ? revoked(x, x.signedDate()) : x);
                }
            }
            c.mixed.add(builder.build());
        }
        return c;
    }

    /** The batch to apply before the mixed cycle: the incidents that the first mixed batch deletes. */
    ChangeBatch mixedSetup() {
        ChangeBatch.Builder builder = ChangeBatch.builder();
        if (incidentsOf.size() > 1) {
            incidentsOf.get(incidentsOf.size() - 1).forEach(builder::upsert);
        }
        return builder.build();
    }

    static Consent revoked(Consent c, LocalDate on) {
        return new Consent(c.id(), c.studentId(), c.grantor(), c.recipientId(), c.purpose(), c.categories(),
                c.signedDate(), c.authentication(), Optional.of(on));
    }

    /** Absences on enrolled instructional days with no row yet, one per student, in student order. */
    private static List<AttendanceRecord> absences(DistrictData data, int max) {
        List<AttendanceRecord> out = new ArrayList<>();
        for (int s = 0; s < data.students().size() && out.size() < max; s++) {
            StudentId id = data.studentAt(s);
            for (Enrollment e : data.enrollmentsOf(id)) {
                Set<LocalDate> taken = new HashSet<>();
                data.attendance().recordsOf(id, e.schoolId()).forEach(r -> taken.add(r.date()));
                Optional<LocalDate> free = data.calendar(e.schoolId()).days().stream()
                        .filter(d -> e.isEnrolledOn(d) && !taken.contains(d)).findFirst();
                if (free.isPresent()) {
                    out.add(new AttendanceRecord(id, e.schoolId(), free.get(), AttendanceCategory.UNEXCUSED_ABSENCE,
                            DayShare.ofTenThousandths(10_000), Optional.empty()));
                    break;
                }
            }
        }
        return out;
    }
}
