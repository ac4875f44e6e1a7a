package org.communityschools.metrics.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Student;
import org.jspecify.annotations.Nullable;

/**
 * Cohort membership as columns: the students of a {@link DistrictData} grouped by ninth-grade year (stated, else
 * derived from the earliest high-school enrollment), each group in identifier order. Built once per district data
 * (one pass over the students) and kept while the data is reachable, so that the ACGR of every cohort reads only its
 * own students; a live version's index is the previous one's with the changed students moved (see
 * docs/benchmarks.md). Immutable, thread-safe.
 */
public final class CohortIndex {
    private static final Map<DistrictData, CohortIndex> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<SchoolYear, Student[]> byYear;

    private CohortIndex(Map<SchoolYear, Student[]> byYear) {
        this.byYear = byYear;
    }

    /** The index of {@code data} (built on first use; {@code DistrictData} is immutable and compared by identity). */
    public static CohortIndex of(DistrictData data) {
        @Nullable CohortIndex ix = CACHE.get(data);
        if (ix == null) {
            ix = build(data);
            CACHE.put(data, ix);
        }
        return ix;
    }

    private static CohortIndex build(DistrictData data) {
        Map<SchoolYear, List<Student>> groups = new HashMap<>();
        for (Student s : data.students()) {
            Optional<SchoolYear> y = s.ninthGradeCohort().isPresent() ? s.ninthGradeCohort()
                    : ninthGradeYear(Optional.empty(), data.enrollmentsOf(s.id()));
            y.ifPresent(year -> groups.computeIfAbsent(year, k -> new ArrayList<>()).add(s));
        }
        Map<SchoolYear, Student[]> byYear = new HashMap<>();
        groups.forEach((year, list) -> {
            Student[] a = list.toArray(new Student[0]);
            java.util.Arrays.sort(a, (x, y) -> x.id().compareTo(y.id()));
            byYear.put(year, a);
        });
        return new CohortIndex(byYear);
    }

    /** The students whose ninth-grade year is {@code year}, by identifier (shared: do not write). */
    Student[] cohort(SchoolYear year) {
        return byYear.getOrDefault(year, new Student[0]);
    }

    /**
     * The school year a student first entered grade 9: the stated cohort, otherwise derived from the earliest
     * high-school enrollment, counting back one year per grade above 9; empty without either.
     */
    public static Optional<SchoolYear> ninthGradeYear(Optional<SchoolYear> statedCohort, List<Enrollment> enrollments) {
        if (statedCohort.isPresent()) {
            return statedCohort;
        }
        @Nullable SchoolYear earliest = null;
        for (Enrollment e : enrollments) {
            if (e.entryGrade().isHighSchool()) {
                SchoolYear y = SchoolYear.containing(e.entryDate()).plusYears(-(e.entryGrade().ordinal() - GradeLevel.G09.ordinal()));
                if (earliest == null || y.compareTo(earliest) < 0) {
                    earliest = y;
                }
            }
        }
        return Optional.ofNullable(earliest);
    }
}
