package org.communityschools.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The files of a district data directory and their columns: the contract of the interchange format
 * (docs/data-directory.md). Each file is optional on its own. A column marked required must be in the header
 * and non-empty on every row; an optional column may be left out of the header altogether. Columns that are not
 * listed are reported as warnings and ignored. The order of the constants is the order in which a reader loads
 * the files, so that every reference points back to a file already read.
 */
public enum DataFile {
    /** The district and the community-based organizations. */
    ORGANIZATIONS("organizations.csv", "organization_id*", "name*", "type*"),
    /** The district's schools: grade span and type. */
    SCHOOLS("schools.csv", "school_id*", "name*", "district_id*", "low_grade*", "high_grade*", "school_type*"),
    /** Which organization partners with which school in which school year, as LEAD or PARTNER. */
    PARTNERSHIPS("partnerships.csv", "school_id*", "organization_id*", "school_year*", "role*"),
    /** The students: names and birth date (personal data), sex, race/ethnicity, cohort and directory opt-out. */
    STUDENTS("students.csv", "student_id*", "first_name*!", "last_name*!", "birth_date*!", "sex*", "race_ethnicity*",
            "ninth_grade_cohort", "directory_opt_out"),
    /**
     * Dated student characteristics: English learner, disability, Section 504, economically disadvantaged, homeless,
     * foster care, migrant.
     */
    STUDENT_CHARACTERISTICS("student_characteristics.csv", "student_id*", "characteristic*", "begin_date*", "end_date"),
    /** Each school's instructional days. */
    CALENDAR("calendar.csv", "school_id*", "date*"),
    /** Enrollments at schools: entry date and grade, exit date (inclusive), exit type and whether it is documented. */
    ENROLLMENTS("enrollments.csv", "student_id*", "school_id*", "entry_date*", "entry_grade*", "exit_date", "exit_type",
            "exit_documented"),
    /** Diplomas and other credentials awarded. */
    DIPLOMAS("diplomas.csv", "student_id*", "school_id*", "award_date*", "diploma_type*"),
    /** Daily attendance records: category, share of the day missed, reason. */
    ATTENDANCE("attendance.csv", "student_id*", "school_id*", "date*", "category*", "duration", "reason"),
    /** Behavior incidents and the disciplinary action taken. */
    BEHAVIOR("behavior.csv", "incident_id*", "student_id*", "school_id*", "date*", "behavior*", "description!", "action*",
            "action_days"),
    /** Course marks: marks, result and credits per course and term. */
    COURSE_MARKS("course_marks.csv", "student_id*", "school_id*", "school_year*", "term*", "course_code*", "course_title*",
            "subject*", "numeric_mark", "letter_mark", "result*", "credits_attempted*", "credits_earned*", "term_end_date"),
    /** Staff members of the district and the organizations: names (personal data) and employer. */
    STAFF("staff.csv", "staff_id*", "first_name*!", "last_name*!", "employer_id*"),
    /** Staff members' dated roles at a school, the district or an organization. */
    STAFF_ASSIGNMENTS("staff_assignments.csv", "staff_id*", "organization_id*", "role*", "begin_date*", "end_date"),
    /** Dated relationships between staff members and students: rosters and caseloads. */
    STUDENT_STAFF("student_staff.csv", "student_id*", "staff_id*", "relationship*", "begin_date*", "end_date"),
    /** Interventions offered at schools, by a school or an organization. */
    INTERVENTIONS("interventions.csv", "intervention_id*", "type*", "provider_id*", "school_id*", "description!"),
    /** Students' dated participation in interventions, with goal, status and (when known) who recorded it when. */
    INTERVENTION_PARTICIPANTS("intervention_participants.csv", "intervention_id*", "student_id*", "staff_id", "begin_date*",
            "end_date", "goal!", "status*", "recorded_by", "recorded_at"),
    /**
     * Written consents to disclose (34 CFR 99.30): who signed, for which recipient, purpose and categories, signed and
     * revoked dates.
     */
    CONSENTS("consents.csv", "consent_id*", "student_id*", "grantor*", "recipient_id*", "purpose*", "categories*",
            "signed_date*", "authentication*", "revoked_date"),
    /** A school team's meetings (docs/meetings.md); participants are {@code |}-separated staff ids. */
    MEETINGS("meetings.csv", "meeting_id*", "school_id*", "date*", "purpose*", "participants*"),
    /** The items of a meeting's agenda: a student or a group, the reason it is on the agenda, notes (free text). */
    AGENDA_ITEMS("agenda_items.csv", "meeting_id*", "number*", "student_id", "group", "reason*", "notes!"),
    /** The action steps a meeting decided: what (free text), owner, due date, status and who recorded it when. */
    ACTION_STEPS("action_steps.csv", "action_step_id*", "meeting_id*", "what*!", "owner_id*", "due_date*", "student_id",
            "group", "intervention_id", "status*", "completion_date", "recorded_by*", "recorded_at*"),
    /** The only JSON file: an array of agreement objects whose keys are listed as the "columns". */
    AGREEMENTS("agreements.json", "agreement_id*", "version*", "version_effective_date", "status*", "disclosing_organization_id*",
            "recipient_organization_id*", "legal_basis*", "purpose*", "school_ids*", "school_years*", "data_elements*",
            "permitted_roles*", "effective_date*", "end_date*", "signed_date*", "signatories", "destruction_days*",
            "redisclosure_allowed");

    private final String fileName;
    private final List<String> columns;
    private final Set<String> required;
    private final Set<String> personal;

    DataFile(String fileName, String... specs) {
        this.fileName = fileName;
        List<String> names = new ArrayList<>();
        List<String> req = new ArrayList<>();
        List<String> pii = new ArrayList<>();
        for (String spec : specs) {
            String name = spec.replace("*", "").replace("!", "");
            names.add(name);
            if (spec.contains("*")) {
                req.add(name);
            }
            if (spec.contains("!")) {
                pii.add(name);
            }
        }
        this.columns = Collections.unmodifiableList(names);
        this.required = Set.copyOf(req);
        this.personal = Set.copyOf(pii);
    }

    /** {@return the file name within the directory, such as {@code attendance.csv}} */
    public String fileName() {
        return fileName;
    }

    /** {@return every column, in the order a writer writes them} */
    public List<String> columns() {
        return columns;
    }

    /**
     * {@return whether the column must be present in the header and non-empty in every row}
     *
     * @param column a column name of this file
     */
    public boolean isRequired(String column) {
        return required.contains(column);
    }

    /**
     * Whether the column holds personal data (names, birth dates, free text), whose values are never repeated in a
     * {@link Violation} or an exception message.
     *
     * @param column a column name of this file
     * @return true when the column holds personal data
     */
    public boolean isPersonal(String column) {
        return personal.contains(column);
    }
}
