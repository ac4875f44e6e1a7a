package org.communityschools.privacy.scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.Rule;
import org.communityschools.privacy.policy.RowFilter;
import org.communityschools.privacy.scope.ScopeReference.Authority;
import org.communityschools.privacy.scope.ScopeReference.RefGrant;

/**
 * What a student record view must hold by docs/privacy-policy.md ("The record scope", "Periods", "Child fields") and
 * docs/privacy-view.md ("Shape", "Masks", "Row restrictions"), computed from the {@link ScopeReference}'s grants and
 * the student's records: the fields present, each record of each field of records as a {@link ViewContent} key, and
 * what is written under each authority.
 *
 * @param fields      the fields present in the JSON
 * @param records     per field of records (and the enrollment-derived directory fields), the records in scope as
 *                    {@link ViewContent} keys, sorted
 * @param inAnyScope  per field of records, every record of the student that some grant's scope covers, with and
 *                    without its dates: a disclosed record outside this set is outside scope
 * @param written     per authority, the fields written under it
 * @param counts      per authority, how many records of each field of records are written under it
 */
record ExpectedView(Set<String> fields, Map<String, List<String>> records, Map<String, Set<String>> inAnyScope,
                    Map<Authority, Set<String>> written, Map<Authority, Map<String, Integer>> counts) {
    /** Fields that no view writes yet (privacy-view.md: no source, or not derived yet). */
    static final Set<String> NEVER_WRITTEN = Set.of("contact.address", "contact.guardians", "contact.phone",
            "assessments.scores", "health.immunizations", "health.visits", "caseNotes.notes", "attendance.summary");
    static final Map<String, StudentCharacteristicType> CHARACTERISTICS = Map.of(
            "programs.englishLearner", StudentCharacteristicType.ENGLISH_LEARNER,
            "programs.fosterCare", StudentCharacteristicType.FOSTER_CARE,
            "programs.homeless", StudentCharacteristicType.HOMELESS,
            "programs.migrant", StudentCharacteristicType.MIGRANT,
            "specialEducation.disability", StudentCharacteristicType.DISABILITY,
            "specialEducation.section504", StudentCharacteristicType.SECTION_504,
            "mealEligibility.economicallyDisadvantaged", StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED);

    /**
     * Reading: "its start and its end are written only when that day itself is in scope" is read as in the scope of the
     * grant the record is disclosed under (the authority recorded for it), not of any grant of the field.
     */
    static final boolean DATES_BY_DISCLOSING_GRANT = true;

    /** The view of {@code student} for {@code requester} on {@code date}, by the reference. */
    static ExpectedView of(ScopeReference ref, DistrictData data, StaffId requester, StudentId studentId,
                           Purpose purpose, LocalDate date) {
        return of(ref, data, requester, studentId, date, ref.grants(requester, studentId, purpose, date));
    }

    /** The same, from the grants {@code ref} gave for the request. */
    static ExpectedView of(ScopeReference ref, DistrictData data, StaffId requester, StudentId studentId, LocalDate date,
                           Map<String, List<RefGrant>> grants) {
        return new Builder(ref, data, requester, studentId, date, grants).build();
    }

    private static final class Builder {
        private final ScopeReference ref;
        private final DistrictData data;
        private final StaffId requester;
        private final StudentId student;
        private final LocalDate date;
        private final Map<String, List<RefGrant>> grants;
        private final Set<String> fields = new TreeSet<>();
        private final Map<String, List<String>> records = new TreeMap<>();
        private final Map<String, Set<String>> inAnyScope = new TreeMap<>();
        private final Map<Authority, Set<String>> written = new java.util.LinkedHashMap<>();
        private final Map<Authority, Map<String, Integer>> counts = new java.util.LinkedHashMap<>();
        private final List<SchoolId> everEnrolled = new ArrayList<>();
        private final Map<String, Boolean> writable = new java.util.HashMap<>();

        Builder(ScopeReference ref, DistrictData data, StaffId requester, StudentId student, LocalDate date,
                Map<String, List<RefGrant>> grants) {
            this.ref = ref;
            this.data = data;
            this.requester = requester;
            this.student = student;
            this.date = date;
            this.grants = grants;
            for (Enrollment e : data.enrollmentsOf(student)) {
                // "a record of no school is in scope when it is at one of the schools where the student has been
                // enrolled". Reading: enrolled by the date of the decision (entry on or before it).
                if (!e.entryDate().isAfter(date) && !everEnrolled.contains(e.schoolId())) {
                    everEnrolled.add(e.schoolId());
                }
            }
        }

        /** The masks of the rules granting {@code field} (every grant's rule: a mask on any of them applies). */
        private Set<MaskTransform> masks(String field) {
            Set<MaskTransform> out = new TreeSet<>();
            for (RefGrant g : grants.getOrDefault(field, List.of())) {
                Rule r = ref.policy().rule(g.ruleId()).orElseThrow();
                r.masks().stream().filter(m -> m.field().value().equals(field)).forEach(m -> out.add(m.transform()));
            }
            return out;
        }

        private boolean restricted(String field) {
            for (RefGrant g : grants.getOrDefault(field, List.of())) {
                Rule r = ref.policy().rule(g.ruleId()).orElseThrow();
                if (r.rows().stream().anyMatch(x -> x.field().value().equals(field)
                        && x.filter() == RowFilter.DELIVERED_BY_REQUESTER)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code field} is permitted and not removed by a mask. */
        private boolean writable(String field) {
            return writable.computeIfAbsent(field, this::isWritable);
        }

        private boolean isWritable(String field) {
            return grants.containsKey(field) && !masks(field).contains(MaskTransform.REMOVE)
                    && !NEVER_WRITTEN.contains(field);
        }

        /** The first grant of {@code field} whose scope covers some day from first to last at one of the schools. */
        private Optional<RefGrant> covering(String field, List<SchoolId> schools, LocalDate first, LocalDate last) {
            for (RefGrant g : grants.getOrDefault(field, List.of())) {
                for (SchoolId s : schools) {
                    if (g.scope().coversAny(s, first, last)) {
                        return Optional.of(g);
                    }
                }
            }
            return Optional.empty();
        }

        private boolean dayShown(String field, RefGrant g, List<SchoolId> schools, LocalDate day) {
            List<RefGrant> which = DATES_BY_DISCLOSING_GRANT ? List.of(g) : grants.getOrDefault(field, List.of());
            return which.stream().anyMatch(x -> schools.stream().anyMatch(s -> x.scope().covers(s, day)));
        }

        private void write(String field, Authority a, boolean record) {
            fields.add(field);
            written.computeIfAbsent(a, k -> new TreeSet<>()).add(field);
            if (record) {
                counts.computeIfAbsent(a, k -> new TreeMap<>()).merge(field, 1, Integer::sum);
            }
        }

        private void record(String field, String key) {
            records.computeIfAbsent(field, k -> new ArrayList<>()).add(key);
        }

        private void inScope(String field, String... keys) {
            Set<String> set = inAnyScope.computeIfAbsent(field, k -> new TreeSet<>());
            for (String k : keys) {
                set.add(k);
            }
        }

        ExpectedView build() {
            Student s = data.students().stream().filter(x -> x.id().equals(student)).findFirst().orElse(null);
            if (s != null) {
                studentFields(s);
                attendance();
                incidents();
                marks();
                diplomas();
                participation();
                enrollments();
                characteristics();
            }
            records.forEach((f, l) -> {
                if (!f.equals("directory.school")) {
                    l.sort(Comparator.naturalOrder());
                }
            });
            return new ExpectedView(fields, records, inAnyScope, written, counts);
        }

        private void studentFields(Student s) {
            for (String f : List.of("identity.studentId", "identity.name", "demographics.birthDate", "demographics.sex",
                    "demographics.raceEthnicity", "coursework.cohort")) {
                if (writable(f) && (!f.equals("coursework.cohort") || s.ninthGradeCohort().isPresent())) {
                    write(f, grants.get(f).get(0).authority(), false);
                }
            }
        }

        private void attendance() {
            for (AttendanceRecord r : data.attendance().recordsOf(student)) {
                String key = r.schoolId().value() + "|" + r.date();
                Optional<RefGrant> g = writable("attendance.records")
                        ? covering("attendance.records", List.of(r.schoolId()), r.date(), r.date()) : Optional.empty();
                if (g.isEmpty()) {
                    continue;
                }
                inScope("attendance.records", key, key + "|reason");
                write("attendance.records", g.get().authority(), true);
                Optional<RefGrant> reason = r.reason().isPresent() && writable("attendance.records.reason")
                        ? covering("attendance.records.reason", List.of(r.schoolId()), r.date(), r.date()) : Optional.empty();
                reason.ifPresent(x -> write("attendance.records.reason", x.authority(), true));
                record("attendance.records", key + (reason.isPresent() ? "|reason" : ""));
            }
        }

        private void incidents() {
            for (BehaviorIncident r : data.incidentsOf(student)) {
                List<SchoolId> at = List.of(r.schoolId());
                Optional<RefGrant> g = writable("behavior.incidents")
                        ? covering("behavior.incidents", at, r.date(), r.date()) : Optional.empty();
                if (g.isEmpty()) {
                    continue;
                }
                write("behavior.incidents", g.get().authority(), true);
                StringBuilder key = new StringBuilder(r.incidentId().value());
                inScope("behavior.incidents", key.toString(), key + "|action", key + "|description",
                        key + "|action|description");
                Optional<RefGrant> action = writable("behavior.incidents.action")
                        ? covering("behavior.incidents.action", at, r.date(), r.date()) : Optional.empty();
                action.ifPresent(x -> {
                    write("behavior.incidents.action", x.authority(), true);
                    key.append("|action");
                });
                Optional<RefGrant> description = r.description().isPresent() && writable("behavior.incidents.description")
                        ? covering("behavior.incidents.description", at, r.date(), r.date()) : Optional.empty();
                description.ifPresent(x -> {
                    write("behavior.incidents.description", x.authority(), true);
                    key.append("|description");
                });
                record("behavior.incidents", key.toString());
            }
        }

        private void marks() {
            for (CourseMark m : data.courseMarksOf(student)) {
                Optional<RefGrant> g = writable("coursework.marks") ? covering("coursework.marks", List.of(m.schoolId()),
                        m.schoolYear().firstDay(), m.schoolYear().lastDay()) : Optional.empty();
                String key = m.schoolId().value() + "|" + m.schoolYear().label() + "|" + m.term() + "|" + m.courseCode();
                if (g.isPresent()) {
                    inScope("coursework.marks", key);
                    write("coursework.marks", g.get().authority(), true);
                    record("coursework.marks", key);
                }
            }
        }

        private void diplomas() {
            for (Diploma x : data.diplomasOf(student)) {
                Optional<RefGrant> g = writable("coursework.diplomas")
                        ? covering("coursework.diplomas", List.of(x.schoolId()), x.awardDate(), x.awardDate()) : Optional.empty();
                String key = x.schoolId().value() + "|" + x.awardDate();
                if (g.isPresent()) {
                    inScope("coursework.diplomas", key);
                    write("coursework.diplomas", g.get().authority(), true);
                    record("coursework.diplomas", key);
                }
            }
        }

        /** Keys of a period record: the dates shown of it, then its own id; every combination is within scope. */
        private String period(String field, RefGrant g, List<SchoolId> at, LocalDate start, Optional<LocalDate> last,
                              String prefix) {
            boolean startShown = dayShown(field, g, at, start);
            boolean endShown = last.isPresent() && dayShown(field, g, at, last.get());
            String key = prefix + "start=" + (startShown ? start : "-") + "|end=" + (endShown ? last.get() : "-");
            String hidden = prefix + "start=-|end=-";
            inScope(field, hidden, prefix + "start=" + start + "|end=-",
                    prefix + "start=-|end=" + last.map(LocalDate::toString).orElse("-"),
                    prefix + "start=" + start + "|end=" + last.map(LocalDate::toString).orElse("-"));
            return key;
        }

        private void participation() {
            String field = "interventions.participation";
            for (InterventionParticipant p : data.participantsOf(student)) {
                if (!writable(field) || restricted(field) && !p.staffId().map(requester::equals).orElse(false)) {
                    continue;
                }
                Intervention i = data.intervention(p.interventionId()).orElseThrow();
                List<SchoolId> at = List.of(i.schoolId());
                Optional<LocalDate> last = p.period().lastDay();
                Optional<RefGrant> g = covering(field, at, p.period().start(), last.orElse(ScopeReference.END));
                if (g.isEmpty()) {
                    continue;
                }
                write(field, g.get().authority(), true);
                String key = period(field, g.get(), at, p.period().start(), last, p.interventionId().value() + "|");
                Optional<RefGrant> goal = p.goal().isPresent() && writable(field + ".goal")
                        ? covering(field + ".goal", at, p.period().start(), last.orElse(ScopeReference.END)) : Optional.empty();
                goal.ifPresent(x -> write(field + ".goal", x.authority(), true));
                Set<String> any = inAnyScope.get(field);
                new ArrayList<>(any).forEach(k -> any.add(k + "|goal"));
                record(field, key + (goal.isPresent() ? "|goal" : ""));
            }
        }

        private void enrollments() {
            List<Enrollment> mine = new ArrayList<>(data.enrollmentsOf(student));
            mine.sort(Comparator.comparing(Enrollment::entryDate));
            List<String> schools = new ArrayList<>();
            Enrollment latest = null;
            for (Enrollment e : mine) {
                List<SchoolId> at = List.of(e.schoolId());
                LocalDate last = e.exitWithdrawDate().orElse(ScopeReference.END);
                Optional<RefGrant> school = writable("directory.school")
                        ? covering("directory.school", at, e.entryDate(), last) : Optional.empty();
                if (school.isPresent()) {
                    write("directory.school", school.get().authority(), true);
                    if (!schools.contains(e.schoolId().value())) {
                        schools.add(e.schoolId().value());
                    }
                }
                Optional<RefGrant> grade = writable("directory.gradeLevel")
                        ? covering("directory.gradeLevel", at, e.entryDate(), last) : Optional.empty();
                if (grade.isPresent()) {
                    write("directory.gradeLevel", grade.get().authority(), true);
                    latest = e;
                }
                Optional<RefGrant> dates = writable("directory.enrollmentDates")
                        ? covering("directory.enrollmentDates", at, e.entryDate(), last) : Optional.empty();
                if (dates.isPresent()) {
                    write("directory.enrollmentDates", dates.get().authority(), true);
                    record("directory.enrollmentDates", period("directory.enrollmentDates", dates.get(), at,
                            e.entryDate(), e.exitWithdrawDate(), ""));
                }
                if (e.exitWithdrawDate().isPresent()) {
                    LocalDate exit = e.exitWithdrawDate().get();
                    Optional<RefGrant> type = writable("directory.exitWithdrawType")
                            ? covering("directory.exitWithdrawType", at, exit, exit) : Optional.empty();
                    String key = exit + "|" + e.exitWithdrawType().orElseThrow() + "|" + e.exitDocumented();
                    if (type.isPresent()) {
                        inScope("directory.exitWithdrawType", key);
                        write("directory.exitWithdrawType", type.get().authority(), true);
                        record("directory.exitWithdrawType", key);
                    }
                }
            }
            if (!schools.isEmpty()) {
                records.put("directory.school", schools);
            }
            if (latest != null) {
                records.put("directory.gradeLevel", new ArrayList<>(List.of(latest.entryGrade().code())));
            }
        }

        private void characteristics() {
            for (Map.Entry<String, StudentCharacteristicType> c : new TreeMap<>(CHARACTERISTICS).entrySet()) {
                String field = c.getKey();
                if (!writable(field) || everEnrolled.isEmpty()) {
                    continue;
                }
                for (StudentCharacteristic x : data.characteristicsOf(student)) {
                    if (x.characteristic() != c.getValue()) {
                        continue;
                    }
                    DateRange p = x.period();
                    Optional<RefGrant> g = covering(field, everEnrolled, p.start(), p.lastDay().orElse(ScopeReference.END));
                    if (g.isPresent()) {
                        write(field, g.get().authority(), true);
                        record(field, period(field, g.get(), everEnrolled, p.start(), p.lastDay(), ""));
                    }
                }
            }
        }
    }
}
