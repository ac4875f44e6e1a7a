package org.communityschools.core.internal.live;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Violation;
import org.communityschools.core.internal.index.DataBridge;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.read.Assembler;
import org.communityschools.core.internal.read.Violations;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * Applies a batch of changes to a district's data, whole or not at all, with the rules of the district data
 * directory (the reader's {@link Assembler}): the incremental path ({@link Incremental}) when every change is one it
 * takes, the whole district assembled again ({@link Rebuild}) otherwise. Stateless and thread-safe.
 */
public final class Applier {
    private static final int REPORTED = 1000;

    private Applier() {}

    /**
     * The data after {@code batch}.
     *
     * @throws BatchRejectedException with every violation when the batch breaks a rule
     */
    public static Applied apply(DistrictData data, ChangeBatch batch, DataElements dataElements) {
        BatchPlan plan = new BatchPlan(batch, data);
        if (!plan.violations.isEmpty()) {
            throw new BatchRejectedException(plan.violations);
        }
        Violations violations = new Violations(REPORTED);
        Locator locator = new Locator(batch);
        Assembler assembler = new Assembler(violations, dataElements);
        boolean incremental = Incremental.takes(plan);
        DistrictData next;
        if (incremental) {
            try {
                next = Incremental.apply(data, plan, locator, assembler, violations);
            } catch (AttendanceRows.ReasonLimit e) {
                Change first = batch.changes().stream().filter(c -> c.key().file() == DataFile.ATTENDANCE).findFirst()
                        .orElse(batch.changes().get(0));
                throw new BatchRejectedException(List.of(new Violation(org.communityschools.core.data.Severity.ERROR,
                        first.origin().source(), first.origin().position(), 0, java.util.Optional.of("reason"),
                        java.util.Optional.empty(), "attendance.reason-limit", e.getMessage())));
            }
        } else {
            DistrictIndex index = Rebuild.apply(data, plan, locator, assembler);
            next = violations.errorCount() > 0 ? null : DataBridge.get().wrap(index, null);
        }
        if (violations.errorCount() > 0) {
            List<Violation> found = locator.relocate(violations.sorted());
            throw new BatchRejectedException(found);
        }
        return access(data, batch, next, incremental);
    }

    /** {@code data} assembled again in full: equal data in flat tables. */
    public static DistrictData flatten(DistrictData data, DataElements dataElements) {
        ChangeBatch none = ChangeBatch.of(List.of());
        Violations violations = new Violations(REPORTED);
        DistrictIndex index = Rebuild.apply(data, new BatchPlan(none, data), new Locator(none),
                new Assembler(violations, dataElements));
        if (violations.errorCount() > 0) {
            throw new IllegalStateException("the current version broke a rule when assembled again: "
                    + violations.sorted().get(0));
        }
        return DataBridge.get().wrap(index, null);
    }

    private static Applied access(DistrictData before, ChangeBatch batch, DistrictData after, boolean incremental) {
        Set<StudentId> students = new HashSet<>();
        Set<StaffId> staff = new HashSet<>();
        boolean everyone = false;
        for (Change c : batch.changes()) {
            List<String> k = c.key().values();
            switch (c.key().file()) {
                case STUDENTS, ENROLLMENTS -> students.add(StudentId.of(k.get(0)));
                case STUDENT_STAFF -> {
                    students.add(StudentId.of(k.get(0)));
                    staff.add(StaffId.of(k.get(1)));
                }
                case STAFF, STAFF_ASSIGNMENTS -> staff.add(StaffId.of(k.get(0)));
                case CONSENTS -> {
                    for (Object r : Records.withKey(before, c.key())) {
                        students.add(((Consent) r).studentId());
                    }
                    if (c instanceof Change.Upsert u) {
                        students.add(((Consent) u.record()).studentId());
                    }
                }
                case ORGANIZATIONS, SCHOOLS, PARTNERSHIPS, AGREEMENTS -> everyone = true;
                default -> { }
            }
        }
        return new Applied(after, Set.copyOf(students), Set.copyOf(staff), everyone, incremental);
    }

    /** The files whose changes are access facts (see {@code DistrictVersion}). */
    public static final Set<DataFile> ACCESS_FILES = java.util.EnumSet.of(DataFile.STUDENTS, DataFile.ENROLLMENTS,
            DataFile.STUDENT_STAFF, DataFile.STAFF, DataFile.STAFF_ASSIGNMENTS, DataFile.CONSENTS,
            DataFile.ORGANIZATIONS, DataFile.SCHOOLS, DataFile.PARTNERSHIPS, DataFile.AGREEMENTS);

}
