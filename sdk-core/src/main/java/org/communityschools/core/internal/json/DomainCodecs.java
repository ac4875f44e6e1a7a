package org.communityschools.core.internal.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.communityschools.core.data.DataFile;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonGenerator;
import org.jspecify.annotations.Nullable;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.AuthenticationMethod;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.Grantor;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.ParticipationStatus;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Signatory;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.model.Subject;

/**
 * The JSON objects of the domain records: one {@link RecordCodec} per record, whose keys are the columns of its
 * {@link DataFile} in the same order. The one place that maps the domain to JSON, used by the Jackson module and by
 * {@code AgreementsFile}.
 */
public final class DomainCodecs {
    private DomainCodecs() {}

    // identifiers: plain strings
    /** {@code agreement_id}. */
    public static final Codec<AgreementId> AGREEMENT_ID = id(AgreementId::of, AgreementId::value);
    /** {@code organization_id} and other organization references. */
    public static final Codec<OrganizationId> ORGANIZATION_ID = id(OrganizationId::of, OrganizationId::value);
    /** {@code school_id}. */
    public static final Codec<SchoolId> SCHOOL_ID = id(SchoolId::of, SchoolId::value);
    /** {@code student_id}. */
    public static final Codec<StudentId> STUDENT_ID = id(StudentId::of, StudentId::value);
    /** {@code staff_id}. */
    public static final Codec<StaffId> STAFF_ID = id(StaffId::of, StaffId::value);
    /** An instant as ISO-8601 in UTC ({@code recorded_at}). */
    public static final Codec<java.time.Instant> INSTANT = Codecs.string("an instant in UTC such as 2026-12-07T05:30:00Z",
            org.communityschools.core.internal.io.Values::parseInstant, org.communityschools.core.internal.io.Values::formatInstant);
    /** {@code incident_id}. */
    public static final Codec<IncidentId> INCIDENT_ID = id(IncidentId::of, IncidentId::value);
    /** {@code intervention_id}. */
    public static final Codec<InterventionId> INTERVENTION_ID = id(InterventionId::of, InterventionId::value);
    /** {@code consent_id}. */
    public static final Codec<ConsentId> CONSENT_ID = id(ConsentId::of, ConsentId::value);

    private static <I> Codec<I> id(Function<String, I> factory, Function<I, String> value) {
        return Codecs.string("an identifier (1-32 characters, no whitespace)", factory, value);
    }

    /**
     * A school or organization reference, written as its plain identifier. The JSON does not say which of the two it
     * is (they share one namespace, resolved against the directory), so reading needs {@code resolver}.
     */
    public static Codec<EducationOrganizationId> educationOrganizationId(Function<String, EducationOrganizationId> resolver) {
        Objects.requireNonNull(resolver, "resolver");
        return Codecs.string("an identifier (1-32 characters, no whitespace)",
                text -> Objects.requireNonNull(resolver.apply(text), "the resolver returned null"), EducationOrganizationId::value);
    }

    /** The resolver used when none is given: it refuses, because a plain identifier cannot tell a school from an organization. */
    public static final Function<String, EducationOrganizationId> NO_RESOLVER = text -> {
        throw new IllegalArgumentException("cannot tell whether '" + text + "' is a school or an organization: "
                + "read with a module built with a resolver, CommunitySchoolsJson.module(resolver)");
    };

    // enumerations: their upper-case codes
    /** The enumerations of the model whose constant names are their codes. */
    public static final List<Class<? extends Enum<?>>> CODE_ENUMS = List.of(AgreementStatus.class, AttendanceCategory.class,
            AuthenticationMethod.class, BehaviorType.class, CourseResult.class, DataCategory.class, DiplomaType.class,
            DisciplineActionType.class, ExitWithdrawType.class, Grantor.class, InterventionType.class, LegalBasis.class,
            OrganizationType.class, ParticipationStatus.class, PartnershipRole.class, RaceEthnicity.class,
            RelationshipType.class, SchoolType.class, Sex.class, StaffRole.class, StudentCharacteristicType.class, Subject.class);

    /** A signatory of an agreement: {@code {"name": …, "title": …}}; the name is personal data. */
    public static final RecordCodec<Signatory> SIGNATORY = signatory();

    private static RecordCodec<Signatory> signatory() {
        var b = RecordCodec.builder(Signatory.class, "name"::equals);
        var name = b.required("name", Codecs.STRING, Signatory::name);
        var title = b.required("title", Codecs.STRING, Signatory::title);
        return b.build(g -> new Signatory(g.get(name), g.get(title)));
    }

    /** An agreement as in {@code agreements.json}, naming only the {@link DataElements#standard() standard} data elements. */
    public static final RecordCodec<DataSharingAgreement> AGREEMENT = agreement(DataElements.standard());

    /** Rule code: a data element of an agreement is neither a known field path nor a data category name. */
    public static final String DATA_ELEMENT = "agreement.data-element";

    /**
     * An agreement as in {@code agreements.json} whose {@code data_elements} must be {@code known}; an unknown element is
     * reported at its array element with rule {@link #DATA_ELEMENT}. {@code version_effective_date} defaults to
     * {@code effective_date} and is written only when it differs.
     */
    public static RecordCodec<DataSharingAgreement> agreement(DataElements known) {
        Objects.requireNonNull(known, "known");
        DataFile f = DataFile.AGREEMENTS;
        var b = RecordCodec.builder(DataSharingAgreement.class, f::isPersonal);
        var id = b.required("agreement_id", AGREEMENT_ID, DataSharingAgreement::id);
        var version = b.required("version", Codecs.INT, DataSharingAgreement::version);
        var versionDate = b.optional("version_effective_date", Codecs.DATE, a -> a.versionEffectiveDate().equals(a.effectiveDate())
                ? Optional.empty() : Optional.of(a.versionEffectiveDate()));
        var status = b.required("status", Codecs.code(AgreementStatus.class), DataSharingAgreement::status);
        var disclosing = b.required("disclosing_organization_id", ORGANIZATION_ID, DataSharingAgreement::disclosingOrganizationId);
        var recipient = b.required("recipient_organization_id", ORGANIZATION_ID, DataSharingAgreement::recipientOrganizationId);
        var basis = b.required("legal_basis", Codecs.code(LegalBasis.class), DataSharingAgreement::legalBasis);
        var purpose = b.required("purpose", Codecs.STRING, DataSharingAgreement::purpose);
        var schools = b.required("school_ids", Codecs.setOf(SCHOOL_ID, Comparator.<SchoolId>naturalOrder()), DataSharingAgreement::schoolIds);
        var years = b.required("school_years", Codecs.setOf(Codecs.SCHOOL_YEAR, Comparator.<SchoolYear>naturalOrder()), DataSharingAgreement::schoolYears);
        var elements = b.required("data_elements", Codecs.setOf(dataElement(known), Comparator.<String>naturalOrder()), DataSharingAgreement::dataElements);
        var roles = b.required("permitted_roles", Codecs.setOf(Codecs.code(StaffRole.class), Comparator.<StaffRole>naturalOrder()), DataSharingAgreement::permittedRoles);
        var effective = b.required("effective_date", Codecs.DATE, DataSharingAgreement::effectiveDate);
        var end = b.required("end_date", Codecs.DATE, DataSharingAgreement::endDate);
        var signed = b.required("signed_date", Codecs.DATE, DataSharingAgreement::signedDate);
        var signatories = b.defaulted("signatories", Codecs.listOf(SIGNATORY), DataSharingAgreement::signatories);
        var destruction = b.required("destruction_days", Codecs.INT, DataSharingAgreement::destructionDays);
        var redisclosure = b.defaulted("redisclosure_allowed", Codecs.BOOLEAN, DataSharingAgreement::redisclosureAllowed);
        return b.build(g -> new DataSharingAgreement(g.get(id), g.get(version), g.get(status), g.get(disclosing),
                g.get(recipient), g.get(basis), g.get(purpose), g.get(schools), g.get(years), g.get(elements),
                g.get(roles), g.get(effective), g.get(end), g.get(signed), g.opt(signatories).orElse(List.of()),
                g.get(destruction), g.opt(redisclosure).orElse(false), g.opt(versionDate).orElse(g.get(effective))));
    }

    /** One data element: a string that {@code known} knows, reported with rule {@link #DATA_ELEMENT} otherwise. */
    private static Codec<String> dataElement(DataElements known) {
        return new Codec<>() {
            @Override
            public @Nullable String read(JsonParser p, Reporter reporter) {
                TokenStreamLocation at = p.currentTokenLocation();
                String value = Codecs.STRING.read(p, reporter);
                if (value != null && !known.isKnown(value)) {
                    reporter.error(DATA_ELEMENT, at, Optional.of(value), "data_elements must name field paths of the field "
                            + "catalog or data category names; '" + value + "' is neither");
                    return null;
                }
                return value;
            }

            @Override
            public void write(String value, JsonGenerator g) {
                Codecs.STRING.write(value, g);
            }
        };
    }

    // periods: flat begin_date / end_date (the inclusive last day, absent when open-ended)

    private static DateRange period(LocalDate begin, Optional<LocalDate> end) {
        if (end.isPresent() && end.get().isBefore(begin)) {
            throw new IllegalArgumentException("end_date must not be before begin_date: begin " + begin + ", end " + end.get());
        }
        return DateRange.closed(begin, end);
    }

    /** A date range on its own: {@code {"begin_date": …, "end_date": …}}, the end being the inclusive last day. */
    public static final RecordCodec<DateRange> DATE_RANGE = dateRange();

    private static RecordCodec<DateRange> dateRange() {
        var b = RecordCodec.builder(DateRange.class, name -> false);
        var begin = b.required("begin_date", Codecs.DATE, DateRange::start);
        var end = b.optional("end_date", Codecs.DATE, DateRange::lastDay);
        return b.build(g -> period(g.get(begin), g.opt(end)));
    }

    /** {@code organizations.csv}. */
    public static final RecordCodec<Organization> ORGANIZATION = organization();

    private static RecordCodec<Organization> organization() {
        var b = RecordCodec.builder(Organization.class, DataFile.ORGANIZATIONS::isPersonal);
        var id = b.required("organization_id", ORGANIZATION_ID, Organization::id);
        var name = b.required("name", Codecs.STRING, Organization::name);
        var type = b.required("type", Codecs.code(OrganizationType.class), Organization::type);
        return b.build(g -> new Organization(g.get(id), g.get(name), g.get(type)));
    }

    /** {@code schools.csv}. */
    public static final RecordCodec<School> SCHOOL = school();

    private static RecordCodec<School> school() {
        var b = RecordCodec.builder(School.class, DataFile.SCHOOLS::isPersonal);
        var id = b.required("school_id", SCHOOL_ID, School::id);
        var name = b.required("name", Codecs.STRING, School::name);
        var district = b.required("district_id", ORGANIZATION_ID, School::districtId);
        var low = b.required("low_grade", Codecs.GRADE, School::lowGrade);
        var high = b.required("high_grade", Codecs.GRADE, School::highGrade);
        var type = b.required("school_type", Codecs.code(SchoolType.class), School::schoolType);
        return b.build(g -> new School(g.get(id), g.get(name), g.get(district), g.get(low), g.get(high), g.get(type)));
    }

    /** {@code partnerships.csv}. */
    public static final RecordCodec<Partnership> PARTNERSHIP = partnership();

    private static RecordCodec<Partnership> partnership() {
        var b = RecordCodec.builder(Partnership.class, DataFile.PARTNERSHIPS::isPersonal);
        var school = b.required("school_id", SCHOOL_ID, Partnership::schoolId);
        var organization = b.required("organization_id", ORGANIZATION_ID, Partnership::organizationId);
        var year = b.required("school_year", Codecs.SCHOOL_YEAR, Partnership::schoolYear);
        var role = b.required("role", Codecs.code(PartnershipRole.class), Partnership::role);
        return b.build(g -> new Partnership(g.get(school), g.get(organization), g.get(year), g.get(role)));
    }

    /** {@code students.csv}; names and birth date are personal. */
    public static final RecordCodec<Student> STUDENT = student();

    private static RecordCodec<Student> student() {
        var b = RecordCodec.builder(Student.class, DataFile.STUDENTS::isPersonal);
        var id = b.required("student_id", STUDENT_ID, Student::id);
        var first = b.required("first_name", Codecs.STRING, Student::firstName);
        var last = b.required("last_name", Codecs.STRING, Student::lastName);
        var birth = b.required("birth_date", Codecs.DATE, Student::birthDate);
        var sex = b.required("sex", Codecs.code(Sex.class), Student::sex);
        var race = b.required("race_ethnicity", Codecs.code(RaceEthnicity.class), Student::raceEthnicity);
        var cohort = b.optional("ninth_grade_cohort", Codecs.SCHOOL_YEAR, Student::ninthGradeCohort);
        var optOut = b.defaulted("directory_opt_out", Codecs.BOOLEAN, Student::directoryOptOut);
        return b.build(g -> new Student(g.get(id), g.get(first), g.get(last), g.get(birth), g.get(sex), g.get(race),
                g.opt(cohort), g.opt(optOut).orElse(false)));
    }

    /** {@code student_characteristics.csv}. */
    public static final RecordCodec<StudentCharacteristic> STUDENT_CHARACTERISTIC = studentCharacteristic();

    private static RecordCodec<StudentCharacteristic> studentCharacteristic() {
        var b = RecordCodec.builder(StudentCharacteristic.class, DataFile.STUDENT_CHARACTERISTICS::isPersonal);
        var student = b.required("student_id", STUDENT_ID, StudentCharacteristic::studentId);
        var characteristic = b.required("characteristic", Codecs.code(StudentCharacteristicType.class), StudentCharacteristic::characteristic);
        var begin = b.required("begin_date", Codecs.DATE, c -> c.period().start());
        var end = b.optional("end_date", Codecs.DATE, c -> c.period().lastDay());
        return b.build(g -> new StudentCharacteristic(g.get(student), g.get(characteristic), period(g.get(begin), g.opt(end))));
    }

    /** {@code calendar.csv}. */
    public static final RecordCodec<InstructionalDay> INSTRUCTIONAL_DAY = instructionalDay();

    private static RecordCodec<InstructionalDay> instructionalDay() {
        var b = RecordCodec.builder(InstructionalDay.class, DataFile.CALENDAR::isPersonal);
        var school = b.required("school_id", SCHOOL_ID, InstructionalDay::schoolId);
        var date = b.required("date", Codecs.DATE, InstructionalDay::date);
        return b.build(g -> new InstructionalDay(g.get(school), g.get(date)));
    }

    /** {@code enrollments.csv}. */
    public static final RecordCodec<Enrollment> ENROLLMENT = enrollment();

    private static RecordCodec<Enrollment> enrollment() {
        var b = RecordCodec.builder(Enrollment.class, DataFile.ENROLLMENTS::isPersonal);
        var student = b.required("student_id", STUDENT_ID, Enrollment::studentId);
        var school = b.required("school_id", SCHOOL_ID, Enrollment::schoolId);
        var entry = b.required("entry_date", Codecs.DATE, Enrollment::entryDate);
        var grade = b.required("entry_grade", Codecs.GRADE, Enrollment::entryGrade);
        var exit = b.optional("exit_date", Codecs.DATE, Enrollment::exitWithdrawDate);
        var type = b.optional("exit_type", Codecs.code(ExitWithdrawType.class), Enrollment::exitWithdrawType);
        var documented = b.defaulted("exit_documented", Codecs.BOOLEAN, Enrollment::exitDocumented);
        return b.build(g -> new Enrollment(g.get(student), g.get(school), g.get(entry), g.get(grade), g.opt(exit), g.opt(type),
                g.opt(documented).orElse(false)));
    }

    /** {@code diplomas.csv}. */
    public static final RecordCodec<Diploma> DIPLOMA = diploma();

    private static RecordCodec<Diploma> diploma() {
        var b = RecordCodec.builder(Diploma.class, DataFile.DIPLOMAS::isPersonal);
        var student = b.required("student_id", STUDENT_ID, Diploma::studentId);
        var school = b.required("school_id", SCHOOL_ID, Diploma::schoolId);
        var date = b.required("award_date", Codecs.DATE, Diploma::awardDate);
        var type = b.required("diploma_type", Codecs.code(DiplomaType.class), Diploma::diplomaType);
        return b.build(g -> new Diploma(g.get(student), g.get(school), g.get(date), g.get(type)));
    }

    /** {@code attendance.csv}; a missing duration takes the category's default. */
    public static final RecordCodec<AttendanceRecord> ATTENDANCE_RECORD = attendanceRecord();

    private static RecordCodec<AttendanceRecord> attendanceRecord() {
        var b = RecordCodec.builder(AttendanceRecord.class, DataFile.ATTENDANCE::isPersonal);
        var student = b.required("student_id", STUDENT_ID, AttendanceRecord::studentId);
        var school = b.required("school_id", SCHOOL_ID, AttendanceRecord::schoolId);
        var date = b.required("date", Codecs.DATE, AttendanceRecord::date);
        var category = b.required("category", Codecs.code(AttendanceCategory.class), AttendanceRecord::category);
        var duration = b.defaulted("duration", Codecs.DAY_SHARE, AttendanceRecord::duration);
        var reason = b.optional("reason", Codecs.STRING, AttendanceRecord::reason);
        return b.build(g -> AttendanceRecord.of(g.get(student), g.get(school), g.get(date), g.get(category), g.opt(duration),
                g.opt(reason)));
    }

    /** {@code behavior.csv}; the description is personal. */
    public static final RecordCodec<BehaviorIncident> BEHAVIOR_INCIDENT = behaviorIncident();

    private static RecordCodec<BehaviorIncident> behaviorIncident() {
        var b = RecordCodec.builder(BehaviorIncident.class, DataFile.BEHAVIOR::isPersonal);
        var id = b.required("incident_id", INCIDENT_ID, BehaviorIncident::incidentId);
        var student = b.required("student_id", STUDENT_ID, BehaviorIncident::studentId);
        var school = b.required("school_id", SCHOOL_ID, BehaviorIncident::schoolId);
        var date = b.required("date", Codecs.DATE, BehaviorIncident::date);
        var behavior = b.required("behavior", Codecs.code(BehaviorType.class), BehaviorIncident::behavior);
        var description = b.optional("description", Codecs.STRING, BehaviorIncident::description);
        var action = b.required("action", Codecs.code(DisciplineActionType.class), BehaviorIncident::action);
        var days = b.defaulted("action_days", Codecs.DECIMAL, BehaviorIncident::actionDays);
        return b.build(g -> new BehaviorIncident(g.get(id), g.get(student), g.get(school), g.get(date), g.get(behavior),
                g.opt(description), g.get(action), g.opt(days).orElse(BigDecimal.ZERO)));
    }

    /** {@code course_marks.csv}. */
    public static final RecordCodec<CourseMark> COURSE_MARK = courseMark();

    private static RecordCodec<CourseMark> courseMark() {
        var b = RecordCodec.builder(CourseMark.class, DataFile.COURSE_MARKS::isPersonal);
        var student = b.required("student_id", STUDENT_ID, CourseMark::studentId);
        var school = b.required("school_id", SCHOOL_ID, CourseMark::schoolId);
        var year = b.required("school_year", Codecs.SCHOOL_YEAR, CourseMark::schoolYear);
        var term = b.required("term", Codecs.STRING, CourseMark::term);
        var code = b.required("course_code", Codecs.STRING, CourseMark::courseCode);
        var title = b.required("course_title", Codecs.STRING, CourseMark::courseTitle);
        var subject = b.required("subject", Codecs.code(Subject.class), CourseMark::subject);
        var numeric = b.optional("numeric_mark", Codecs.DECIMAL, CourseMark::numericMark);
        var letter = b.optional("letter_mark", Codecs.STRING, CourseMark::letterMark);
        var result = b.required("result", Codecs.code(CourseResult.class), CourseMark::result);
        var attempted = b.required("credits_attempted", Codecs.DECIMAL, CourseMark::creditsAttempted);
        var earned = b.required("credits_earned", Codecs.DECIMAL, CourseMark::creditsEarned);
        var termEnd = b.optional("term_end_date", Codecs.DATE, CourseMark::termEndDate);
        return b.build(g -> new CourseMark(g.get(student), g.get(school), g.get(year), g.get(term), g.get(code), g.get(title),
                g.get(subject), g.opt(numeric), g.opt(letter), g.get(result), g.get(attempted), g.get(earned), g.opt(termEnd)));
    }

    /** {@code staff.csv}; names are personal. */
    public static final RecordCodec<Staff> STAFF = staff();

    private static RecordCodec<Staff> staff() {
        var b = RecordCodec.builder(Staff.class, DataFile.STAFF::isPersonal);
        var id = b.required("staff_id", STAFF_ID, Staff::id);
        var first = b.required("first_name", Codecs.STRING, Staff::firstName);
        var last = b.required("last_name", Codecs.STRING, Staff::lastName);
        var employer = b.required("employer_id", ORGANIZATION_ID, Staff::employerId);
        return b.build(g -> new Staff(g.get(id), g.get(first), g.get(last), g.get(employer)));
    }

    /** {@code staff_assignments.csv}; the organization is resolved to a school or an organization by {@code resolver}. */
    public static RecordCodec<StaffAssignment> staffAssignment(Function<String, EducationOrganizationId> resolver) {
        var b = RecordCodec.builder(StaffAssignment.class, DataFile.STAFF_ASSIGNMENTS::isPersonal);
        var staff = b.required("staff_id", STAFF_ID, StaffAssignment::staffId);
        var organization = b.required("organization_id", educationOrganizationId(resolver), StaffAssignment::organizationId);
        var role = b.required("role", Codecs.code(StaffRole.class), StaffAssignment::role);
        var begin = b.required("begin_date", Codecs.DATE, a -> a.period().start());
        var end = b.optional("end_date", Codecs.DATE, a -> a.period().lastDay());
        return b.build(g -> new StaffAssignment(g.get(staff), g.get(organization), g.get(role), period(g.get(begin), g.opt(end))));
    }

    /** {@code student_staff.csv}. */
    public static final RecordCodec<StudentStaffRelationship> STUDENT_STAFF = studentStaff();

    private static RecordCodec<StudentStaffRelationship> studentStaff() {
        var b = RecordCodec.builder(StudentStaffRelationship.class, DataFile.STUDENT_STAFF::isPersonal);
        var student = b.required("student_id", STUDENT_ID, StudentStaffRelationship::studentId);
        var staff = b.required("staff_id", STAFF_ID, StudentStaffRelationship::staffId);
        var relationship = b.required("relationship", Codecs.code(RelationshipType.class), StudentStaffRelationship::relationship);
        var begin = b.required("begin_date", Codecs.DATE, r -> r.period().start());
        var end = b.optional("end_date", Codecs.DATE, r -> r.period().lastDay());
        return b.build(g -> new StudentStaffRelationship(g.get(student), g.get(staff), g.get(relationship),
                period(g.get(begin), g.opt(end))));
    }

    /** {@code interventions.csv}; the provider is resolved by {@code resolver}; the description is personal. */
    public static RecordCodec<Intervention> intervention(Function<String, EducationOrganizationId> resolver) {
        var b = RecordCodec.builder(Intervention.class, DataFile.INTERVENTIONS::isPersonal);
        var id = b.required("intervention_id", INTERVENTION_ID, Intervention::id);
        var type = b.required("type", Codecs.code(InterventionType.class), Intervention::type);
        var provider = b.required("provider_id", educationOrganizationId(resolver), Intervention::providerId);
        var school = b.required("school_id", SCHOOL_ID, Intervention::schoolId);
        var description = b.optional("description", Codecs.STRING, Intervention::description);
        return b.build(g -> new Intervention(g.get(id), g.get(type), g.get(provider), g.get(school), g.opt(description)));
    }

    /** {@code intervention_participants.csv}; the goal is personal. */
    public static final RecordCodec<InterventionParticipant> INTERVENTION_PARTICIPANT = interventionParticipant();

    private static RecordCodec<InterventionParticipant> interventionParticipant() {
        var b = RecordCodec.builder(InterventionParticipant.class, DataFile.INTERVENTION_PARTICIPANTS::isPersonal);
        var intervention = b.required("intervention_id", INTERVENTION_ID, InterventionParticipant::interventionId);
        var student = b.required("student_id", STUDENT_ID, InterventionParticipant::studentId);
        var staff = b.optional("staff_id", STAFF_ID, InterventionParticipant::staffId);
        var begin = b.required("begin_date", Codecs.DATE, p -> p.period().start());
        var end = b.optional("end_date", Codecs.DATE, p -> p.period().lastDay());
        var goal = b.optional("goal", Codecs.STRING, InterventionParticipant::goal);
        var status = b.required("status", Codecs.code(ParticipationStatus.class), InterventionParticipant::status);
        var by = b.optional("recorded_by", STAFF_ID, InterventionParticipant::recordedBy);
        var at = b.optional("recorded_at", INSTANT, InterventionParticipant::recordedAt);
        return b.build(g -> new InterventionParticipant(g.get(intervention), g.get(student), g.opt(staff),
                period(g.get(begin), g.opt(end)), g.opt(goal), g.get(status), g.opt(by), g.opt(at)));
    }

    /** {@code consents.csv}; the categories are an array of codes. */
    public static final RecordCodec<Consent> CONSENT = consent();

    private static RecordCodec<Consent> consent() {
        var b = RecordCodec.builder(Consent.class, DataFile.CONSENTS::isPersonal);
        var id = b.required("consent_id", CONSENT_ID, Consent::id);
        var student = b.required("student_id", STUDENT_ID, Consent::studentId);
        var grantor = b.required("grantor", Codecs.code(Grantor.class), Consent::grantor);
        var recipient = b.required("recipient_id", ORGANIZATION_ID, Consent::recipientId);
        var purpose = b.required("purpose", Codecs.STRING, Consent::purpose);
        var categories = b.required("categories", Codecs.setOf(Codecs.code(DataCategory.class), Comparator.<DataCategory>naturalOrder()),
                Consent::categories);
        var signed = b.required("signed_date", Codecs.DATE, Consent::signedDate);
        var authentication = b.required("authentication", Codecs.code(AuthenticationMethod.class), Consent::authentication);
        var revoked = b.optional("revoked_date", Codecs.DATE, Consent::revokedDate);
        return b.build(g -> new Consent(g.get(id), g.get(student), g.get(grantor), g.get(recipient), g.get(purpose),
                g.get(categories), g.get(signed), g.get(authentication), g.opt(revoked)));
    }
}
