package org.communityschools.core.internal.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.data.Violation;
import org.communityschools.core.internal.read.Where;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * Gives the records an assembler re-checks a {@link Where} that names them, then moves the violations it reports to
 * the changes' origins. A record of a change gets line {@code CHANGE + i}; an existing record re-checked because of
 * the batch gets {@code EXISTING + j}. Not thread-safe.
 */
final class Locator {
    private static final long CHANGE = 1L << 50;
    private static final long EXISTING = 1L << 51;

    private final ChangeBatch batch;
    private final List<Object> existing = new ArrayList<>();

    Locator(ChangeBatch batch) {
        this.batch = batch;
    }

    /** Where the record of change {@code i} is. */
    Where change(int i) {
        return Where.at(CHANGE + i);
    }

    /** Where an existing record is; violations about it are located at a change concerning the same owner. */
    Where existing(Object record) {
        existing.add(record);
        return Where.at(EXISTING + existing.size() - 1);
    }

    /** The violations moved to the changes' origins, in the order of the changes. */
    List<Violation> relocate(List<Violation> found) {
        List<long[]> order = new ArrayList<>();
        List<Violation> out = new ArrayList<>();
        for (Violation v : found) {
            int changeIndex;
            String message = v.message();
            if (v.line() >= EXISTING) {
                Object record = existing.get((int) (v.line() - EXISTING));
                changeIndex = related(record);
                message = "the existing row " + RecordKey.of(record) + " would break a rule after this change: " + message;
            } else if (v.line() >= CHANGE) {
                changeIndex = (int) (v.line() - CHANGE);
            } else {
                changeIndex = 0;
                message = "after this batch: " + message;
            }
            ChangeOrigin o = batch.changes().get(changeIndex).origin();
            out.add(new Violation(v.severity(), o.source(), o.position(), v.column(), v.field(), v.value(), v.rule(), message));
            order.add(new long[] {changeIndex, out.size() - 1});
        }
        order.sort(Comparator.comparingLong((long[] a) -> a[0]).thenComparingLong(a -> a[1]));
        List<Violation> sorted = new ArrayList<>(out.size());
        for (long[] o : order) {
            sorted.add(out.get((int) o[1]));
        }
        return sorted;
    }

    /** The first change concerning the student or staff member of {@code record}, else the first change. */
    private int related(Object record) {
        StudentId student = Records.studentOf(record);
        StaffId staff = Records.staffOf(record);
        List<Change> changes = batch.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String s = Records.studentIdOf(c.key());
            if (student != null && Objects.equals(s, student.value())) {
                return i;
            }
            if (c instanceof Change.Upsert u) {
                if (staff != null && staff.equals(Records.staffOf(u.record()))) {
                    return i;
                }
            } else if (staff != null && (c.key().file() == org.communityschools.core.data.DataFile.STAFF
                    || c.key().file() == org.communityschools.core.data.DataFile.STAFF_ASSIGNMENTS)
                    && c.key().values().get(0).equals(staff.value())) {
                return i;
            }
        }
        return 0;
    }
}
