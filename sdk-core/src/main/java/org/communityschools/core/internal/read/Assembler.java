package org.communityschools.core.internal.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.CourseMarkColumns;
import org.communityschools.core.internal.index.RelationshipColumns;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.index.Grouped;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.jspecify.annotations.Nullable;

/**
 * Applies the cross-record rules of the district data directory while records arrive in {@link DataFile} order, so
 * that every reference points to something already accepted, and keeps the accepted records. A record that breaks a
 * rule is reported to the {@link Violations} and rejected (not kept); records that refer to a rejected record are
 * rejected in turn ({@code reference.rejected}). {@link #finish()} builds the indexes. Used by the directory reader
 * and by {@code DistrictData.builder()}. Not thread-safe.
 */
public final class Assembler {
    private static final int OPEN_END = Integer.MAX_VALUE;

    private final Violations violations;

    private IdTable<OrganizationId, Organization> organizations = new IdTable<>(Organization::id);
    private IdTable<SchoolId, School> schools = new IdTable<>(School::id);
    private final Partnerships partnerships = new Partnerships();
    private final IdTable<StudentId, Student> students = new IdTable<>(Student::id);
    private final List<StudentCharacteristic> characteristics = new ArrayList<>();
    private int[] characteristicStudent = new int[16]; // per characteristic its student's index, the grouping's key
    private final Placements placements;
    private final List<Diploma> diplomas = new ArrayList<>();
    private final AttendanceRules attendanceRules;
    private final IdTable<IncidentId, BehaviorIncident> incidents = new IdTable<>(BehaviorIncident::incidentId);
    private final CourseMarkColumns.Builder courseMarks = CourseMarkColumns.builder();
    private final IdTable<StaffId, Staff> staff = new IdTable<>(Staff::id);
    private final List<StaffAssignment> assignments = new ArrayList<>();
    private final RelationshipColumns.Builder relationships = RelationshipColumns.builder();
    private final IdTable<InterventionId, Intervention> interventions = new IdTable<>(Intervention::id);
    private final List<InterventionParticipant> participants = new ArrayList<>();
    private final IdTable<ConsentId, Consent> consents = new IdTable<>(Consent::id);
    private final AgreementVersions agreements = new AgreementVersions();
    private final DataElements dataElements;
    private final References refs;
    private final MeetingChecks meetings;

    /** An assembler that reports to {@code violations} and accepts the standard data elements in agreements. */
    public Assembler(Violations violations) {
        this(violations, DataElements.standard());
    }

    /** An assembler that reports to {@code violations} and accepts {@code dataElements} in agreements. */
    public Assembler(Violations violations, DataElements dataElements) {
        this.violations = violations;
        this.dataElements = dataElements;
        this.placements = new Placements(violations, students, () -> schools);
        this.refs = new References(violations);
        this.meetings = new MeetingChecks(refs);
        this.attendanceRules = new AttendanceRules(violations, refs, placements, students, () -> schools);
    }

    // ---------------------------------------------------------------- canonical ids, for the parsers

    /** The canonical student id with this text, or null when unknown. */
    public @Nullable StudentId student(String id) {
        return students.canonical(id);
    }

    /** The canonical id of the student at dense index {@code index}; thread-safe reads while other files load. */
    public StudentId studentAt(int index) {
        return students.id(index);
    }

    /** Hints that the next lookups of a student are of the one at {@code index}, which a worker resolved (or -1). */
    public void hintStudent(int index) {
        students.hint(index);
    }

    /** The canonical id of the school at dense index {@code index}; thread-safe reads while other files load. */
    public SchoolId schoolAt(int index) {
        return schools.id(index);
    }

    /** The canonical school id with this text, or null when unknown. */
    public @Nullable SchoolId school(String id) {
        return schools.canonical(id);
    }

    /** The canonical organization id with this text, or null when unknown. */
    public @Nullable OrganizationId organization(String id) {
        return organizations.canonical(id);
    }

    /** The canonical staff id with this text, or null when unknown. */
    public @Nullable StaffId staffMember(String id) {
        return staff.canonical(id);
    }

    /** The canonical intervention id with this text, or null when unknown. */
    public @Nullable InterventionId intervention(String id) {
        return interventions.canonical(id);
    }

    /** The dense index of a student, or -1. */
    public int studentIndex(String id) {
        return students.indexOf(id);
    }

    /** The dense index of a school, or -1. */
    public int schoolIndex(String id) {
        return schools.indexOf(id);
    }

    /** Notes that the row with this id in {@code file} was rejected, so that references to it say so. */
    public void rejected(DataFile file, String id) {
        refs.rejected(file, id);
    }

    /** Notes that no row of {@code file} was read (its header broke a rule), so that references to it say so. */
    public void rejectedFile(DataFile file) {
        refs.rejectedFile(file);
    }

    /** The rules and the store of attendance.csv. */
    AttendanceRules attendance() {
        return attendanceRules;
    }

    // ---------------------------------------------------------------- reporting

    /** Reports that the student_id or school_id {@code id} in {@code column} names no accepted row. */
    public void reportMissing(String column, String id, DataFile file, Where where) {
        boolean student = column.equals("student_id");
        refs.exists(student ? students : schools, student ? DataFile.STUDENTS : DataFile.SCHOOLS,
                student ? "student" : "school", id, file, where, column);
    }

    // ---------------------------------------------------------------- the records, in DataFile order

    /** organizations.csv: unique id. */
    public boolean add(Organization o, Where w) {
        // one probe: the uniqueness check and the insertion (refs.unique's rule and message)
        return organizations.addIfAbsent(o.id().value(), o) >= 0
                || refs.duplicate(o.id().value(), DataFile.ORGANIZATIONS, w, "organization_id");
    }

    /** schools.csv: unique id, not an organization's id, district is a DISTRICT organization. */
    public boolean add(School s, Where w) {
        DataFile f = DataFile.SCHOOLS;
        String id = s.id().value();
        boolean ok = refs.unique(schools, id, f, w, "school_id");
        if (ok && organizations.contains(id)) {
            ok = refs.error(f, w, "school_id", id, "unique.education-organization-id",
                    "school_id must differ from every organization_id; '" + id + "' is also in organizations.csv");
        }
        String district = s.districtId().value();
        if (refs.exists(organizations, DataFile.ORGANIZATIONS, "organization", district, f, w, "district_id")
                && organizations.record(organizations.indexOf(district)).type() != OrganizationType.DISTRICT) {
            ok = refs.error(f, w, "district_id", district, "school.district-type",
                    "district_id must name an organization of type DISTRICT; '" + district + "' is not one");
        } else if (!organizations.contains(district)) {
            ok = false;
        }
        if (ok) {
            if (schools.size() > 0xFFFF) {
                return refs.error(f, w, "school_id", id, "school.limit", "at most 65,536 schools are supported");
            }
            schools.add(id, s);
        }
        return ok;
    }

    /** partnerships.csv: school and community organization exist; no duplicate; one lead per school and year. */
    public boolean add(Partnership p, Where w) {
        return partnerships.add(p, w, refs, schools, organizations);
    }

    /** students.csv: unique id. */
    public boolean add(Student s, Where w) {
        return students.addIfAbsent(s.id().value(), s) >= 0
                || refs.duplicate(s.id().value(), DataFile.STUDENTS, w, "student_id");
    }

    /**
     * Readies the students' table for about {@code count} students (from students.csv's size), not grown row by row.
     *
     * @param count the number of students expected
     */
    public void expectStudents(int count) {
        students.expect(count);
    }

    /** student_characteristics.csv: the student exists. */
    public boolean add(StudentCharacteristic c, Where w) {
        if (!refs.exists(students, DataFile.STUDENTS, "student", c.studentId().value(), DataFile.STUDENT_CHARACTERISTICS, w, "student_id")) {
            return false;
        }
        int n = characteristics.size();
        if (n == characteristicStudent.length) {
            characteristicStudent = java.util.Arrays.copyOf(characteristicStudent, n * 2);
        }
        characteristicStudent[n] = students.indexOf(c.studentId().value()); // the reader's hint: no probe
        characteristics.add(c);
        return true;
    }

    /** calendar.csv: the school exists (duplicates are found when the file ends). */
    public boolean add(InstructionalDay d, Where w) {
        String school = d.schoolId().value();
        if (!refs.exists(schools, DataFile.SCHOOLS, "school", school, DataFile.CALENDAR, w, "school_id")) {
            return false;
        }
        placements.addDay(schools.indexOf(school), (int) d.date().toEpochDay(), w.line());
        return true;
    }

    /**
     * Uses the organizations, schools and calendars (by school index, sorted epoch days) of data already checked,
     * instead of their rows: for an assembler that re-checks some records against that data. The tables are read,
     * never written. Call first, instead of any organization, school or calendar row.
     */
    public void presetDirectory(IdTable<OrganizationId, Organization> organizations, IdTable<SchoolId, School> schools,
                                int[][] calendars) {
        this.organizations = organizations;
        this.schools = schools;
        placements.preset(calendars);
    }

    /** enrollments.csv: student and school exist, grade offered, no duplicate, no overlap at one school. */
    public boolean add(Enrollment e, Where w) {
        DataFile f = DataFile.ENROLLMENTS;
        String student = e.studentId().value();
        String school = e.schoolId().value();
        boolean ok = refs.exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        ok &= refs.exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (!ok) {
            return false;
        }
        int st = students.indexOf(student);
        int sc = schools.indexOf(school);
        School s = schools.record(sc);
        if (!s.offers(e.entryGrade())) {
            return refs.error(f, w, "entry_grade", e.entryGrade().code(), "enrollment.grade-offered",
                    "entry_grade must be offered by the school (" + s.lowGrade() + "-" + s.highGrade() + " at '" + school + "')");
        }
        Enrollment other = placements.conflicting(e, st, sc);
        if (other != null) {
            if (other.entryDate().equals(e.entryDate())) {
                return refs.error(f, w, "entry_date", e.entryDate().toString(), "unique.enrollment",
                        "a student, school and entry_date may appear once; student '" + student + "' at school '" + school
                                + "' entering " + e.entryDate() + " is repeated");
            }
            return refs.error(f, w, "entry_date", e.entryDate().toString(), "enrollment.no-overlap-at-school",
                    "enrollments of one student at one school must not overlap; student '" + student + "' at school '"
                            + school + "': " + e.period() + " overlaps " + other.period());
        }
        placements.addEnrollment(e, st, sc);
        return true;
    }

    /** diplomas.csv: student and school exist, and the student was enrolled at the school at some time. */
    public boolean add(Diploma d, Where w) {
        DataFile f = DataFile.DIPLOMAS;
        String student = d.studentId().value();
        String school = d.schoolId().value();
        boolean ok = refs.exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        ok &= refs.exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (!ok) {
            return false;
        }
        if (!placements.enrolledBetween(students.indexOf(student), schools.indexOf(school), Integer.MIN_VALUE, Integer.MAX_VALUE)) {
            return refs.error(f, w, "school_id", school, "diploma.enrolled-at-school",
                    "a diploma's school must be one the student was enrolled in; student '" + student
                            + "' has no enrollment at school '" + school + "'");
        }
        diplomas.add(d);
        return true;
    }

    /** The dense index of the student whose id is the ASCII text {@code bytes[from, to)}, or -1; thread-safe reads. */
    public int studentIndex(byte[] bytes, int from, int to) {
        return students.indexOfAscii(bytes, from, to);
    }

    /** {@link #studentIndex(byte[], int, int)}, trying index {@code near} first ({@link IdTable#indexOfAscii}). */
    public int studentIndex(byte[] bytes, int from, int to, int near) {
        return students.indexOfAscii(bytes, from, to, near);
    }

    /** The dense index of the school whose id is the ASCII text {@code bytes[from, to)}, or -1; thread-safe reads. */
    public int schoolIndex(byte[] bytes, int from, int to) {
        return schools.indexOfAscii(bytes, from, to);
    }

    /** attendance.csv, for a record built in code. */
    public boolean add(AttendanceRecord a, Where w) {
        DataFile f = DataFile.ATTENDANCE;
        boolean ok = refs.exists(students, DataFile.STUDENTS, "student", a.studentId().value(), f, w, "student_id");
        ok &= refs.exists(schools, DataFile.SCHOOLS, "school", a.schoolId().value(), f, w, "school_id");
        if (!ok) {
            return false;
        }
        int reason = 0;
        if (a.reason().isPresent()) {
            reason = attendanceRules.reasonCode(a.reason().get());
            if (reason < 0) {
                return refs.error(f, w, "reason", a.reason().get(), "attendance.reason-limit",
                        "at most " + AttendanceColumns.MAX_REASONS + " distinct reasons are supported");
            }
        }
        return attendanceRules.add(students.indexOf(a.studentId().value()), schools.indexOf(a.schoolId().value()),
                (int) a.date().toEpochDay(), AttendanceColumns.pack(a.category().ordinal(), a.duration().tenThousandths(), reason), w);
    }

    /** behavior.csv: unique incident id, student and school exist, the date is inside an enrollment there. */
    public boolean add(BehaviorIncident b, Where w) {
        DataFile f = DataFile.BEHAVIOR;
        boolean ok = refs.unique(incidents, b.incidentId().value(), f, w, "incident_id");
        String student = b.studentId().value();
        String school = b.schoolId().value();
        boolean known = refs.exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        known &= refs.exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (known) {
            int day = (int) b.date().toEpochDay();
            if (!placements.enrolledBetween(students.indexOf(student), schools.indexOf(school), day, day)) {
                ok = refs.error(f, w, "date", b.date().toString(), "behavior.within-enrollment",
                        "an incident must fall inside an enrollment of the student at the school; student '" + student
                                + "' was not enrolled at school '" + school + "' on " + b.date());
            }
        }
        if (ok && known) {
            incidents.add(b.incidentId().value(), b);
            return true;
        }
        return false;
    }

    /** course_marks.csv: student and school exist, the school year overlaps an enrollment there. */
    public boolean add(CourseMark m, Where w) {
        DataFile f = DataFile.COURSE_MARKS;
        String student = m.studentId().value();
        String school = m.schoolId().value();
        boolean ok = refs.exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        ok &= refs.exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (!ok) {
            return false;
        }
        int st = students.indexOf(student);
        int sc = schools.indexOf(school);
        if (!enrolledInYear(st, sc, m.schoolYear())) {
            return notEnrolledInYear(st, sc, m.schoolYear(), w);
        }
        courseMarks.add(m, st, sc);
        return true;
    }

    /**
     * course_marks.csv, a row the directory reader made without a record, whose student and school it found in the
     * tables (so both exist): the rest of {@link #add(CourseMark, Where)}'s rules, with the same error.
     */
    public boolean add(CourseMarkColumns.Row m, Where w) {
        if (!enrolledInYear(m.student(), m.school(), m.schoolYear())) {
            return notEnrolledInYear(m.student(), m.school(), m.schoolYear(), w);
        }
        courseMarks.add(m);
        return true;
    }

    /** Whether the student at {@code st} was enrolled at the school at {@code sc} on a day of school year {@code y}. */
    private boolean enrolledInYear(int st, int sc, SchoolYear y) {
        return placements.enrolledBetween(st, sc, (int) y.firstDay().toEpochDay(), (int) y.lastDay().toEpochDay());
    }

    /** Reports {@code course-mark.within-enrollment} for a mark of the student at {@code st} and school at {@code sc}. */
    private boolean notEnrolledInYear(int st, int sc, SchoolYear y, Where w) {
        return refs.error(DataFile.COURSE_MARKS, w, "school_year", y.toString(), "course-mark.within-enrollment",
                "a course mark's school year must overlap an enrollment of the student at the school; student '"
                        + students.id(st).value() + "' was not enrolled at school '" + schools.id(sc).value() + "' in "
                        + y.label());
    }

    /** staff.csv: unique id, the employer is an organization. */
    public boolean add(Staff s, Where w) {
        DataFile f = DataFile.STAFF;
        boolean ok = refs.unique(staff, s.id().value(), f, w, "staff_id");
        ok &= refs.exists(organizations, DataFile.ORGANIZATIONS, "organization", s.employerId().value(), f, w, "employer_id");
        if (ok) {
            staff.add(s.id().value(), s);
        }
        return ok;
    }

    /** staff_assignments.csv: the staff member exists; the organization is a school or an organization. */
    public boolean add(StaffAssignment a, Where w) {
        DataFile f = DataFile.STAFF_ASSIGNMENTS;
        boolean ok = refs.exists(staff, DataFile.STAFF, "staff", a.staffId().value(), f, w, "staff_id");
        ok &= refs.educationOrganizationExists(schools, organizations, a.organizationId().value(), f, w, "organization_id");
        if (ok) {
            assignments.add(a);
        }
        return ok;
    }

    /** student_staff.csv: student and staff member exist. */
    public boolean add(StudentStaffRelationship r, Where w) {
        DataFile f = DataFile.STUDENT_STAFF;
        boolean ok = refs.exists(students, DataFile.STUDENTS, "student", r.studentId().value(), f, w, "student_id");
        ok &= refs.exists(staff, DataFile.STAFF, "staff", r.staffId().value(), f, w, "staff_id");
        if (ok) {
            relationships.add(r, students.indexOf(r.studentId().value()), staff.indexOf(r.staffId().value()));
        }
        return ok;
    }

    /**
     * student_staff.csv, a row as its columns (no record): the student and the staff member at these dense indexes,
     * which the reader found in this assembler's tables, exist, so the row keeps {@link #add(StudentStaffRelationship,
     * Where)}'s rules without looking them up again. Always accepted.
     *
     * @param student the student's dense index in the students' table
     * @param staffMember the staff member's dense index in the staff table
     * @param type the relationship type
     * @param period the period
     * @return true
     */
    public boolean addRelationship(int student, int staffMember, RelationshipType type, DateRange period) {
        relationships.add(student, staffMember, type, period);
        return true;
    }

    /** The dense index of the staff member whose id is the ASCII text {@code bytes[from, to)}, or -1; thread-safe reads. */
    public int staffIndex(byte[] bytes, int from, int to) {
        return staff.indexOfAscii(bytes, from, to);
    }

    /** The canonical id of the staff member at dense index {@code index}; thread-safe reads while other files load. */
    public StaffId staffAt(int index) {
        return staff.id(index);
    }

    /** interventions.csv: unique id, the provider is a school or organization, the school exists. */
    public boolean add(Intervention i, Where w) {
        DataFile f = DataFile.INTERVENTIONS;
        boolean ok = refs.unique(interventions, i.id().value(), f, w, "intervention_id");
        ok &= refs.educationOrganizationExists(schools, organizations, i.providerId().value(), f, w, "provider_id");
        ok &= refs.exists(schools, DataFile.SCHOOLS, "school", i.schoolId().value(), f, w, "school_id");
        if (ok) {
            interventions.add(i.id().value(), i);
        }
        return ok;
    }

    /** intervention_participants.csv: intervention, student and (when given) staff member and recorder exist. */
    public boolean add(InterventionParticipant p, Where w) {
        DataFile f = DataFile.INTERVENTION_PARTICIPANTS;
        boolean ok = refs.exists(interventions, DataFile.INTERVENTIONS, "intervention", p.interventionId().value(), f, w, "intervention_id");
        ok &= refs.exists(students, DataFile.STUDENTS, "student", p.studentId().value(), f, w, "student_id");
        if (p.staffId().isPresent()) {
            ok &= refs.exists(staff, DataFile.STAFF, "staff", p.staffId().get().value(), f, w, "staff_id");
        }
        if (p.recordedBy().isPresent()) {
            ok &= refs.exists(staff, DataFile.STAFF, "staff", p.recordedBy().get().value(), f, w, "recorded_by");
        }
        if (ok) {
            participants.add(p);
        }
        return ok;
    }

    /** consents.csv: unique id, student exists, the recipient is an organization. */
    public boolean add(Consent c, Where w) {
        DataFile f = DataFile.CONSENTS;
        boolean ok = refs.unique(consents, c.id().value(), f, w, "consent_id");
        ok &= refs.exists(students, DataFile.STUDENTS, "student", c.studentId().value(), f, w, "student_id");
        ok &= refs.exists(organizations, DataFile.ORGANIZATIONS, "organization", c.recipientId().value(), f, w, "recipient_id");
        if (ok) {
            consents.add(c.id().value(), c);
        }
        return ok;
    }

    /**
     * agreements.json: unique id and version; organizations and schools in scope exist; data elements are known. The
     * rules between versions are checked at the end of the file.
     */
    public boolean add(DataSharingAgreement a, Where w) {
        return agreements.check(a, w, refs, organizations, schools, dataElements);
    }

    /** Adds a record of any type of the directory with the rules of its file; false when it was rejected. */
    public boolean addAny(Object r, Where w) {
        return r instanceof CourseMarkColumns.Row x ? add(x, w)
                : r instanceof Organization x ? add(x, w)
                : r instanceof School x ? add(x, w)
                : r instanceof Partnership x ? add(x, w)
                : r instanceof Student x ? add(x, w)
                : r instanceof StudentCharacteristic x ? add(x, w)
                : r instanceof InstructionalDay x ? add(x, w)
                : r instanceof Enrollment x ? add(x, w)
                : r instanceof Diploma x ? add(x, w)
                : r instanceof AttendanceRecord x ? add(x, w)
                : r instanceof BehaviorIncident x ? add(x, w)
                : r instanceof CourseMark x ? add(x, w)
                : r instanceof Staff x ? add(x, w)
                : r instanceof StaffAssignment x ? add(x, w)
                : r instanceof StudentStaffRelationship x ? add(x, w)
                : r instanceof Intervention x ? add(x, w)
                : r instanceof InterventionParticipant x ? add(x, w)
                : r instanceof Consent x ? add(x, w)
                : r instanceof DataSharingAgreement x ? add(x, w)
                : r instanceof org.communityschools.core.model.Meeting x ? meetings.add(x, w, meetingTables())
                : r instanceof org.communityschools.core.model.AgendaItem x ? meetings.add(x, w, meetingTables())
                : r instanceof org.communityschools.core.model.ActionStep x ? meetings.add(x, w, meetingTables())
                : notARecord(r);
    }

    private MeetingChecks.Tables meetingTables() {
        return new MeetingChecks.Tables(schools, students, staff, interventions);
    }

    private static boolean notARecord(Object r) {
        throw new IllegalArgumentException("not a record of the district data directory: " + r.getClass().getName());
    }

    /** A version of agreement {@code id} was rejected before it reached the assembler: its other versions will be too. */
    public void rejectedAgreement(String id) {
        agreements.rejected(id);
    }

    /**
     * Called after the last record of {@code file} (also for files that are absent), in {@link DataFile} order.
     * Returns the number of rows of the file rejected only now (duplicates found after sorting).
     */
    public long endOfFile(DataFile file) {
        return switch (file) {
            case CALENDAR -> placements.finishCalendar();
            case ENROLLMENTS -> {
                placements.finishEnrollments();
                yield 0;
            }
            case ATTENDANCE -> {
                placements.calendarsReady();
                attendanceRules.finish();
                yield attendanceRules.duplicates();
            }
            case AGREEMENTS -> agreements.finish(violations);
            default -> 0;
        };
    }

    /** Builds the indexes; call after {@link #endOfFile} for every file. */
    public DistrictIndex finish() {
        return finish(1);
    }

    /** As {@link #finish()}, sharing the groupings with a second thread ({@link SharedTasks}) when {@code threads > 1}. */
    public DistrictIndex finish(int threads) {
        if (attendanceRules.columns() == null) {
            placements.calendarsReady();
            attendanceRules.finish();
        }
        Grouped<Enrollment> byStudent = placements.enrollmentIndex();
        organizations.trim();
        schools.trim();
        students.trim();
        staff.trim();
        incidents.trim();
        interventions.trim();
        consents.trim();
        AttendanceColumns att = attendanceRules.columns();
        CourseMarkColumns marks = courseMarks.build(students, schools);
        RelationshipColumns rels = relationships.build(students, staff);
        List<Partnership> partnershipList = List.copyOf(partnerships.list());
        List<Enrollment> enrollmentList = List.copyOf(placements.enrollments());
        int[][] calendarDays = placements.calendars();
        // computed when first read: a live batch's check never reads it
        SortedSet<SchoolYear> years = new org.communityschools.core.internal.index.LazySortedSet<>(
                () -> schoolYears(partnershipList, calendarDays, enrollmentList, marks, att));
        int ns = students.size();
        SharedTasks tasks = new SharedTasks(threads, "index-builder");
        // marks, relationships and enrollments at school ordered by ranks, the other groupings by their orders' comparators
        var marksByStudent = tasks.add(() -> marks.byStudent(ns));
        var relsByStaff = tasks.add(rels::byStaff);
        var relsByStudent = tasks.add(rels::byStudent);
        var atSchool = tasks.add(placements::enrollmentsAtSchool);
        var characteristicsOf = tasks.add(() -> Grouped.ofKeys(characteristics, ns, characteristicStudent,
                GroupOrders.CHARACTERISTICS));
        var diplomasOf = tasks.add(() -> Grouped.of(diplomas, ns, d -> students.indexOf(d.studentId().value()),
                GroupOrders.DIPLOMAS));
        var incidentsOf = tasks.add(() -> Grouped.of(incidents.records(), ns, b -> students.indexOf(b.studentId().value()),
                GroupOrders.INCIDENTS));
        var assignmentsOf = tasks.add(() -> Grouped.of(assignments, staff.size(), a -> staff.indexOf(a.staffId().value()),
                GroupOrders.ASSIGNMENTS));
        var participantsOf = tasks.add(() -> Grouped.of(participants, ns, p -> students.indexOf(p.studentId().value()),
                GroupOrders.PARTICIPANTS));
        var consentsOf = tasks.add(() -> Grouped.of(consents.records(), ns, c -> students.indexOf(c.studentId().value()),
                GroupOrders.CONSENTS));
        tasks.run();
        return new DistrictIndex(organizations, schools, partnershipList,
                partnerships.bySchoolYear(schools), partnerships.byOrganizationYear(organizations), students, List.copyOf(characteristics),
                characteristicsOf.get(), calendarDays, enrollmentList, byStudent, atSchool.get(),
                List.copyOf(diplomas), diplomasOf.get(), att, incidents, incidentsOf.get(), marks, marksByStudent.get(),
                staff, List.copyOf(assignments), assignmentsOf.get(), rels, relsByStaff.get(), relsByStudent.get(),
                interventions, List.copyOf(participants), participantsOf.get(), consents, consentsOf.get(),
                agreements.accepted(), agreements.histories(), years, meetings.finish());
    }

    /** The order of a school's enrollments: by entry date, then student. */
    public static final Comparator<Enrollment> ENROLLMENTS_AT_SCHOOL = GroupOrders.ENROLLMENTS_AT_SCHOOL;
    /** The order of a staff member's relationships: by begin date, then student, then relationship. */
    public static final Comparator<StudentStaffRelationship> RELATIONSHIPS_OF_STAFF = GroupOrders.RELATIONSHIPS_OF_STAFF;

    /** The school years that occur in the data ({@link SchoolYears#of}). */
    public static SortedSet<SchoolYear> schoolYears(List<Partnership> partnerships, int[][] calendars,
                                                    List<Enrollment> enrollments, List<CourseMark> courseMarks,
                                                    AttendanceColumns att) {
        return SchoolYears.of(partnerships, calendars, enrollments, courseMarks, att);
    }

    /** Helper for parsers: an education organization id typed by the table it is in (school first). */
    public EducationOrganizationId educationOrganization(String id) {
        SchoolId s = schools.canonical(id);
        OrganizationId o = s != null ? null : organizations.canonical(id);
        return s != null ? s : o != null ? o : OrganizationId.of(id);
    }
}
