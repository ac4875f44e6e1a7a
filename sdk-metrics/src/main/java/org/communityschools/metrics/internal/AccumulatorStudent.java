package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * The state of one student in an {@link AccumulatorState}: the enrollments keyed by (school, entry date) and, per
 * school, the attendance records keyed by day of the year ({@link DayRecords}). Mutable, single writer, not
 * thread-safe.
 */
final class AccumulatorStudent {
    /** The key of an enrollment of the student. */
    record EnrollmentKey(SchoolId school, LocalDate entryDate) {}

    final Map<EnrollmentKey, Enrollment> enrollments = new LinkedHashMap<>(4);
    /** The schools with records and their records, in parallel; a student has records at one or two schools. */
    SchoolId[] recordSchools = new SchoolId[1];
    DayRecords[] records = new DayRecords[1];
    int recordCount;

    /** The student's records at {@code school}, or null when there are none. */
    @Nullable DayRecords records(SchoolId school) {
        for (int i = 0; i < recordCount; i++) {
            if (recordSchools[i].equals(school)) {
                return records[i];
            }
        }
        return null;
    }

    /** The student's records at {@code school}, created empty when there are none. */
    DayRecords recordsForUpdate(SchoolId school) {
        DayRecords r = records(school);
        if (r == null) {
            if (recordCount == records.length) {
                recordSchools = Arrays.copyOf(recordSchools, recordCount * 2);
                records = Arrays.copyOf(records, recordCount * 2);
            }
            r = new DayRecords();
            recordSchools[recordCount] = school;
            records[recordCount++] = r;
        }
        return r;
    }

    /** A deep copy. */
    AccumulatorStudent copy() {
        AccumulatorStudent s = new AccumulatorStudent();
        s.enrollments.putAll(enrollments);
        s.recordSchools = recordSchools.clone();
        s.records = new DayRecords[records.length];
        for (int i = 0; i < recordCount; i++) {
            s.records[i] = records[i].copy();
        }
        s.recordCount = recordCount;
        return s;
    }
}
