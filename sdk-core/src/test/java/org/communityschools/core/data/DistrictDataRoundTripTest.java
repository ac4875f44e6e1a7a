package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
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
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.testing.DomainArbitraries;

/**
 * Writing then reading gives back equal data, over small but consistent districts whose field values (free text with
 * commas, quotes and line breaks, optional values, durations, decimals) come from {@link DomainArbitraries}; the
 * identifiers and dates are rewired so that every cross-record rule holds.
 */
class DistrictDataRoundTripTest {
    private static final OrganizationId DISTRICT = OrganizationId.of("D1");
    private static final OrganizationId CBO = OrganizationId.of("CBO1");
    private static final SchoolId SCHOOL = SchoolId.of("K1");
    private static final LocalDate FIRST = LocalDate.of(2017, 9, 6);
    private static final int DAYS = 20;

    @Property(tries = 60)
    void writingThenReadingGivesBackEqualData(@ForAll("districts") DistrictData data) {
        Path dir = tempDir();
        try {
            DistrictDataWriter.write(data, dir);
            ReadResult read = DistrictDataReader.builder().build().read(dir);
            assertThat(read.report().violations()).isEmpty();
            assertSameData(read.data(), data);
        } finally {
            delete(dir);
        }
    }

    static void assertSameData(DistrictData actual, DistrictData expected) {
        assertThat(actual.organizations()).isEqualTo(expected.organizations());
        assertThat(actual.schools()).isEqualTo(expected.schools());
        assertThat(actual.partnerships()).isEqualTo(expected.partnerships());
        assertThat(actual.students()).isEqualTo(expected.students());
        assertThat(actual.studentCharacteristics()).isEqualTo(expected.studentCharacteristics());
        assertThat(actual.calendars().keySet()).isEqualTo(expected.calendars().keySet());
        expected.calendars().forEach((school, calendar) ->
                assertThat(actual.calendar(school).days()).isEqualTo(calendar.days()));
        assertThat(actual.enrollments()).isEqualTo(expected.enrollments());
        assertThat(actual.diplomas()).isEqualTo(expected.diplomas());
        assertThat(records(actual)).isEqualTo(records(expected));
        assertThat(actual.behaviorIncidents()).isEqualTo(expected.behaviorIncidents());
        assertThat(actual.courseMarks()).isEqualTo(expected.courseMarks());
        assertThat(actual.staff()).isEqualTo(expected.staff());
        assertThat(actual.staffAssignments()).isEqualTo(expected.staffAssignments());
        assertThat(actual.studentStaffRelationships()).isEqualTo(expected.studentStaffRelationships());
        assertThat(actual.interventions()).isEqualTo(expected.interventions());
        assertThat(actual.interventionParticipants()).isEqualTo(expected.interventionParticipants());
        assertThat(actual.consents()).isEqualTo(expected.consents());
        assertThat(actual.agreements()).isEqualTo(expected.agreements());
    }

    private static List<AttendanceRecord> records(DistrictData data) {
        List<AttendanceRecord> list = new ArrayList<>();
        data.attendance().forEachRecord(list::add);
        return list;
    }

    @Provide
    Arbitrary<DistrictData> districts() {
        Arbitrary<List<Object>> people = Combinators.combine(
                DomainArbitraries.students().list().ofMinSize(1).ofMaxSize(4),
                DomainArbitraries.enrollments().list().ofMinSize(4).ofMaxSize(4),
                DomainArbitraries.attendanceRecords().list().ofMaxSize(10),
                DomainArbitraries.behaviorIncidents().list().ofMaxSize(3),
                DomainArbitraries.courseMarks().list().ofMaxSize(3),
                DomainArbitraries.studentCharacteristics().list().ofMaxSize(3),
                DomainArbitraries.diplomas().list().ofMaxSize(2),
                DomainArbitraries.consents().list().ofMaxSize(2))
                .as(List::of);
        Arbitrary<List<Object>> organization = Combinators.combine(
                DomainArbitraries.organizations().list().ofMinSize(2).ofMaxSize(2),
                DomainArbitraries.schools(),
                DomainArbitraries.staff().list().ofMaxSize(2),
                DomainArbitraries.interventions().list().ofMaxSize(2),
                DomainArbitraries.interventionParticipants().list().ofMaxSize(3),
                DomainArbitraries.agreements().list().ofMaxSize(3),
                Arbitraries.of(RelationshipType.class),
                Arbitraries.integers().between(1, DAYS))
                .as(List::of);
        return Combinators.combine(people, organization).as(DistrictDataRoundTripTest::district);
    }

    @SuppressWarnings("unchecked")
    private static DistrictData district(List<Object> people, List<Object> organization) {
        List<Student> students = (List<Student>) people.get(0);
        List<Enrollment> enrollments = (List<Enrollment>) people.get(1);
        List<AttendanceRecord> attendance = (List<AttendanceRecord>) people.get(2);
        List<BehaviorIncident> incidents = (List<BehaviorIncident>) people.get(3);
        List<CourseMark> marks = (List<CourseMark>) people.get(4);
        List<StudentCharacteristic> characteristics = (List<StudentCharacteristic>) people.get(5);
        List<Diploma> diplomas = (List<Diploma>) people.get(6);
        List<Consent> consents = (List<Consent>) people.get(7);
        List<Organization> orgs = (List<Organization>) organization.get(0);
        School school = (School) organization.get(1);
        List<Staff> staff = (List<Staff>) organization.get(2);
        List<Intervention> interventions = (List<Intervention>) organization.get(3);
        List<InterventionParticipant> participants = (List<InterventionParticipant>) organization.get(4);
        List<DataSharingAgreement> agreements = (List<DataSharingAgreement>) organization.get(5);
        RelationshipType relationship = (RelationshipType) organization.get(6);
        int enrolledDays = (Integer) organization.get(7);

        DistrictDataBuilder b = DistrictData.builder();
        b.add(new Organization(DISTRICT, orgs.get(0).name(), OrganizationType.DISTRICT));
        b.add(new Organization(CBO, orgs.get(1).name(), OrganizationType.COMMUNITY_ORGANIZATION));
        b.add(new School(SCHOOL, school.name(), DISTRICT, GradeLevel.PK, GradeLevel.G12, school.schoolType()));
        b.add(new Partnership(SCHOOL, CBO, SchoolYear.of(2018), PartnershipRole.LEAD));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST; days.size() < DAYS; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
                b.add(new InstructionalDay(SCHOOL, d));
            }
        }
        int n = students.size();
        List<StudentId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Student s = students.get(i);
            StudentId id = StudentId.of("S" + (i + 1));
            ids.add(id);
            b.add(new Student(id, s.firstName(), s.lastName(), s.birthDate(), s.sex(), s.raceEthnicity(),
                    s.ninthGradeCohort(), s.directoryOptOut()));
            Enrollment e = enrollments.get(i);
            LocalDate exit = days.get(enrolledDays - 1);
            boolean ended = e.exitWithdrawType().isPresent();
            b.add(new Enrollment(id, SCHOOL, FIRST, e.entryGrade(), ended ? Optional.of(exit) : Optional.empty(),
                    ended ? e.exitWithdrawType() : Optional.empty(), ended && e.exitDocumented()));
        }
        for (int i = 0; i < attendance.size(); i++) {
            AttendanceRecord a = attendance.get(i);
            int day = i / n;
            if (day < enrolledDays) {
                b.add(new AttendanceRecord(ids.get(i % n), SCHOOL, days.get(day), a.category(), a.duration(), a.reason()));
            }
        }
        for (int i = 0; i < incidents.size(); i++) {
            BehaviorIncident x = incidents.get(i);
            b.add(new BehaviorIncident(IncidentId.of("I" + (i + 1)), ids.get(i % n), SCHOOL, days.get(i % enrolledDays),
                    x.behavior(), x.description(), x.action(), x.actionDays()));
        }
        for (int i = 0; i < marks.size(); i++) {
            CourseMark m = marks.get(i);
            b.add(new CourseMark(ids.get(i % n), SCHOOL, SchoolYear.of(2018), m.term(), m.courseCode(), m.courseTitle(),
                    m.subject(), m.numericMark(), m.letterMark(), m.result(), m.creditsAttempted(), m.creditsEarned()));
        }
        for (int i = 0; i < characteristics.size(); i++) {
            StudentCharacteristic c = characteristics.get(i);
            b.add(new StudentCharacteristic(ids.get(i % n), c.characteristic(), c.period()));
        }
        for (int i = 0; i < diplomas.size(); i++) {
            b.add(new Diploma(ids.get(i % n), SCHOOL, diplomas.get(i).awardDate(), diplomas.get(i).diplomaType()));
        }
        for (int i = 0; i < consents.size(); i++) {
            Consent c = consents.get(i);
            b.add(new Consent(ConsentId.of("C" + (i + 1)), ids.get(i % n), c.grantor(), CBO, c.purpose(), c.categories(),
                    c.signedDate(), c.authentication(), c.revokedDate()));
        }
        List<StaffId> staffIds = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            Staff s = staff.get(i);
            StaffId id = StaffId.of("T" + (i + 1));
            staffIds.add(id);
            b.add(new Staff(id, s.firstName(), s.lastName(), i % 2 == 0 ? DISTRICT : CBO));
            b.add(new StaffAssignment(id, SCHOOL, StaffRole.values()[i % StaffRole.values().length],
                    DateRange.closed(FIRST, LocalDate.of(2018, 6, 30))));
            b.add(new StudentStaffRelationship(ids.get(i % n), id, relationship, DateRange.closed(FIRST, days.get(enrolledDays - 1))));
        }
        for (int i = 0; i < interventions.size(); i++) {
            Intervention x = interventions.get(i);
            b.add(new Intervention(InterventionId.of("N" + (i + 1)), x.type(), i % 2 == 0 ? CBO : SCHOOL, SCHOOL, x.description()));
        }
        for (int i = 0; i < participants.size() && !interventions.isEmpty(); i++) {
            InterventionParticipant p = participants.get(i);
            Optional<StaffId> who = staffIds.isEmpty() || p.staffId().isEmpty() ? Optional.empty() : Optional.of(staffIds.get(i % staffIds.size()));
            // every other row carries the optional recorded_by / recorded_at columns (a dashboard's record), the others
            // leave them empty (a district's export): both must come back equal
            boolean recorded = i % 2 == 1 && !staffIds.isEmpty();
            b.add(new InterventionParticipant(InterventionId.of("N" + (i % interventions.size() + 1)), ids.get(i % n), who,
                    p.period(), p.goal(), p.status(),
                    recorded ? Optional.of(staffIds.get((i + 1) % staffIds.size())) : Optional.empty(),
                    recorded ? Optional.of(java.time.Instant.ofEpochSecond(1_520_000_000L + i * 3_601L)) : Optional.empty()));
        }
        List<DataSharingAgreement> sorted = new ArrayList<>();
        for (int i = 0; i < agreements.size(); i++) {
            DataSharingAgreement a = agreements.get(i);
            sorted.add(new DataSharingAgreement(AgreementId.of("A" + (i + 1)), a.version(), a.status(), DISTRICT, CBO,
                    a.legalBasis(), a.purpose(), Set.of(SCHOOL), a.schoolYears(), a.dataElements(), a.permittedRoles(),
                    a.effectiveDate(), a.endDate(), a.signedDate(), a.signatories(), a.destructionDays(), a.redisclosureAllowed()));
        }
        sorted.sort(Comparator.comparing(DataSharingAgreement::id));
        sorted.forEach(b::add);
        return b.build();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("roundtrip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
