package org.communityschools.core.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid domain values, for property tests of every reader, writer and codec. Each method
 * returns an {@link Arbitrary} that produces only values the model's constructors and its Jakarta Validation
 * annotations accept. Values are realistic rather than adversarial where a format makes no promise: identifiers use
 * letters, digits, {@code -}, {@code _} and {@code .}; free text has no leading or trailing whitespace and no line
 * breaks, but may contain commas, quotes, apostrophes and non-ASCII letters (so CSV quoting is exercised); dates fall
 * in 1995–2045. Use them from {@code @Provide} methods, for example
 * {@code @Provide Arbitrary<Enrollment> enrollments() { return DomainArbitraries.enrollments(); }}.
 * Thread-safe (stateless).
 */
public final class DomainArbitraries {
    private DomainArbitraries() {}

    private static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2045, 12, 31);

    // ---- text, identifiers and values

    /** Identifier text: 1–32 characters from letters, digits, {@code -}, {@code _} and {@code .}. */
    public static Arbitrary<String> identifiers() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('-', '_', '.').ofMinLength(1).ofMaxLength(32);
    }

    /**
     * Non-blank text of at most {@code maxLength} characters, without leading or trailing whitespace or line breaks,
     * possibly with commas, quotes and accented letters.
     */
    public static Arbitrary<String> text(int maxLength) {
        Arbitrary<String> inner = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(' ', ',', '"', '\'', '-', '.', '|', 'é', 'ñ', 'ü', 'Ø', '李').ofMaxLength(Math.max(0, maxLength - 2));
        Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('A', 'Z').with('é', '李');
        return Combinators.combine(edge, inner, edge).as((a, s, b) -> maxLength == 1 ? String.valueOf(a) : a + s + b)
                .filter(s -> s.length() <= maxLength);
    }

    /** Student identifiers. */
    public static Arbitrary<StudentId> studentIds() {
        return identifiers().map(StudentId::of);
    }

    /** School identifiers. */
    public static Arbitrary<SchoolId> schoolIds() {
        return identifiers().map(SchoolId::of);
    }

    /** Organization identifiers. */
    public static Arbitrary<OrganizationId> organizationIds() {
        return identifiers().map(OrganizationId::of);
    }

    /** School or organization identifiers. */
    public static Arbitrary<EducationOrganizationId> educationOrganizationIds() {
        return Arbitraries.oneOf(schoolIds(), organizationIds());
    }

    /** Staff identifiers. */
    public static Arbitrary<StaffId> staffIds() {
        return identifiers().map(StaffId::of);
    }

    /** Incident identifiers. */
    public static Arbitrary<IncidentId> incidentIds() {
        return identifiers().map(IncidentId::of);
    }

    /** Intervention identifiers. */
    public static Arbitrary<InterventionId> interventionIds() {
        return identifiers().map(InterventionId::of);
    }

    /** Consent identifiers. */
    public static Arbitrary<ConsentId> consentIds() {
        return identifiers().map(ConsentId::of);
    }

    /** Agreement identifiers. */
    public static Arbitrary<AgreementId> agreementIds() {
        return identifiers().map(AgreementId::of);
    }

    /** Dates from 1995 to 2045. */
    public static Arbitrary<LocalDate> dates() {
        return dates(EARLIEST, LATEST);
    }

    /** Dates from {@code first} to {@code last}, both included. */
    public static Arbitrary<LocalDate> dates(LocalDate first, LocalDate last) {
        return Arbitraries.longs().between(first.toEpochDay(), last.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** School years ending 1996–2045. */
    public static Arbitrary<SchoolYear> schoolYears() {
        return Arbitraries.integers().between(1996, 2045).map(SchoolYear::of);
    }

    /** Every grade level. */
    public static Arbitrary<GradeLevel> gradeLevels() {
        return Arbitraries.of(GradeLevel.class);
    }

    /** Shares of a day, 0 to 1 in ten-thousandths, with the common values 0, 0.5 and 1 often. */
    public static Arbitrary<DayShare> dayShares() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(DayShare.NONE, DayShare.HALF_DAY, DayShare.WHOLE_DAY)),
                net.jqwik.api.Tuple.of(7, Arbitraries.integers().between(0, DayShare.SCALE).map(DayShare::ofTenThousandths)));
    }

    /** Date ranges of 1 to 1,500 days, or open-ended (one in four). */
    public static Arbitrary<DateRange> dateRanges() {
        Arbitrary<Optional<Integer>> lengths = Arbitraries.integers().between(1, 1500).optional(0.75);
        return Combinators.combine(dates(), lengths).as((start, length) ->
                length.map(n -> DateRange.halfOpen(start, start.plusDays(n))).orElse(DateRange.startingOn(start)));
    }

    /** Closed date ranges ({@code [first, last]}) of 1 to 1,500 days. */
    public static Arbitrary<DateRange> closedDateRanges() {
        return Combinators.combine(dates(), Arbitraries.integers().between(0, 1499))
                .as((first, days) -> DateRange.closed(first, first.plusDays(days)));
    }

    /** Non-negative decimals up to {@code max} with at most {@code scale} decimal places. */
    public static Arbitrary<BigDecimal> decimals(int max, int scale) {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(max)).ofScale(scale);
    }

    // ---- records

    /** Districts and community organizations. */
    public static Arbitrary<Organization> organizations() {
        return Combinators.combine(organizationIds(), text(200), Arbitraries.of(OrganizationType.class)).as(Organization::new);
    }

    /** Schools with an ordered grade span. */
    public static Arbitrary<School> schools() {
        return Combinators.combine(schoolIds(), text(200), organizationIds(), gradeLevels(), gradeLevels(),
                Arbitraries.of(SchoolType.class)).as((id, name, district, a, b, type) ->
                new School(id, name, district, a.compareTo(b) <= 0 ? a : b, a.compareTo(b) <= 0 ? b : a, type));
    }

    /** Partnerships. */
    public static Arbitrary<Partnership> partnerships() {
        return Combinators.combine(schoolIds(), organizationIds(), schoolYears(), Arbitraries.of(PartnershipRole.class))
                .as(Partnership::new);
    }

    /** Students born 1995–2020. */
    public static Arbitrary<Student> students() {
        return Combinators.combine(studentIds(), text(100), text(100),
                        dates(LocalDate.of(1995, 1, 1), LocalDate.of(2020, 12, 31)), Arbitraries.of(Sex.class),
                        Arbitraries.of(RaceEthnicity.class), schoolYears().optional(0.5), Arbitraries.of(true, false))
                .as(Student::new);
    }

    /** Student characteristics over closed or open-ended periods. */
    public static Arbitrary<StudentCharacteristic> studentCharacteristics() {
        return Combinators.combine(studentIds(), Arbitraries.of(StudentCharacteristicType.class), dateRanges())
                .as(StudentCharacteristic::new);
    }

    /** Instructional days. */
    public static Arbitrary<InstructionalDay> instructionalDays() {
        return Combinators.combine(schoolIds(), dates()).as(InstructionalDay::new);
    }

    /** Enrollments, half of them ended (with a type, sometimes documented). */
    public static Arbitrary<Enrollment> enrollments() {
        Arbitrary<Optional<Integer>> lengths = Arbitraries.integers().between(0, 1500).optional(0.5);
        return Combinators.combine(studentIds(), schoolIds(), dates(), gradeLevels(), lengths,
                        Arbitraries.of(ExitWithdrawType.class), Arbitraries.of(true, false))
                .as((student, school, entry, grade, length, type, documented) -> new Enrollment(student, school, entry, grade,
                        length.map(entry::plusDays), length.map(n -> type), length.isPresent() && documented));
    }

    /** Diplomas. */
    public static Arbitrary<Diploma> diplomas() {
        return Combinators.combine(studentIds(), schoolIds(), dates(), Arbitraries.of(DiplomaType.class)).as(Diploma::new);
    }

    /** Attendance records, with a reason now and then. */
    public static Arbitrary<AttendanceRecord> attendanceRecords() {
        return Combinators.combine(studentIds(), schoolIds(), dates(), Arbitraries.of(AttendanceCategory.class), dayShares(),
                text(64).optional(0.3)).as(AttendanceRecord::new);
    }

    /** Behavior incidents; an action of NONE has no days. */
    public static Arbitrary<BehaviorIncident> behaviorIncidents() {
        return Combinators.combine(incidentIds(), studentIds(), schoolIds(), dates(), Arbitraries.of(BehaviorType.class),
                        text(1000).optional(0.5), Arbitraries.of(DisciplineActionType.class), decimals(365, 1))
                .as((id, student, school, date, behavior, description, action, days) -> new BehaviorIncident(id, student, school,
                        date, behavior, description, action, action == DisciplineActionType.NONE ? BigDecimal.ZERO : days));
    }

    /** Course marks with consistent credits (a FAIL earns none). */
    public static Arbitrary<CourseMark> courseMarks() {
        Arbitrary<CourseMark> partial = Combinators.combine(studentIds(), schoolIds(), schoolYears(), text(32), text(32),
                        text(200), Arbitraries.of(Subject.class), decimals(100, 2).optional(0.7))
                .as((student, school, year, term, code, title, subject, numeric) -> new CourseMark(student, school, year,
                        term, code, title, subject, numeric, Optional.empty(), CourseResult.PASS, BigDecimal.ONE, BigDecimal.ONE));
        return Combinators.combine(partial, text(4).optional(0.7), Arbitraries.of(CourseResult.class), decimals(10, 2),
                        Arbitraries.integers().between(0, 100))
                .as((m, letter, result, attempted, percent) -> new CourseMark(m.studentId(), m.schoolId(), m.schoolYear(),
                        m.term(), m.courseCode(), m.courseTitle(), m.subject(), m.numericMark(), letter, result, attempted,
                        result == CourseResult.FAIL ? BigDecimal.ZERO
                                : attempted.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN)));
    }

    /** Staff members. */
    public static Arbitrary<Staff> staff() {
        return Combinators.combine(staffIds(), text(100), text(100), organizationIds()).as(Staff::new);
    }

    /** Staff assignments at schools or organizations. */
    public static Arbitrary<StaffAssignment> staffAssignments() {
        return Combinators.combine(staffIds(), educationOrganizationIds(), Arbitraries.of(StaffRole.class), dateRanges())
                .as(StaffAssignment::new);
    }

    /** Student–staff relationships. */
    public static Arbitrary<StudentStaffRelationship> studentStaffRelationships() {
        return Combinators.combine(studentIds(), staffIds(), Arbitraries.of(RelationshipType.class), dateRanges())
                .as(StudentStaffRelationship::new);
    }

    /** Interventions provided by schools or organizations. */
    public static Arbitrary<Intervention> interventions() {
        return Combinators.combine(interventionIds(), Arbitraries.of(InterventionType.class), educationOrganizationIds(),
                schoolIds(), text(1000).optional(0.5)).as(Intervention::new);
    }

    /** Intervention participants. */
    public static Arbitrary<InterventionParticipant> interventionParticipants() {
        return Combinators.combine(interventionIds(), studentIds(), staffIds().optional(0.5), dateRanges(),
                text(500).optional(0.5), Arbitraries.of(ParticipationStatus.class)).as(InterventionParticipant::new);
    }

    /** Data categories, as used by consents and agreements. */
    public static Arbitrary<Set<DataCategory>> dataCategorySets() {
        return Arbitraries.of(DataCategory.class).set().ofMinSize(1).ofMaxSize(5);
    }

    /** Consents, some revoked on or after the day they were signed. */
    public static Arbitrary<Consent> consents() {
        return Combinators.combine(consentIds(), studentIds(), Arbitraries.of(Grantor.class), organizationIds(), text(200),
                        dataCategorySets(), dates(), Arbitraries.of(AuthenticationMethod.class))
                .as((id, student, grantor, recipient, purpose, categories, signed, auth) ->
                        new Consent(id, student, grantor, recipient, purpose, categories, signed, auth, Optional.empty()))
                .flatMap(c -> Arbitraries.integers().between(0, 1000).optional(0.3).map(days -> new Consent(c.id(),
                        c.studentId(), c.grantor(), c.recipientId(), c.purpose(), c.categories(), c.signedDate(),
                        c.authentication(), days.map(c.signedDate()::plusDays))));
    }

    /** Data elements: category names or the standard field paths such as {@code attendance.records}. */
    public static Arbitrary<String> dataElements() {
        Arbitrary<String> paths = Arbitraries.of(List.copyOf(DataElements.standard().fieldPaths()));
        return Arbitraries.oneOf(Arbitraries.of(DataCategory.class).map(Enum::name), paths);
    }

    /** Signatories. */
    /** Meetings of one to four participants. */
    public static Arbitrary<org.communityschools.core.model.Meeting> meetings() {
        return Combinators.combine(identifiers().map(org.communityschools.core.model.MeetingId::of), schoolIds(), dates(),
                text(200), staffIds().set().ofMinSize(1).ofMaxSize(4)).as((id, school, date, purpose, staff) ->
                new org.communityschools.core.model.Meeting(id, school, date, purpose, new java.util.TreeSet<>(staff)));
    }

    /** Agenda items about a student or a group, with or without notes. */
    public static Arbitrary<org.communityschools.core.model.AgendaItem> agendaItems() {
        return Combinators.combine(identifiers().map(org.communityschools.core.model.MeetingId::of),
                Arbitraries.integers().between(1, 50), studentIds().optional(), text(100),
                Arbitraries.of(org.communityschools.core.model.AgendaReason.class), text(2000).optional())
                .as((m, n, s, g, r, notes) -> new org.communityschools.core.model.AgendaItem(m, n, s,
                        s.isPresent() ? Optional.empty() : Optional.of(g), r, notes));
    }

    /** Action steps in any status, completion dates where the status needs them. */
    public static Arbitrary<org.communityschools.core.model.ActionStep> actionSteps() {
        var ids = Combinators.combine(identifiers().map(org.communityschools.core.model.ActionStepId::of),
                identifiers().map(org.communityschools.core.model.MeetingId::of), staffIds(), staffIds()).as(List::of);
        var what = Combinators.combine(text(1000), dates(), studentIds().optional(), text(100),
                interventionIds().optional()).as(List::of);
        var status = Combinators.combine(Arbitraries.of(org.communityschools.core.model.ActionStepStatus.class), dates(),
                Arbitraries.longs().between(0, 4_000_000_000L)).as(List::of);
        return Combinators.combine(ids, what, status).as((i, w, st) -> {
            var s = (org.communityschools.core.model.ActionStepStatus) st.get(0);
            @SuppressWarnings("unchecked")
            Optional<StudentId> student = (Optional<StudentId>) w.get(2);
            @SuppressWarnings("unchecked")
            Optional<InterventionId> intervention = (Optional<InterventionId>) w.get(4);
            return new org.communityschools.core.model.ActionStep((org.communityschools.core.model.ActionStepId) i.get(0),
                    (org.communityschools.core.model.MeetingId) i.get(1), (String) w.get(0), (StaffId) i.get(2),
                    (LocalDate) w.get(1), student, student.isPresent() ? Optional.empty() : Optional.of((String) w.get(3)),
                    intervention, s, s == org.communityschools.core.model.ActionStepStatus.OPEN ? Optional.empty()
                    : Optional.of((LocalDate) st.get(1)), (StaffId) i.get(3), java.time.Instant.ofEpochSecond((Long) st.get(2)));
        });
    }

    public static Arbitrary<Signatory> signatories() {
        return Combinators.combine(text(200), text(200)).as(Signatory::new);
    }

    /** Data-sharing agreements with consistent dates; the version takes effect on or up to a year after the effective date. */
    public static Arbitrary<DataSharingAgreement> agreements() {
        Arbitrary<DataSharingAgreement> head = Combinators.combine(agreementIds(), Arbitraries.integers().between(1, 20),
                        Arbitraries.of(AgreementStatus.class), organizationIds(), organizationIds(), Arbitraries.of(LegalBasis.class),
                        text(500), schoolIds().set().ofMinSize(1).ofMaxSize(5))
                .as((id, version, status, from, to, basis, purpose, schools) -> new DataSharingAgreement(id, version, status,
                        from, to, basis, purpose, schools, Set.of(SchoolYear.of(2018)), Set.of("ATTENDANCE"),
                        Set.of(StaffRole.TEACHER), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 1),
                        List.of(), 0, false));
        return Combinators.combine(head, schoolYears().set().ofMinSize(1).ofMaxSize(4), dataElements().set().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of(StaffRole.class).set().ofMinSize(1), closedDateRanges(), Arbitraries.integers().between(0, 365),
                        signatories().list().ofMaxSize(3), Arbitraries.integers().between(0, 3650))
                .as((a, years, elements, roles, term, signedBefore, signers, destruction) -> new DataSharingAgreement(a.id(),
                        a.version(), a.status(), a.disclosingOrganizationId(), a.recipientOrganizationId(), a.legalBasis(),
                        a.purpose(), a.schoolIds(), years, elements, roles, term.start(), term.lastDay().orElseThrow(),
                        term.start().minusDays(signedBefore), signers, destruction, false))
                .flatMap(a -> Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 365)))
                        .as((redisclosure, versionDays) -> new DataSharingAgreement(a.id(), a.version(),
                        a.status(), a.disclosingOrganizationId(), a.recipientOrganizationId(), a.legalBasis(), a.purpose(),
                        a.schoolIds(), a.schoolYears(), a.dataElements(), a.permittedRoles(), a.effectiveDate(), a.endDate(),
                        a.signedDate(), a.signatories(), a.destructionDays(), redisclosure,
                        a.effectiveDate().plusDays(versionDays))));
    }
}
