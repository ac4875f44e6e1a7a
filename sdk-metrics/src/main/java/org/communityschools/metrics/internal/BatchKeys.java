package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.List;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * What the live chronic-absence structures read of a change batch's keys, parsed once per batch (identifiers and
 * dates out of the keys' text) and read by each as-of date the batch moves ({@link LiveColumns#touched}): per change,
 * in batch order, its kind, the student or school it names and, for attendance and instructional days, its date.
 * Immutable, thread-safe.
 */
public final class BatchKeys {
    /** An attendance row: touches its student when its day is counted. */
    static final byte ATTENDANCE = 1;
    /** An enrollment, characteristic or student record: touches its student. */
    static final byte STUDENT = 2;
    /** An instructional day: changes its school's calendar when in the year. */
    static final byte CALENDAR = 3;
    /** A school record: touches its school, and may change community-school statuses. */
    static final byte SCHOOL = 4;
    /** A partnership or organization: may change community-school statuses. */
    static final byte PARTNERS = 5;

    final byte[] kind;
    final @Nullable Object[] id;
    final long[] day;

    private BatchKeys(byte[] kind, @Nullable Object[] id, long[] day) {
        this.kind = kind;
        this.id = id;
        this.day = day;
    }

    /**
     * The keys of {@code batch}, parsed.
     *
     * @param batch the batch
     * @return its keys
     */
    public static BatchKeys of(ChangeBatch batch) {
        List<Change> changes = batch.changes();
        int n = changes.size();
        byte[] kind = new byte[n];
        Object[] id = new Object[n];
        long[] day = new long[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            List<String> k = c.key().values();
            switch (c.key().file()) {
                case ATTENDANCE -> {
                    kind[i] = ATTENDANCE;
                    id[i] = StudentId.of(k.get(0));
                    day[i] = LocalDate.parse(k.get(2)).toEpochDay();
                }
                case ENROLLMENTS, STUDENT_CHARACTERISTICS, STUDENTS -> {
                    kind[i] = STUDENT;
                    id[i] = StudentId.of(k.get(0));
                }
                case CALENDAR -> {
                    kind[i] = CALENDAR;
                    id[i] = SchoolId.of(k.get(0));
                    day[i] = LocalDate.parse(k.get(1)).toEpochDay();
                }
                case SCHOOLS -> {
                    kind[i] = SCHOOL;
                    id[i] = SchoolId.of(k.get(0));
                }
                case PARTNERSHIPS, ORGANIZATIONS -> kind[i] = PARTNERS;
                default -> { }
            }
        }
        return new BatchKeys(kind, id, day);
    }

    /** The number of changes. */
    int size() {
        return kind.length;
    }
}
