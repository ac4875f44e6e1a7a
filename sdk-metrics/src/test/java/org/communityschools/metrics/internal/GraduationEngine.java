package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortEntry;
import org.communityschools.metrics.CohortMember;
import org.communityschools.metrics.CohortRemoval;
import org.communityschools.metrics.CohortStatus;
import org.communityschools.metrics.GraduationCohortDefinition;
import org.communityschools.metrics.GraduationCohortReport;
import org.communityschools.metrics.NonGraduateOutcome;
import org.communityschools.metrics.SchoolDays;
import org.communityschools.metrics.StudentHistory;

/**
 * The adjusted cohort graduation rate calculation (34 CFR 200.19(b)) as it was before the columnar path, per-student
 * histories with streams and maps: the oracle of {@link ColumnarGraduationOracleTest}. Stateless.
 */
public final class GraduationEngine {
    private GraduationEngine() {}

    /** The report for the cohort that entered grade 9 in {@code ninthGradeYear}. */
    public static GraduationCohortReport calculate(GraduationCohortDefinition def, SchoolYear ninthGradeYear,
                                                   Collection<StudentHistory> students, SchoolDays days) {
        LocalDate cutoff = def.cutoffDate(ninthGradeYear);
        DateRange cohortPeriod = DateRange.closed(ninthGradeYear.firstDay(), cutoff);
        List<CohortMember> members = new ArrayList<>();
        for (StudentHistory h : students) {
            if (!h.ninthGradeYear().equals(Optional.of(ninthGradeYear))) {
                continue;
            }
            member(def, ninthGradeYear, cutoff, cohortPeriod, h, days).ifPresent(members::add);
        }
        members.sort(Comparator.comparing(CohortMember::studentId));
        CohortCounter district = new CohortCounter();
        Map<SchoolId, CohortCounter> schools = new TreeMap<>();
        Map<StudentCharacteristicType, CohortCounter> byCharacteristic = new TreeMap<>();
        for (CohortMember m : members) {
            district.add(m.district());
            m.schools().forEach((s, st) -> schools.computeIfAbsent(s, k -> new CohortCounter()).add(st));
            for (StudentCharacteristicType c : m.characteristics()) {
                byCharacteristic.computeIfAbsent(c, k -> new CohortCounter()).add(m.district());
            }
        }
        Map<SchoolId, CohortCounts> schoolCounts = new LinkedHashMap<>();
        schools.forEach((s, c) -> schoolCounts.put(s, c.result()));
        Map<StudentCharacteristicType, CohortCounts> characteristicCounts = new EnumMap<>(StudentCharacteristicType.class);
        byCharacteristic.forEach((s, c) -> characteristicCounts.put(s, c.result()));
        return new GraduationCohortReport(def, ninthGradeYear, cutoff, district.result(), schoolCounts, characteristicCounts, members);
    }

    static Optional<CohortMember> member(GraduationCohortDefinition def, SchoolYear ninthGradeYear, LocalDate cutoff,
                                         DateRange cohortPeriod, StudentHistory h, SchoolDays days) {
        List<Enrollment> hs = h.enrollments().stream()
                .filter(e -> e.entryGrade().isHighSchool() && !e.entryDate().isAfter(cutoff)).toList();
        if (hs.isEmpty()) {
            return Optional.empty();
        }
        Enrollment first = hs.get(0);
        Enrollment last = hs.get(hs.size() - 1);
        // first-time ninth graders are those enrolled by the fall membership date; later entrants are transfers in
        CohortEntry districtEntry = first.entryDate().isAfter(def.fallMembershipDate(ninthGradeYear))
                ? CohortEntry.TRANSFER_IN : CohortEntry.FIRST_TIME_NINTH_GRADER;
        Optional<Diploma> diploma = h.diplomas().stream()
                .filter(d -> def.counts(d.diplomaType()) && !d.awardDate().isAfter(cutoff))
                .min(Comparator.comparing(Diploma::awardDate).thenComparing(Diploma::diplomaType));
        boolean enrolledOnCutoff = h.enrollments().stream().anyMatch(e -> e.entryGrade().isHighSchool() && e.isEnrolledOn(cutoff));
        SchoolYear lastYear = ninthGradeYear.plusYears(def.years() - 1);
        boolean stillEnrolled = enrolledOnCutoff
                || h.enrollments().stream().anyMatch(e -> e.entryGrade().isHighSchool() && e.entryDate().isAfter(cutoff))
                || (last.exitWithdrawType().equals(Optional.of(ExitWithdrawType.END_OF_YEAR))
                    && SchoolYear.containing(last.exitWithdrawDate().orElseThrow()).equals(lastYear));

        // a documented exit followed by a new enrollment in the district (after the cut-off, or the last enrollment
        // would be that one): not a removal from the district's cohort, and the student stays in the cohort of the
        // last school of the window, so that the schools' cohorts still add up to the district's
        boolean movedWithinDistrict = !enrolledOnCutoff && removal(last).isPresent() && reenrolledInDistrict(h, last);
        CohortStatus district;
        if (diploma.isPresent()) {
            district = CohortStatus.graduated(districtEntry, diploma.get().diplomaType());
        } else if (!enrolledOnCutoff && removal(last).isPresent() && !movedWithinDistrict) {
            district = CohortStatus.removed(districtEntry, removal(last).get());
        } else {
            district = CohortStatus.nonGraduate(districtEntry, outcome(def, h, last, stillEnrolled, cutoff));
        }

        Map<SchoolId, CohortStatus> schools = new LinkedHashMap<>();
        Map<SchoolId, Enrollment> lastAt = new LinkedHashMap<>();
        Map<SchoolId, Integer> daysAt = new LinkedHashMap<>();
        for (Enrollment e : hs) {
            lastAt.put(e.schoolId(), e);
            LocalDate end = e.exitWithdrawDate().filter(x -> x.isBefore(cutoff)).orElse(cutoff);
            daysAt.merge(e.schoolId(), days.count(e.schoolId(), DateRange.closed(e.entryDate(), end)), Integer::sum);
        }
        for (Map.Entry<SchoolId, Enrollment> at : lastAt.entrySet()) {
            SchoolId school = at.getKey();
            Enrollment lastS = at.getValue();
            CohortEntry entry = school.equals(first.schoolId()) ? districtEntry : CohortEntry.TRANSFER_IN;
            CohortStatus status;
            if (lastS == last) {
                status = withEntry(district, entry);
            } else if (removal(lastS).isPresent()) {
                status = CohortStatus.removed(entry, removal(lastS).get());
            } else if (def.laterEnrollmentConfirmsTransfer() && enrolledElsewhereLater(hs, lastS)) {
                status = CohortStatus.removed(entry, CohortRemoval.TRANSFERRED_OUT);
            } else if (diploma.isPresent()) {
                status = CohortStatus.graduated(entry, diploma.get().diplomaType());
            } else if (district.nonGraduate().isPresent()) {
                status = CohortStatus.nonGraduate(entry, district.nonGraduate().get());
            } else {
                status = CohortStatus.nonGraduate(entry, outcome(def, h, lastS, false, cutoff));
            }
            schools.put(school, status);
        }

        if (def.attribution() == GraduationCohortDefinition.Attribution.MOST_DAYS
                && district.nonGraduate().isPresent() && district.nonGraduate().get() != NonGraduateOutcome.STILL_ENROLLED
                && daysAt.get(last.schoolId()) < def.halfYearDays()) {
            SchoolId most = last.schoolId();
            for (Map.Entry<SchoolId, Integer> d : daysAt.entrySet()) {
                // the most days; on a tie, the school attended more recently
                if (d.getValue() > daysAt.get(most) || (d.getValue().equals(daysAt.get(most)) && lastAt.get(d.getKey()).entryDate().isAfter(lastAt.get(most).entryDate()))) {
                    most = d.getKey();
                }
            }
            if (!most.equals(last.schoolId())) {
                schools.put(last.schoolId(), CohortStatus.removed(schools.get(last.schoolId()).entry(), CohortRemoval.ATTRIBUTED_TO_ANOTHER_SCHOOL));
                schools.put(most, CohortStatus.nonGraduate(schools.get(most).entry(), district.nonGraduate().get()));
            }
        }

        Set<StudentCharacteristicType> characteristics = EnumSet.noneOf(StudentCharacteristicType.class);
        for (StudentCharacteristic c : h.characteristics()) {
            if (c.period().overlaps(cohortPeriod)) {
                characteristics.add(c.characteristic());
            }
        }
        return Optional.of(new CohortMember(h.studentId(), district, schools, characteristics));
    }

    /**
     * Whether the student enrolled in the district again after leaving with {@code exit}, at any date (also after the
     * cut-off): then the exit, documented or not, was a move within the district, which never removes the student
     * from the district's cohort (34 CFR 200.19(b)(1)(ii) removes only students who leave for another school
     * system, emigrate or die).
     */
    private static boolean reenrolledInDistrict(StudentHistory h, Enrollment exit) {
        Optional<LocalDate> left = exit.exitWithdrawDate();
        return left.isPresent() && h.enrollments().stream().anyMatch(e -> e != exit && !e.entryDate().isBefore(left.get()));
    }

    /** Whether the student enrolled at another school of the district after leaving {@code left}. */
    private static boolean enrolledElsewhereLater(List<Enrollment> hs, Enrollment left) {
        for (Enrollment e : hs) {
            if (!e.schoolId().equals(left.schoolId()) && left.exitWithdrawDate().isPresent()
                    && e.entryDate().isAfter(left.exitWithdrawDate().get())) {
                return true;
            }
        }
        return false;
    }

    private static CohortStatus withEntry(CohortStatus s, CohortEntry entry) {
        return new CohortStatus(entry, s.removal(), s.diploma(), s.nonGraduate());
    }

    /** The removal an exit makes: a documented transfer, emigration or death (34 CFR 200.19(b)(1)(ii)). */
    static Optional<CohortRemoval> removal(Enrollment e) {
        if (!e.exitDocumented() || e.exitWithdrawType().isEmpty()) {
            return Optional.empty();
        }
        return switch (e.exitWithdrawType().get()) {
            case TRANSFERRED -> Optional.of(CohortRemoval.TRANSFERRED_OUT);
            case EMIGRATED -> Optional.of(CohortRemoval.EMIGRATED);
            case DIED -> Optional.of(CohortRemoval.DIED);
            default -> Optional.empty();
        };
    }

    static NonGraduateOutcome outcome(GraduationCohortDefinition def, StudentHistory h, Enrollment exit, boolean stillEnrolled, LocalDate cutoff) {
        if (stillEnrolled) {
            return NonGraduateOutcome.STILL_ENROLLED;
        }
        Optional<ExitWithdrawType> type = exit.exitWithdrawType();
        boolean hse = h.diplomas().stream().anyMatch(d -> d.diplomaType() == DiplomaType.HSE && !d.awardDate().isAfter(cutoff));
        if (hse || type.equals(Optional.of(ExitWithdrawType.GED_PROGRAM))) {
            return NonGraduateOutcome.GED;
        }
        boolean credential = h.diplomas().stream()
                .anyMatch(d -> d.diplomaType() != DiplomaType.HSE && !def.counts(d.diplomaType()) && !d.awardDate().isAfter(cutoff));
        if (credential) {
            return NonGraduateOutcome.NON_DIPLOMA_CREDENTIAL;
        }
        if (type.isEmpty()) {
            return NonGraduateOutcome.OTHER;
        }
        return switch (type.get()) {
            case DROPPED_OUT, EXPELLED -> NonGraduateOutcome.DROPPED_OUT;
            case TRANSFERRED, EMIGRATED, DIED -> NonGraduateOutcome.UNDOCUMENTED_EXIT;
            default -> NonGraduateOutcome.OTHER;
        };
    }
}
