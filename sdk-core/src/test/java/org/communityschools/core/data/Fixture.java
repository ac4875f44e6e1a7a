package org.communityschools.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small valid district data directory written as text, which each test changes in one place. Line numbers in
 * tests count the header as line 1, so the n-th data row of a file is on line n + 1.
 */
final class Fixture {
    private final Map<String, List<String>> files = new LinkedHashMap<>();

    static Fixture valid() {
        Fixture f = new Fixture();
        f.file("organizations.csv",
                "organization_id,name,type",
                "D1,City District,DISTRICT",
                "C1,Helping Hands,COMMUNITY_ORGANIZATION",
                "C2,Second Chance,COMMUNITY_ORGANIZATION");
        f.file("schools.csv",
                "school_id,name,district_id,low_grade,high_grade,school_type",
                "K1,PS 1,D1,KG,05,REGULAR",
                "H1,HS 1,D1,09,12,REGULAR");
        f.file("partnerships.csv",
                "school_id,organization_id,school_year,role",
                "K1,C1,2018,LEAD",
                "K1,C2,2018,PARTNER");
        f.file("students.csv",
                "student_id,first_name,last_name,birth_date,sex,race_ethnicity,ninth_grade_cohort,directory_opt_out",
                "S1,Ana,Diaz,2010-03-04,FEMALE,HISPANIC,,false",
                "S2,Ben,Lee,2003-05-06,MALE,ASIAN,2018,true");
        f.file("student_characteristics.csv",
                "student_id,characteristic,begin_date,end_date",
                "S1,ENGLISH_LEARNER,2017-09-07,2018-06-26");
        f.file("calendar.csv",
                "school_id,date",
                "K1,2017-09-07",
                "K1,2017-09-08",
                "K1,2017-09-11");
        f.file("enrollments.csv",
                "student_id,school_id,entry_date,entry_grade,exit_date,exit_type,exit_documented",
                "S1,K1,2017-09-07,02,2018-06-26,END_OF_YEAR,false",
                "S2,H1,2017-09-07,09,,,");
        f.file("diplomas.csv",
                "student_id,school_id,award_date,diploma_type");
        f.file("attendance.csv",
                "student_id,school_id,date,category,duration,reason",
                "S1,K1,2017-09-08,EXCUSED_ABSENCE,,sick",
                "S1,K1,2017-09-11,PARTIAL,0.5,");
        f.file("behavior.csv",
                "incident_id,student_id,school_id,date,behavior,description,action,action_days",
                "B1,S2,H1,2017-10-02,SCHOOL_CODE_OF_CONDUCT,pushed a classmate,IN_SCHOOL_SUSPENSION,1");
        f.file("course_marks.csv",
                "student_id,school_id,school_year,term,course_code,course_title,subject,numeric_mark,letter_mark,result,credits_attempted,credits_earned",
                "S2,H1,2018,FALL,ENG1,English 9,ELA,85,B,PASS,1,1");
        f.file("staff.csv",
                "staff_id,first_name,last_name,employer_id",
                "T1,Cara,Moss,D1",
                "M1,Dev,Rao,C1");
        f.file("staff_assignments.csv",
                "staff_id,organization_id,role,begin_date,end_date",
                "T1,K1,TEACHER,2017-09-01,2018-06-30",
                "M1,C1,SUCCESS_MENTOR,2017-09-01,");
        f.file("student_staff.csv",
                "student_id,staff_id,relationship,begin_date,end_date",
                "S1,T1,TEACHER_OF,2017-09-07,2018-06-26",
                "S1,M1,MENTOR_OF,2017-10-01,");
        f.file("interventions.csv",
                "intervention_id,type,provider_id,school_id,description",
                "I1,SUCCESS_MENTOR,C1,K1,Mentoring for chronic absence");
        f.file("intervention_participants.csv",
                "intervention_id,student_id,staff_id,begin_date,end_date,goal,status",
                "I1,S1,M1,2017-10-01,,attend every day,ACTIVE");
        f.file("consents.csv",
                "consent_id,student_id,grantor,recipient_id,purpose,categories,signed_date,authentication,revoked_date",
                "N1,S1,PARENT,C1,Mentoring,ATTENDANCE|BEHAVIOR,2017-09-15,WET_SIGNATURE,");
        return f;
    }

    Fixture file(String name, String... lines) {
        files.put(name, new ArrayList<>(Arrays.asList(lines)));
        return this;
    }

    /** Appends rows to a file. */
    Fixture append(String name, String... lines) {
        files.get(name).addAll(Arrays.asList(lines));
        return this;
    }

    /** Replaces the row on {@code line} (1-based, header = 1). */
    Fixture replace(String name, int line, String text) {
        files.get(name).set(line - 1, text);
        return this;
    }

    Fixture remove(String name) {
        files.remove(name);
        return this;
    }

    /** Sets raw text of a file (for multi-line cells and malformed CSV). */
    Fixture raw(String name, String text) {
        files.put(name, new ArrayList<>(List.of(text)));
        return this;
    }

    Path writeTo(Path dir) {
        try {
            for (var e : files.entrySet()) {
                String text = String.join("\n", e.getValue());
                Files.writeString(dir.resolve(e.getKey()), text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
