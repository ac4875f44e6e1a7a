package org.communityschools.metrics.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortEntry;
import org.communityschools.metrics.CohortRemoval;
import org.communityschools.metrics.CohortStatus;
import org.communityschools.metrics.NonGraduateOutcome;

/**
 * Cohort statuses as small ints, and their counts for many groups at once (schools, characteristics) in one
 * growable {@code int} array: a status is its entry (bit 0), its kind (removed, graduated, non-graduate: bits 1 and
 * 2) and the reason, diploma or outcome (bits 3 to 6); a group counts each of the {@value #CODES} codes. Counts are
 * sums, so tallies of several threads {@linkplain #addGroup merge}, and a change batch can remove a student's old
 * codes and add the new ones. Mutable, not thread-safe.
 */
public final class CohortTally {
    /** The number of distinct status codes. */
    public static final int CODES = 128;
    static final int REMOVED = 0;
    static final int GRADUATED = 1;
    static final int NON_GRADUATE = 2;
    private static final CohortEntry[] ENTRIES = CohortEntry.values();
    private static final CohortRemoval[] REMOVALS = CohortRemoval.values();
    private static final DiplomaType[] DIPLOMAS = DiplomaType.values();
    private static final NonGraduateOutcome[] OUTCOMES = NonGraduateOutcome.values();

    private int[] counts;
    private int groups;

    /** A tally of {@code groups} empty groups (more are added by {@link #ensure}). */
    public CohortTally(int groups) {
        this.groups = groups;
        counts = new int[Math.max(1, groups) * CODES];
    }

    /** The code of a status of {@code entry} of {@code kind} with {@code value} (the ordinal of the reason, diploma or outcome). */
    static int code(int entry, int kind, int value) {
        return entry | kind << 1 | value << 3;
    }

    /** {@code code} with another entry. */
    static int withEntry(int code, int entry) {
        return code & ~1 | entry;
    }

    static int entry(int code) {
        return code & 1;
    }

    static int kind(int code) {
        return code >>> 1 & 3;
    }

    static int value(int code) {
        return code >>> 3;
    }

    /** The status of a code. */
    public static CohortStatus status(int code) {
        CohortEntry entry = ENTRIES[entry(code)];
        return switch (kind(code)) {
            case REMOVED -> CohortStatus.removed(entry, REMOVALS[value(code)]);
            case GRADUATED -> CohortStatus.graduated(entry, DIPLOMAS[value(code)]);
            default -> CohortStatus.nonGraduate(entry, OUTCOMES[value(code)]);
        };
    }

    /** The code of a status. */
    public static int code(CohortStatus s) {
        int entry = s.entry().ordinal();
        Optional<CohortRemoval> r = s.removal();
        if (r.isPresent()) {
            return code(entry, REMOVED, r.get().ordinal());
        }
        return s.diploma().isPresent() ? code(entry, GRADUATED, s.diploma().get().ordinal())
                : code(entry, NON_GRADUATE, s.nonGraduate().orElseThrow().ordinal());
    }

    /** Makes room for groups {@code 0} to {@code group}. */
    public void ensure(int group) {
        if (group >= groups) {
            groups = group + 1;
            if (groups * CODES > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(groups, 2 * counts.length / CODES) * CODES);
            }
        }
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one status to {@code group}. */
    public void add(int group, int code, int sign) {
        counts[group * CODES + code] += sign;
    }

    /** Adds group {@code from} of {@code other} to group {@code to} of this one. */
    public void addGroup(int to, CohortTally other, int from) {
        ensure(to);
        for (int c = 0; c < CODES; c++) {
            counts[to * CODES + c] += other.counts[from * CODES + c];
        }
    }

    /** Whether {@code group} has a member. */
    public boolean isEmpty(int group) {
        for (int c = 0; c < CODES; c++) {
            if (counts[group * CODES + c] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The counts of {@code group}, equal to a {@link CohortCounter}'s over the same statuses. */
    public CohortCounts result(int group) {
        int first = 0;
        int transfers = 0;
        Map<CohortRemoval, Integer> removals = new EnumMap<>(CohortRemoval.class);
        Map<DiplomaType, Integer> graduates = new EnumMap<>(DiplomaType.class);
        Map<NonGraduateOutcome, Integer> outcomes = new EnumMap<>(NonGraduateOutcome.class);
        for (int c = 0; c < CODES; c++) {
            int n = counts[group * CODES + c];
            if (n == 0) {
                continue;
            }
            if (ENTRIES[entry(c)] == CohortEntry.FIRST_TIME_NINTH_GRADER) {
                first += n;
            } else {
                transfers += n;
            }
            switch (kind(c)) {
                case REMOVED -> removals.merge(REMOVALS[value(c)], n, Integer::sum);
                case GRADUATED -> graduates.merge(DIPLOMAS[value(c)], n, Integer::sum);
                default -> outcomes.merge(OUTCOMES[value(c)], n, Integer::sum);
            }
        }
        return new CohortCounts(first, transfers, removals, graduates, outcomes);
    }
}
