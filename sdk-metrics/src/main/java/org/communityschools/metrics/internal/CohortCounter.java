package org.communityschools.metrics.internal;

import java.util.EnumMap;
import java.util.Map;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortEntry;
import org.communityschools.metrics.CohortRemoval;
import org.communityschools.metrics.CohortStatus;
import org.communityschools.metrics.NonGraduateOutcome;

/** Adds up statuses into {@link CohortCounts}. Mutable, not thread-safe. */
public final class CohortCounter {
    int firstTime;
    int transfersIn;
    final Map<CohortRemoval, Integer> removals = new EnumMap<>(CohortRemoval.class);
    final Map<DiplomaType, Integer> graduates = new EnumMap<>(DiplomaType.class);
    final Map<NonGraduateOutcome, Integer> nonGraduates = new EnumMap<>(NonGraduateOutcome.class);

    /** Adds one student's status. */
    public void add(CohortStatus s) {
        if (s.entry() == CohortEntry.FIRST_TIME_NINTH_GRADER) {
            firstTime++;
        } else {
            transfersIn++;
        }
        s.removal().ifPresent(r -> removals.merge(r, 1, Integer::sum));
        s.diploma().ifPresent(d -> graduates.merge(d, 1, Integer::sum));
        s.nonGraduate().ifPresent(o -> nonGraduates.merge(o, 1, Integer::sum));
    }

    /** The counts of the statuses added so far. */
    public CohortCounts result() {
        return new CohortCounts(firstTime, transfersIn, removals, graduates, nonGraduates);
    }
}
