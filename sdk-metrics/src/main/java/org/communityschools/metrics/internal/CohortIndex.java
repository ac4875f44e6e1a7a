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
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.jspecify.annotations.Nullable;

/**
 * Cohort membership as columns: the students of a {@link DistrictData} grouped by ninth-grade year (stated, else
 * derived from the earliest high-school enrollment), each group in identifier order with each student's enrollments,
 * diplomas and characteristics. Built once per district data (one pass over the students) and kept while the data is reachable, so that the ACGR of every cohort reads only its
 * own students; a live version's index is the previous one's with the changed students moved (see
 * docs/benchmarks.md). Immutable, thread-safe.
 */
public final class CohortIndex {
    private static final Map<DistrictData, CohortIndex> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<SchoolYear, Cohort> byYear;

    /**
     * The students of one cohort by identifier, with each one's enrollments (by entry date), diplomas and
     * characteristics as the district data holds them (read once here, not per report).
     */
    record Cohort(StudentId[] ids, List<Enrollment>[] enrollments, List<Diploma>[] diplomas, List<StudentCharacteristic>[] characteristics) {
        int size() {
            return ids.length;
        }
    }

    private CohortIndex(Map<SchoolYear, Cohort> byYear) {
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
        Map<SchoolYear, Cohort> byYear = new HashMap<>();
        groups.forEach((year, list) -> {
            list.sort((x, y) -> x.id().compareTo(y.id()));
            int n = list.size();
            StudentId[] ids = new StudentId[n];
            @SuppressWarnings("unchecked") List<Enrollment>[] enrollments = new List[n];
            @SuppressWarnings("unchecked") List<Diploma>[] diplomas = new List[n];
            @SuppressWarnings("unchecked") List<StudentCharacteristic>[] characteristics = new List[n];
            for (int i = 0; i < n; i++) {
                StudentId id = list.get(i).id();
                ids[i] = id;
                enrollments[i] = data.enrollmentsOf(id);
                diplomas[i] = data.diplomasOf(id);
                characteristics[i] = data.characteristicsOf(id);
            }
            byYear.put(year, new Cohort(ids, enrollments, diplomas, characteristics));
        });
        return new CohortIndex(byYear);
    }

    private static final Cohort NONE = cohort0();

    @SuppressWarnings("unchecked")
    private static Cohort cohort0() {
        return new Cohort(new StudentId[0], new List[0], new List[0], new List[0]);
    }

    /** The students whose ninth-grade year is {@code year}, by identifier (shared: do not write). */
    Cohort cohort(SchoolYear year) {
        return byYear.getOrDefault(year, NONE);
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
