package org.communityschools.core.live;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.AuthenticationMethod;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Grantor;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
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
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;

/**
 * A small district in code: district D1, community organization C1 (LEAD partner of school K1 in 2018), schools K1
 * (grades KG–05) and K2, ten instructional days at each from 2017-09-04, students S0..S(n-1) enrolled at K1 for the
 * year, teacher T1 (K1) with a TEACHER_OF relationship to every student, mentor M1 of C1 with a MENTOR_OF
 * relationship to S0, a consent N0 for S0 to C1, an agreement A1 with C1, and a few attendance rows.
 */
public final class SmallDistrict {
    public static final OrganizationId D1 = OrganizationId.of("D1");
    public static final OrganizationId C1 = OrganizationId.of("C1");
    public static final SchoolId K1 = SchoolId.of("K1");
    public static final SchoolId K2 = SchoolId.of("K2");
    public static final StaffId T1 = StaffId.of("T1");
    public static final StaffId M1 = StaffId.of("M1");
    public static final LocalDate FIRST_DAY = LocalDate.of(2017, 9, 4);
    public static final int DAYS = 10;
    public static final LocalDate YEAR_START = LocalDate.of(2017, 9, 1);
    public static final LocalDate YEAR_END = LocalDate.of(2018, 6, 30);

    private SmallDistrict() {}

    public static StudentId student(int i) {
        return StudentId.of("S" + i);
    }

    public static LocalDate day(int i) {
        return FIRST_DAY.plusDays(i);
    }

    public static Student studentRecord(int i, boolean optOut) {
        return new Student(student(i), "First" + i, "Last" + i, LocalDate.of(2010, 1, 1).plusDays(i), Sex.FEMALE,
                RaceEthnicity.HISPANIC, Optional.empty(), optOut);
    }

    public static Enrollment enrollment(int i, SchoolId school, LocalDate entry, Optional<LocalDate> exit) {
        return new Enrollment(student(i), school, entry, GradeLevel.parse("03"), exit,
                exit.map(d -> org.communityschools.core.model.ExitWithdrawType.END_OF_YEAR), false);
    }

    public static AttendanceRecord absence(int i, SchoolId school, int day) {
        return new AttendanceRecord(student(i), school, day(day), AttendanceCategory.UNEXCUSED_ABSENCE,
                DayShare.ofTenThousandths(10_000), Optional.empty());
    }

    public static Consent consent(int i, Optional<LocalDate> revoked) {
        return new Consent(ConsentId.of("N" + i), student(i), Grantor.PARENT, C1, "Mentoring",
                EnumSet.of(DataCategory.ATTENDANCE, DataCategory.BEHAVIOR), LocalDate.of(2017, 9, 2),
                AuthenticationMethod.WET_SIGNATURE, revoked);
    }

    public static StudentStaffRelationship mentorOf(int i) {
        return new StudentStaffRelationship(student(i), M1, RelationshipType.MENTOR_OF, DateRange.closed(YEAR_START, Optional.empty()));
    }

    public static BehaviorIncident incident(String id, int student, int day) {
        return new BehaviorIncident(IncidentId.of(id), student(student), K1, day(day), BehaviorType.SCHOOL_CODE_OF_CONDUCT,
                Optional.empty(), DisciplineActionType.NONE, BigDecimal.ZERO);
    }

    public static DataSharingAgreement agreement(AgreementStatus status) {
        return new DataSharingAgreement(AgreementId.of("A1"), 1, status, D1, C1, LegalBasis.SCHOOL_OFFICIAL,
                "Community school supports", Set.of(K1), Set.of(SchoolYear.of(2018)),
                Set.of("ATTENDANCE", "BEHAVIOR", "IDENTITY"), Set.of(StaffRole.SUCCESS_MENTOR),
                LocalDate.of(2017, 8, 1), LocalDate.of(2018, 8, 31), LocalDate.of(2017, 7, 15),
                List.of(new Signatory("Pat Doe", "Superintendent")), 30, false);
    }

    /** The district with {@code students} students. */
    public static DistrictData build(int students) {
        DistrictDataBuilder b = DistrictData.builder();
        b.add(new Organization(D1, "City District", OrganizationType.DISTRICT));
        b.add(new Organization(C1, "Helping Hands", OrganizationType.COMMUNITY_ORGANIZATION));
        b.add(new School(K1, "PS 1", D1, GradeLevel.parse("KG"), GradeLevel.parse("05"), SchoolType.REGULAR));
        b.add(new School(K2, "PS 2", D1, GradeLevel.parse("KG"), GradeLevel.parse("05"), SchoolType.REGULAR));
        b.add(new Partnership(K1, C1, SchoolYear.of(2018), PartnershipRole.LEAD));
        for (int d = 0; d < DAYS; d++) {
            b.add(new InstructionalDay(K1, day(d)));
            b.add(new InstructionalDay(K2, day(d)));
        }
        b.add(new Staff(T1, "Cara", "Moss", D1));
        b.add(new Staff(M1, "Dev", "Rao", C1));
        b.add(new StaffAssignment(T1, K1, StaffRole.TEACHER, DateRange.closed(YEAR_START, Optional.of(YEAR_END))));
        b.add(new StaffAssignment(M1, C1, StaffRole.SUCCESS_MENTOR, DateRange.closed(YEAR_START, Optional.empty())));
        for (int i = 0; i < students; i++) {
            b.add(studentRecord(i, false));
            b.add(enrollment(i, K1, FIRST_DAY, Optional.of(YEAR_END)));
            b.add(new StudentStaffRelationship(student(i), T1, RelationshipType.TEACHER_OF,
                    DateRange.closed(FIRST_DAY, Optional.of(YEAR_END))));
            if (i % 3 == 0) {
                b.add(absence(i, K1, 1));
            }
        }
        if (students > 0) {
            b.add(mentorOf(0));
            b.add(consent(0, Optional.empty()));
        }
        b.add(agreement(AgreementStatus.ACTIVE));
        return b.build();
    }
}
