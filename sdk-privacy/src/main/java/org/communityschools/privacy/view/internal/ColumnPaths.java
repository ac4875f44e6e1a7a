package org.communityschools.privacy.view.internal;

import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;

/**
 * The property filters of the domain records a requester may receive: for each record type, its filter id (the data
 * directory file), the field that must be permitted for any of it to be written, and for each JSON property (the
 * directory column, as written by {@code CommunitySchoolsJson}) the catalog field it discloses. A type or a property
 * missing here writes nothing. Immutable and thread-safe.
 */
public final class ColumnPaths {
    /**
     * One record type's filter.
     *
     * @param id       the filter id, the data directory file name without extension
     * @param primary  the field that must be permitted for the record to be written at all, or empty when each
     *                 property stands alone
     * @param columns  JSON property to catalog path
     */
    public record Filter(String id, Optional<String> primary, Map<String, String> columns) {}

    private static final String SID = "identity.studentId";

    private static final Map<Class<?>, Filter> FILTERS = Map.of(
            Student.class, new Filter("students", Optional.empty(), Map.of(
                    "student_id", SID, "first_name", "identity.name", "last_name", "identity.name",
                    "birth_date", "demographics.birthDate", "sex", "demographics.sex",
                    "race_ethnicity", "demographics.raceEthnicity", "ninth_grade_cohort", "coursework.cohort")),
            Enrollment.class, new Filter("enrollments", Optional.empty(), Map.of(
                    "student_id", SID, "school_id", "directory.school", "entry_date", "directory.enrollmentDates",
                    "exit_date", "directory.enrollmentDates", "entry_grade", "directory.gradeLevel",
                    "exit_type", "directory.exitWithdrawType", "exit_documented", "directory.exitWithdrawType")),
            AttendanceRecord.class, new Filter("attendance", Optional.of("attendance.records"), Map.of(
                    "student_id", SID, "school_id", "attendance.records", "date", "attendance.records",
                    "category", "attendance.records", "duration", "attendance.records",
                    "reason", "attendance.records.reason")),
            BehaviorIncident.class, new Filter("behavior", Optional.of("behavior.incidents"), Map.of(
                    "incident_id", "behavior.incidents", "student_id", SID, "school_id", "behavior.incidents",
                    "date", "behavior.incidents", "behavior", "behavior.incidents",
                    "description", "behavior.incidents.description", "action", "behavior.incidents.action",
                    "action_days", "behavior.incidents.action")),
            CourseMark.class, new Filter("course_marks", Optional.of("coursework.marks"), Map.ofEntries(
                    Map.entry("student_id", SID), Map.entry("school_id", "coursework.marks"),
                    Map.entry("school_year", "coursework.marks"), Map.entry("term", "coursework.marks"),
                    Map.entry("course_code", "coursework.marks"), Map.entry("course_title", "coursework.marks"),
                    Map.entry("subject", "coursework.marks"), Map.entry("numeric_mark", "coursework.marks"),
                    Map.entry("letter_mark", "coursework.marks"), Map.entry("result", "coursework.marks"),
                    Map.entry("credits_attempted", "coursework.marks"),
                    Map.entry("credits_earned", "coursework.marks"))),
            Diploma.class, new Filter("diplomas", Optional.of("coursework.diplomas"), Map.of(
                    "student_id", SID, "school_id", "coursework.diplomas", "award_date", "coursework.diplomas",
                    "diploma_type", "coursework.diplomas")),
            InterventionParticipant.class, new Filter("intervention_participants",
                    Optional.of("interventions.participation"), Map.of(
                    "intervention_id", "interventions.participation", "student_id", SID,
                    "staff_id", "interventions.participation", "begin_date", "interventions.participation",
                    "end_date", "interventions.participation", "goal", "interventions.participation.goal",
                    "status", "interventions.participation")));

    private static final Map<String, String> CHARACTERISTIC_FIELD = Map.of(
            "ENGLISH_LEARNER", "programs.englishLearner", "HOMELESS", "programs.homeless",
            "FOSTER_CARE", "programs.fosterCare", "MIGRANT", "programs.migrant",
            "DISABILITY", "specialEducation.disability", "SECTION_504", "specialEducation.section504",
            "ECONOMICALLY_DISADVANTAGED", "mealEligibility.economicallyDisadvantaged");

    private ColumnPaths() {}

    /** The filter of this record's type; empty for a type no filter covers (the record then writes nothing). */
    public static Optional<Filter> filterOf(Object record) {
        if (record instanceof StudentCharacteristic c) {
            String field = CHARACTERISTIC_FIELD.get(c.characteristic().name());
            if (field == null) {
                return Optional.empty();
            }
            return Optional.of(new Filter("student_characteristics", Optional.of(field), Map.of("student_id", SID,
                    "characteristic", field, "begin_date", field, "end_date", field)));
        }
        return Optional.ofNullable(FILTERS.get(record.getClass()));
    }
}
