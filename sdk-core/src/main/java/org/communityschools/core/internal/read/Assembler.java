package org.communityschools.core.internal.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.json.DomainCodecs;
import org.communityschools.core.internal.index.AttendanceBuilder;
import org.communityschools.core.internal.index.AttendanceColumns;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.index.Grouped;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
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
import org.communityschools.core.model.PartnershipRole;
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
    private final List<Partnership> partnerships = new ArrayList<>();
    private final Set<List<Object>> partnershipKeys = new HashSet<>();
    private final Set<Long> leads = new HashSet<>();
    private final IdTable<StudentId, Student> students = new IdTable<>(Student::id);
    private final List<StudentCharacteristic> characteristics = new ArrayList<>();
    private final List<long[]> calendarRows = new ArrayList<>();
    private int[] calendarCount = new int[0];
    private int[][] calendars = new int[0][];
    private boolean calendarsPreset;
    private final List<Enrollment> enrollments = new ArrayList<>();
    private int[] enrollmentHead = new int[0];
    private int[] enrollmentNext = new int[16];
    private int[] enrollmentSchool = new int[16];
    private @Nullable Grouped<Enrollment> enrollmentsByStudent;
    private int[] enrSchool = new int[0];
    private int[] enrFrom = new int[0];
    private int[] enrTo = new int[0];
    private final List<Diploma> diplomas = new ArrayList<>();
    private final AttendanceBuilder attendanceBuilder = new AttendanceBuilder();
    private @Nullable AttendanceColumns attendance;
    private long attendanceDuplicates;
    private final IdTable<IncidentId, BehaviorIncident> incidents = new IdTable<>(BehaviorIncident::incidentId);
    private final List<CourseMark> courseMarks = new ArrayList<>();
    private final IdTable<StaffId, Staff> staff = new IdTable<>(Staff::id);
    private final List<StaffAssignment> assignments = new ArrayList<>();
    private final List<StudentStaffRelationship> relationships = new ArrayList<>();
    private final IdTable<InterventionId, Intervention> interventions = new IdTable<>(Intervention::id);
    private final List<InterventionParticipant> participants = new ArrayList<>();
    private final IdTable<ConsentId, Consent> consents = new IdTable<>(Consent::id);
    private final AgreementVersions agreements = new AgreementVersions();
    private final Set<String> agreementKeys = new HashSet<>();
    private final DataElements dataElements;
    private final Map<DataFile, Set<String>> rejectedIds = new HashMap<>();
    private final Set<DataFile> rejectedFiles = java.util.EnumSet.noneOf(DataFile.class);

    /** An assembler that reports to {@code violations} and accepts the standard data elements in agreements. */
    public Assembler(Violations violations) {
        this(violations, DataElements.standard());
    }

    /** An assembler that reports to {@code violations} and accepts {@code dataElements} in agreements. */
    public Assembler(Violations violations, DataElements dataElements) {
        this.violations = violations;
        this.dataElements = dataElements;
    }

    // ---------------------------------------------------------------- canonical ids, for the parsers

    /** The canonical student id with this text, or null when unknown. */
    public @Nullable StudentId student(String id) {
        return students.canonical(id);
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

    /** The reason dictionary's code, or -1 when full. */
    public int reasonCode(String reason) {
        return attendanceBuilder.reasonCode(reason);
    }

    /** Notes that the row with this id in {@code file} was rejected, so that references to it say so. */
    public void rejected(DataFile file, String id) {
        rejectedIds.computeIfAbsent(file, f -> new HashSet<>()).add(id);
    }

    /** Notes that no row of {@code file} was read (its header broke a rule), so that references to it say so. */
    public void rejectedFile(DataFile file) {
        rejectedFiles.add(file);
    }

    /** The number of attendance rows dropped as duplicates once the file was sorted. */
    public long attendanceDuplicates() {
        return attendanceDuplicates;
    }

    // ---------------------------------------------------------------- reporting

    private boolean error(DataFile file, Where where, String column, @Nullable String value, String rule, String message) {
        violations.error(file, where.line(), where.column(column), column, value, rule, message);
        return false;
    }

    /** Reports that the student_id or school_id {@code id} in {@code column} names no accepted row. */
    public void reportMissing(String column, String id, DataFile file, Where where) {
        if (column.equals("student_id")) {
            exists(students, DataFile.STUDENTS, "student", id, file, where, column);
        } else {
            exists(schools, DataFile.SCHOOLS, "school", id, file, where, column);
        }
    }

    /**
     * Checks that {@code id} names a row of {@code target}; reports {@code reference.unknown-<kind>} or
     * {@code reference.rejected} otherwise.
     */
    private boolean exists(IdTable<?, ?> table, DataFile target, String kind, String id, DataFile file, Where where,
                           String column) {
        if (table.contains(id)) {
            return true;
        }
        if (rejectedFiles.contains(target)) {
            return error(file, where, column, id, "reference.rejected",
                    column + " refers to " + kind + " '" + id + "', but " + target.fileName() + " was rejected as a whole");
        }
        Set<String> rejected = rejectedIds.get(target);
        if (rejected != null && rejected.contains(id)) {
            return error(file, where, column, id, "reference.rejected",
                    column + " refers to " + kind + " '" + id + "', whose row in " + target.fileName() + " was rejected");
        }
        return error(file, where, column, id, "reference.unknown-" + kind,
                column + " must name a " + kind + " of " + target.fileName() + "; '" + id + "' is not there");
    }

    /** Like {@link #exists} for an id that must name a school or an organization. */
    private boolean educationOrganizationExists(String id, DataFile file, Where where, String column) {
        if (schools.contains(id) || organizations.contains(id)) {
            return true;
        }
        Set<String> rs = rejectedIds.getOrDefault(DataFile.SCHOOLS, Set.of());
        Set<String> ro = rejectedIds.getOrDefault(DataFile.ORGANIZATIONS, Set.of());
        if (rs.contains(id) || ro.contains(id)) {
            return error(file, where, column, id, "reference.rejected",
                    column + " refers to '" + id + "', whose row in schools.csv or organizations.csv was rejected");
        }
        return error(file, where, column, id, "reference.unknown-education-organization",
                column + " must name a school of schools.csv or an organization of organizations.csv; '" + id + "' is in neither");
    }

    private boolean unique(IdTable<?, ?> table, String id, DataFile file, Where where, String column) {
        if (table.contains(id)) {
            return error(file, where, column, id, "unique.id", column + " must be unique within " + file.fileName()
                    + "; '" + id + "' appears on an earlier row");
        }
        return true;
    }

    // ---------------------------------------------------------------- the records, in DataFile order

    /** organizations.csv: unique id. */
    public boolean add(Organization o, Where w) {
        if (!unique(organizations, o.id().value(), DataFile.ORGANIZATIONS, w, "organization_id")) {
            return false;
        }
        organizations.add(o.id().value(), o);
        return true;
    }

    /** schools.csv: unique id, not an organization's id, district is a DISTRICT organization. */
    public boolean add(School s, Where w) {
        DataFile f = DataFile.SCHOOLS;
        String id = s.id().value();
        boolean ok = unique(schools, id, f, w, "school_id");
        if (ok && organizations.contains(id)) {
            ok = error(f, w, "school_id", id, "unique.education-organization-id",
                    "school_id must differ from every organization_id; '" + id + "' is also in organizations.csv");
        }
        String district = s.districtId().value();
        if (exists(organizations, DataFile.ORGANIZATIONS, "organization", district, f, w, "district_id")
                && organizations.record(organizations.indexOf(district)).type() != OrganizationType.DISTRICT) {
            ok = error(f, w, "district_id", district, "school.district-type",
                    "district_id must name an organization of type DISTRICT; '" + district + "' is not one");
        } else if (!organizations.contains(district)) {
            ok = false;
        }
        if (ok) {
            if (schools.size() > 0xFFFF) {
                return error(f, w, "school_id", id, "school.limit", "at most 65,536 schools are supported");
            }
            schools.add(id, s);
        }
        return ok;
    }

    /** partnerships.csv: school and community organization exist; no duplicate; one lead per school and year. */
    public boolean add(Partnership p, Where w) {
        DataFile f = DataFile.PARTNERSHIPS;
        String school = p.schoolId().value();
        String org = p.organizationId().value();
        boolean ok = exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (exists(organizations, DataFile.ORGANIZATIONS, "organization", org, f, w, "organization_id")) {
            if (organizations.record(organizations.indexOf(org)).type() != OrganizationType.COMMUNITY_ORGANIZATION) {
                ok = error(f, w, "organization_id", org, "partnership.community-organization",
                        "organization_id must name a COMMUNITY_ORGANIZATION; '" + org + "' is not one");
            }
        } else {
            ok = false;
        }
        if (!ok) {
            return false;
        }
        if (!partnershipKeys.add(List.of(school, org, p.schoolYear()))) {
            return error(f, w, "school_id", school, "unique.partnership",
                    "a school, organization and school year may appear once; school '" + school + "', organization '"
                            + org + "', year " + p.schoolYear() + " are repeated");
        }
        if (p.role() == PartnershipRole.LEAD
                && !leads.add(DistrictIndex.schoolYearKey(schools.indexOf(school), p.schoolYear()))) {
            partnershipKeys.remove(List.of(school, org, p.schoolYear()));
            return error(f, w, "role", "LEAD", "partnership.one-lead", "a school has at most one LEAD partner per school year; school '"
                    + school + "' already has one in " + p.schoolYear());
        }
        partnerships.add(p);
        return true;
    }

    /** students.csv: unique id. */
    public boolean add(Student s, Where w) {
        if (!unique(students, s.id().value(), DataFile.STUDENTS, w, "student_id")) {
            return false;
        }
        students.add(s.id().value(), s);
        return true;
    }

    /** student_characteristics.csv: the student exists. */
    public boolean add(StudentCharacteristic c, Where w) {
        if (!exists(students, DataFile.STUDENTS, "student", c.studentId().value(), DataFile.STUDENT_CHARACTERISTICS, w, "student_id")) {
            return false;
        }
        characteristics.add(c);
        return true;
    }

    /** calendar.csv: the school exists (duplicates are found when the file ends). */
    public boolean add(InstructionalDay d, Where w) {
        String school = d.schoolId().value();
        if (!exists(schools, DataFile.SCHOOLS, "school", school, DataFile.CALENDAR, w, "school_id")) {
            return false;
        }
        int s = schools.indexOf(school);
        if (calendarCount.length < schools.size()) {
            calendarCount = Arrays.copyOf(calendarCount, schools.size());
            while (calendarRows.size() < schools.size()) {
                calendarRows.add(new long[0]);
            }
        }
        long[] rows = calendarRows.get(s);
        if (calendarCount[s] == rows.length) {
            rows = Arrays.copyOf(rows, Math.max(8, rows.length * 2));
            calendarRows.set(s, rows);
        }
        rows[calendarCount[s]++] = ((long) (int) d.date().toEpochDay() << 32) | (w.line() & 0xFFFFFFFFL);
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
        this.calendars = calendars;
        this.calendarsPreset = true;
        this.calendarRows.clear();
        this.calendarCount = new int[0];
    }

    /** The number of calendar rows dropped as duplicates. */
    private long finishCalendar() {
        if (calendarsPreset) {
            return 0;
        }
        long dropped = 0;
        calendars = new int[schools.size()][];
        for (int s = 0; s < schools.size(); s++) {
            int n = s < calendarCount.length ? calendarCount[s] : 0;
            if (n == 0) {
                calendars[s] = new int[0];
                continue;
            }
            long[] rows = calendarRows.get(s);
            Arrays.sort(rows, 0, n);
            int[] days = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                int day = (int) (rows[i] >> 32);
                if (k > 0 && days[k - 1] == day) {
                    long line = rows[i] & 0xFFFFFFFFL;
                    String id = schools.id(s).value();
                    violations.error(DataFile.CALENDAR, line, line == 0 ? 0 : 1, "school_id", id, "unique.calendar-day",
                            "a school's instructional day may appear once; school '" + id + "', date "
                                    + LocalDate.ofEpochDay(day) + " is repeated");
                    dropped++;
                    continue;
                }
                days[k++] = day;
            }
            calendars[s] = k == n ? days : Arrays.copyOf(days, k);
        }
        calendarRows.clear();
        calendarCount = new int[0];
        return dropped;
    }

    /** enrollments.csv: student and school exist, grade offered, no duplicate, no overlap at one school. */
    public boolean add(Enrollment e, Where w) {
        DataFile f = DataFile.ENROLLMENTS;
        String student = e.studentId().value();
        String school = e.schoolId().value();
        boolean ok = exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        ok &= exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (!ok) {
            return false;
        }
        int st = students.indexOf(student);
        int sc = schools.indexOf(school);
        School s = schools.record(sc);
        if (!s.offers(e.entryGrade())) {
            return error(f, w, "entry_grade", e.entryGrade().code(), "enrollment.grade-offered",
                    "entry_grade must be offered by the school (" + s.lowGrade() + "-" + s.highGrade() + " at '" + school + "')");
        }
        if (enrollmentHead.length < students.size()) {
            int old = enrollmentHead.length;
            enrollmentHead = Arrays.copyOf(enrollmentHead, students.size());
            Arrays.fill(enrollmentHead, old, enrollmentHead.length, -1);
        }
        for (int i = enrollmentHead[st]; i >= 0; i = enrollmentNext[i]) {
            if (enrollmentSchool[i] != sc) {
                continue;
            }
            Enrollment other = enrollments.get(i);
            if (other.entryDate().equals(e.entryDate())) {
                return error(f, w, "entry_date", e.entryDate().toString(), "unique.enrollment",
                        "a student, school and entry_date may appear once; student '" + student + "' at school '" + school
                                + "' entering " + e.entryDate() + " is repeated");
            }
            if (other.period().overlaps(e.period())) {
                return error(f, w, "entry_date", e.entryDate().toString(), "enrollment.no-overlap-at-school",
                        "enrollments of one student at one school must not overlap; student '" + student + "' at school '"
                                + school + "': " + e.period() + " overlaps " + other.period());
            }
        }
        int i = enrollments.size();
        if (i == enrollmentNext.length) {
            enrollmentNext = Arrays.copyOf(enrollmentNext, i * 2);
            enrollmentSchool = Arrays.copyOf(enrollmentSchool, i * 2);
        }
        enrollmentNext[i] = enrollmentHead[st];
        enrollmentSchool[i] = sc;
        enrollmentHead[st] = i;
        enrollments.add(e);
        return true;
    }

    private void finishEnrollments() {
        Grouped<Enrollment> byStudent = Grouped.of(enrollments, students.size(), e -> students.indexOf(e.studentId().value()),
                Comparator.comparing(Enrollment::entryDate).thenComparing(e -> e.schoolId().value()));
        enrSchool = new int[byStudent.size()];
        enrFrom = new int[byStudent.size()];
        enrTo = new int[byStudent.size()];
        for (int i = 0; i < byStudent.size(); i++) {
            Enrollment e = byStudent.at(i);
            enrSchool[i] = schools.indexOf(e.schoolId().value());
            enrFrom[i] = (int) e.entryDate().toEpochDay();
            enrTo[i] = e.exitWithdrawDate().map(d -> (int) d.toEpochDay()).orElse(OPEN_END);
        }
        enrollmentsByStudent = byStudent;
        enrollmentHead = new int[0];
        enrollmentNext = new int[0];
        enrollmentSchool = new int[0];
    }

    private Grouped<Enrollment> enrollmentIndex() {
        if (enrollmentsByStudent == null) {
            finishEnrollments();
        }
        return enrollmentsByStudent;
    }

    /** Whether the student at {@code st} was enrolled at school {@code sc} on an epoch day in [from, to] (inclusive). */
    private boolean enrolledBetween(int st, int sc, int from, int to) {
        Grouped<Enrollment> g = enrollmentIndex();
        for (int i = g.start(st), end = g.end(st); i < end; i++) {
            if (enrSchool[i] == sc && enrFrom[i] <= to && enrTo[i] >= from) {
                return true;
            }
        }
        return false;
    }

    /** diplomas.csv: student and school exist, and the student was enrolled at the school at some time. */
    public boolean add(Diploma d, Where w) {
        DataFile f = DataFile.DIPLOMAS;
        String student = d.studentId().value();
        String school = d.schoolId().value();
        boolean ok = exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        ok &= exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (!ok) {
            return false;
        }
        if (!enrolledBetween(students.indexOf(student), schools.indexOf(school), Integer.MIN_VALUE, Integer.MAX_VALUE)) {
            return error(f, w, "school_id", school, "diploma.enrolled-at-school",
                    "a diploma's school must be one the student was enrolled in; student '" + student
                            + "' has no enrollment at school '" + school + "'");
        }
        diplomas.add(d);
        return true;
    }

    /**
     * attendance.csv, for rows whose student and school were already resolved to dense indexes: the day is an
     * instructional day of the school (when it has a calendar) and inside an enrollment of the student there.
     */
    public boolean addAttendance(int student, int school, int epochDay, int packed, Where w) {
        DataFile f = DataFile.ATTENDANCE;
        int[] calendar = calendarsReady()[school];
        boolean ok = true;
        if (calendar.length > 0 && Arrays.binarySearch(calendar, epochDay) < 0) {
            ok = error(f, w, "date", LocalDate.ofEpochDay(epochDay).toString(), "attendance.on-instructional-day",
                    "attendance must fall on an instructional day of the school's calendar; " + LocalDate.ofEpochDay(epochDay)
                            + " is not one at school '" + schools.id(school).value() + "'");
        }
        if (!enrolledBetween(student, school, epochDay, epochDay)) {
            ok = error(f, w, "date", LocalDate.ofEpochDay(epochDay).toString(), "attendance.within-enrollment",
                    "attendance must fall inside an enrollment of the student at the school; student '"
                            + students.id(student).value() + "' was not enrolled at school '" + schools.id(school).value()
                            + "' on " + LocalDate.ofEpochDay(epochDay));
        }
        if (ok) {
            attendanceBuilder.add(student, school, epochDay, packed, w.line());
        }
        return ok;
    }

    /** attendance.csv, for a record built in code. */
    public boolean add(AttendanceRecord a, Where w) {
        DataFile f = DataFile.ATTENDANCE;
        boolean ok = exists(students, DataFile.STUDENTS, "student", a.studentId().value(), f, w, "student_id");
        ok &= exists(schools, DataFile.SCHOOLS, "school", a.schoolId().value(), f, w, "school_id");
        if (!ok) {
            return false;
        }
        int reason = 0;
        if (a.reason().isPresent()) {
            reason = attendanceBuilder.reasonCode(a.reason().get());
            if (reason < 0) {
                return error(f, w, "reason", a.reason().get(), "attendance.reason-limit",
                        "at most " + AttendanceColumns.MAX_REASONS + " distinct reasons are supported");
            }
        }
        return addAttendance(students.indexOf(a.studentId().value()), schools.indexOf(a.schoolId().value()),
                (int) a.date().toEpochDay(), AttendanceColumns.pack(a.category().ordinal(), a.duration().tenThousandths(), reason), w);
    }

    private int[][] calendarsReady() {
        if (calendars.length < schools.size()) {
            finishCalendar();
        }
        return calendars;
    }

    private void finishAttendance() {
        enrollmentIndex();
        attendance = attendanceBuilder.build(students.size(), students::id, schools::id, (line, first, st, sc, day) -> {
            attendanceDuplicates++;
            violations.error(DataFile.ATTENDANCE, line, line == 0 ? 0 : 1, "student_id", students.id(st).value(),
                    "unique.attendance", "a student, school and date may appear once; student '" + students.id(st).value()
                            + "' at school '" + schools.id(sc).value() + "' on " + LocalDate.ofEpochDay(day)
                            + (first > 0 ? " is already on line " + first : " is repeated"));
        });
    }

    /** behavior.csv: unique incident id, student and school exist, the date is inside an enrollment there. */
    public boolean add(BehaviorIncident b, Where w) {
        DataFile f = DataFile.BEHAVIOR;
        boolean ok = unique(incidents, b.incidentId().value(), f, w, "incident_id");
        String student = b.studentId().value();
        String school = b.schoolId().value();
        boolean refs = exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        refs &= exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (refs) {
            int day = (int) b.date().toEpochDay();
            if (!enrolledBetween(students.indexOf(student), schools.indexOf(school), day, day)) {
                ok = error(f, w, "date", b.date().toString(), "behavior.within-enrollment",
                        "an incident must fall inside an enrollment of the student at the school; student '" + student
                                + "' was not enrolled at school '" + school + "' on " + b.date());
            }
        }
        if (ok && refs) {
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
        boolean ok = exists(students, DataFile.STUDENTS, "student", student, f, w, "student_id");
        ok &= exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (!ok) {
            return false;
        }
        SchoolYear y = m.schoolYear();
        if (!enrolledBetween(students.indexOf(student), schools.indexOf(school), (int) y.firstDay().toEpochDay(),
                (int) y.lastDay().toEpochDay())) {
            return error(f, w, "school_year", y.toString(), "course-mark.within-enrollment",
                    "a course mark's school year must overlap an enrollment of the student at the school; student '"
                            + student + "' was not enrolled at school '" + school + "' in " + y.label());
        }
        courseMarks.add(m);
        return true;
    }

    /** staff.csv: unique id, the employer is an organization. */
    public boolean add(Staff s, Where w) {
        DataFile f = DataFile.STAFF;
        boolean ok = unique(staff, s.id().value(), f, w, "staff_id");
        ok &= exists(organizations, DataFile.ORGANIZATIONS, "organization", s.employerId().value(), f, w, "employer_id");
        if (ok) {
            staff.add(s.id().value(), s);
        }
        return ok;
    }

    /** staff_assignments.csv: the staff member exists; the organization is a school or an organization. */
    public boolean add(StaffAssignment a, Where w) {
        DataFile f = DataFile.STAFF_ASSIGNMENTS;
        boolean ok = exists(staff, DataFile.STAFF, "staff", a.staffId().value(), f, w, "staff_id");
        ok &= educationOrganizationExists(a.organizationId().value(), f, w, "organization_id");
        if (ok) {
            assignments.add(a);
        }
        return ok;
    }

    /** student_staff.csv: student and staff member exist. */
    public boolean add(StudentStaffRelationship r, Where w) {
        DataFile f = DataFile.STUDENT_STAFF;
        boolean ok = exists(students, DataFile.STUDENTS, "student", r.studentId().value(), f, w, "student_id");
        ok &= exists(staff, DataFile.STAFF, "staff", r.staffId().value(), f, w, "staff_id");
        if (ok) {
            relationships.add(r);
        }
        return ok;
    }

    /** interventions.csv: unique id, the provider is a school or organization, the school exists. */
    public boolean add(Intervention i, Where w) {
        DataFile f = DataFile.INTERVENTIONS;
        boolean ok = unique(interventions, i.id().value(), f, w, "intervention_id");
        ok &= educationOrganizationExists(i.providerId().value(), f, w, "provider_id");
        ok &= exists(schools, DataFile.SCHOOLS, "school", i.schoolId().value(), f, w, "school_id");
        if (ok) {
            interventions.add(i.id().value(), i);
        }
        return ok;
    }

    /** intervention_participants.csv: intervention, student and (when given) staff member exist. */
    public boolean add(InterventionParticipant p, Where w) {
        DataFile f = DataFile.INTERVENTION_PARTICIPANTS;
        boolean ok = exists(interventions, DataFile.INTERVENTIONS, "intervention", p.interventionId().value(), f, w, "intervention_id");
        ok &= exists(students, DataFile.STUDENTS, "student", p.studentId().value(), f, w, "student_id");
        if (p.staffId().isPresent()) {
            ok &= exists(staff, DataFile.STAFF, "staff", p.staffId().get().value(), f, w, "staff_id");
        }
        if (ok) {
            participants.add(p);
        }
        return ok;
    }

    /** consents.csv: unique id, student exists, the recipient is an organization. */
    public boolean add(Consent c, Where w) {
        DataFile f = DataFile.CONSENTS;
        boolean ok = unique(consents, c.id().value(), f, w, "consent_id");
        ok &= exists(students, DataFile.STUDENTS, "student", c.studentId().value(), f, w, "student_id");
        ok &= exists(organizations, DataFile.ORGANIZATIONS, "organization", c.recipientId().value(), f, w, "recipient_id");
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
        DataFile f = DataFile.AGREEMENTS;
        boolean ok = true;
        String key = a.id().value() + "#" + a.version();
        if (agreementKeys.contains(key)) {
            ok = error(f, w, "agreement_id", a.id().value(), "unique.id",
                    "an agreement_id and version may appear once; '" + a.id().value() + "' version " + a.version() + " is repeated");
        }
        ok &= exists(organizations, DataFile.ORGANIZATIONS, "organization", a.disclosingOrganizationId().value(), f, w,
                "disclosing_organization_id");
        ok &= exists(organizations, DataFile.ORGANIZATIONS, "organization", a.recipientOrganizationId().value(), f, w,
                "recipient_organization_id");
        for (SchoolId s : new TreeSet<>(a.schoolIds())) {
            ok &= exists(schools, DataFile.SCHOOLS, "school", s.value(), f, w, "school_ids");
        }
        for (String element : new TreeSet<>(a.dataElements())) {
            if (!dataElements.isKnown(element)) {
                ok = error(f, w, "data_elements", element, DomainCodecs.DATA_ELEMENT, "data_elements must name field paths "
                        + "of the field catalog or data category names; '" + element + "' is neither");
            }
        }
        if (ok) {
            agreementKeys.add(key);
            agreements.add(a, w);
        } else {
            agreements.rejected(a.id().value());
        }
        return ok;
    }

    /** Adds a record of any type of the directory with the rules of its file; false when it was rejected. */
    public boolean addAny(Object r, Where w) {
        if (r instanceof Organization x) {
            return add(x, w);
        } else if (r instanceof School x) {
            return add(x, w);
        } else if (r instanceof Partnership x) {
            return add(x, w);
        } else if (r instanceof Student x) {
            return add(x, w);
        } else if (r instanceof StudentCharacteristic x) {
            return add(x, w);
        } else if (r instanceof InstructionalDay x) {
            return add(x, w);
        } else if (r instanceof Enrollment x) {
            return add(x, w);
        } else if (r instanceof Diploma x) {
            return add(x, w);
        } else if (r instanceof AttendanceRecord x) {
            return add(x, w);
        } else if (r instanceof BehaviorIncident x) {
            return add(x, w);
        } else if (r instanceof CourseMark x) {
            return add(x, w);
        } else if (r instanceof Staff x) {
            return add(x, w);
        } else if (r instanceof StaffAssignment x) {
            return add(x, w);
        } else if (r instanceof StudentStaffRelationship x) {
            return add(x, w);
        } else if (r instanceof Intervention x) {
            return add(x, w);
        } else if (r instanceof InterventionParticipant x) {
            return add(x, w);
        } else if (r instanceof Consent x) {
            return add(x, w);
        } else if (r instanceof DataSharingAgreement x) {
            return add(x, w);
        }
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
            case CALENDAR -> finishCalendar();
            case ENROLLMENTS -> {
                finishEnrollments();
                yield 0;
            }
            case ATTENDANCE -> {
                calendarsReady();
                finishAttendance();
                yield attendanceDuplicates;
            }
            case AGREEMENTS -> agreements.finish(violations);
            default -> 0;
        };
    }

    /** Builds the indexes; call after {@link #endOfFile} for every file. */
    public DistrictIndex finish() {
        if (attendance == null) {
            calendarsReady();
            finishAttendance();
        }
        Grouped<Enrollment> byStudent = enrollmentIndex();
        organizations.trim();
        schools.trim();
        students.trim();
        staff.trim();
        incidents.trim();
        interventions.trim();
        consents.trim();
        Map<Long, List<Partnership>> bySchoolYear = new HashMap<>();
        Map<Long, List<SchoolId>> byOrgYear = new HashMap<>();
        for (Partnership p : partnerships) {
            bySchoolYear.computeIfAbsent(DistrictIndex.schoolYearKey(schools.indexOf(p.schoolId().value()), p.schoolYear()),
                    k -> new ArrayList<>()).add(p);
            byOrgYear.computeIfAbsent(DistrictIndex.schoolYearKey(organizations.indexOf(p.organizationId().value()), p.schoolYear()),
                    k -> new ArrayList<>()).add(p.schoolId());
        }
        bySchoolYear.replaceAll((k, v) -> {
            List<Partnership> sorted = new ArrayList<>(v);
            sorted.sort(Comparator.comparing((Partnership p) -> p.role()).thenComparing(p -> p.organizationId().value()));
            return List.copyOf(sorted);
        });
        byOrgYear.replaceAll((k, v) -> v.stream().sorted().distinct().toList());
        AttendanceColumns att = attendance;
        List<Partnership> partnershipList = List.copyOf(partnerships);
        List<Enrollment> enrollmentList = List.copyOf(enrollments);
        List<CourseMark> markList = List.copyOf(courseMarks);
        int[][] calendarDays = calendars;
        // computed when first read: a live batch's check never reads it
        SortedSet<SchoolYear> years = new org.communityschools.core.internal.index.LazySortedSet<>(
                () -> schoolYears(partnershipList, calendarDays, enrollmentList, markList, att));
        int ns = students.size();
        return new DistrictIndex(organizations, schools, partnershipList, Map.copyOf(bySchoolYear),
                Map.copyOf(byOrgYear), students, List.copyOf(characteristics),
                Grouped.of(characteristics, ns, c -> students.indexOf(c.studentId().value()),
                        Comparator.comparing((StudentCharacteristic c) -> c.period().start()).thenComparing(StudentCharacteristic::characteristic)),
                calendars, enrollmentList, byStudent,
                Grouped.of(enrollments, schools.size(), e -> schools.indexOf(e.schoolId().value()), ENROLLMENTS_AT_SCHOOL),
                List.copyOf(diplomas), Grouped.of(diplomas, ns, d -> students.indexOf(d.studentId().value()),
                        Comparator.comparing(Diploma::awardDate).thenComparing(Diploma::schoolId)),
                att, incidents, Grouped.of(incidents.records(), ns, b -> students.indexOf(b.studentId().value()),
                        Comparator.comparing(BehaviorIncident::date).thenComparing(BehaviorIncident::incidentId, Comparator.comparing(IncidentId::value))),
                markList, Grouped.of(courseMarks, ns, m -> students.indexOf(m.studentId().value()),
                        Comparator.comparing(CourseMark::schoolYear).thenComparing(CourseMark::term).thenComparing(CourseMark::courseCode)
                                .thenComparing(CourseMark::schoolId)),
                staff, List.copyOf(assignments), Grouped.of(assignments, staff.size(), a -> staff.indexOf(a.staffId().value()),
                        Comparator.comparing((StaffAssignment a) -> a.period().start()).thenComparing(a -> a.organizationId().value())
                                .thenComparing(StaffAssignment::role)),
                List.copyOf(relationships),
                Grouped.of(relationships, staff.size(), r -> staff.indexOf(r.staffId().value()), RELATIONSHIPS_OF_STAFF),
                Grouped.of(relationships, ns, r -> students.indexOf(r.studentId().value()),
                        Comparator.comparing((StudentStaffRelationship r) -> r.period().start()).thenComparing(StudentStaffRelationship::staffId)
                                .thenComparing(StudentStaffRelationship::relationship)),
                interventions, List.copyOf(participants),
                Grouped.of(participants, ns, p -> students.indexOf(p.studentId().value()),
                        Comparator.comparing((InterventionParticipant p) -> p.period().start()).thenComparing(InterventionParticipant::interventionId)),
                consents, Grouped.of(consents.records(), ns, c -> students.indexOf(c.studentId().value()),
                        Comparator.comparing(Consent::signedDate).thenComparing(Consent::id)),
                agreements.accepted(), agreements.histories(), years);
    }

    /** The order of a school's enrollments: by entry date, then student. */
    public static final Comparator<Enrollment> ENROLLMENTS_AT_SCHOOL =
            Comparator.comparing(Enrollment::entryDate).thenComparing(Enrollment::studentId);
    /** The order of a staff member's relationships: by begin date, then student, then relationship. */
    public static final Comparator<StudentStaffRelationship> RELATIONSHIPS_OF_STAFF =
            Comparator.comparing((StudentStaffRelationship r) -> r.period().start())
                    .thenComparing(StudentStaffRelationship::studentId).thenComparing(StudentStaffRelationship::relationship);

    /**
     * The school years that occur in the data: of partnerships, of each calendar's first and last day, of enrollment
     * entry and exit dates, of course marks, and every year from the first to the last attendance day. Unmodifiable.
     */
    public static SortedSet<SchoolYear> schoolYears(List<Partnership> partnerships, int[][] calendars,
                                                    List<Enrollment> enrollments, List<CourseMark> courseMarks,
                                                    AttendanceColumns att) {
        TreeSet<SchoolYear> years = new TreeSet<>();
        for (Partnership p : partnerships) {
            years.add(p.schoolYear());
        }
        for (int[] days : calendars) {
            if (days.length > 0) {
                years.add(SchoolYear.containing(LocalDate.ofEpochDay(days[0])));
                years.add(SchoolYear.containing(LocalDate.ofEpochDay(days[days.length - 1])));
            }
        }
        for (Enrollment e : enrollments) {
            years.add(SchoolYear.containing(e.entryDate()));
            e.exitWithdrawDate().ifPresent(d -> years.add(SchoolYear.containing(d)));
        }
        for (CourseMark m : courseMarks) {
            years.add(m.schoolYear());
        }
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        att.forEach((student, school, day, category, duration) -> {
            range[0] = Math.min(range[0], day);
            range[1] = Math.max(range[1], day);
        });
        if (att.size() > 0) {
            for (int y = SchoolYear.containing(LocalDate.ofEpochDay(range[0])).endYear();
                 y <= SchoolYear.containing(LocalDate.ofEpochDay(range[1])).endYear(); y++) {
                years.add(SchoolYear.of(y));
            }
        }
        return java.util.Collections.unmodifiableSortedSet(years);
    }

    /** Helper for parsers: an education organization id typed by the table it is in (school first). */
    public EducationOrganizationId educationOrganization(String id) {
        SchoolId s = schools.canonical(id);
        if (s != null) {
            return s;
        }
        OrganizationId o = organizations.canonical(id);
        return o != null ? o : OrganizationId.of(id);
    }
}
