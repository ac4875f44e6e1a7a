package org.communityschools.core.internal.json;

import java.util.Objects;
import java.util.function.Function;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.IncidentId;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Signatory;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import tools.jackson.core.Version;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson 3 module for every type of the domain model: a serializer and a deserializer per type, from the codecs
 * of this package ({@link DomainCodecs}, {@link MeetingCodecs}, {@link Codecs}). The contract it implements (property
 * names, value formats, the resolver of school-or-organization identifiers) is documented on its entry point,
 * {@code org.communityschools.core.json.CommunitySchoolsJson}, which returns it as a {@code JacksonModule}. Immutable
 * and thread-safe once registered.
 */
public final class CommunitySchoolsModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** A module that cannot read {@link StaffAssignment} or {@link Intervention} (see {@code CommunitySchoolsJson}). */
    public CommunitySchoolsModule() {
        this(DomainCodecs.NO_RESOLVER);
    }

    /**
     * A module that resolves the identifiers of {@link EducationOrganizationId} properties with {@code resolver}, for
     * example {@code id -> schools.contains(id) ? SchoolId.of(id) : OrganizationId.of(id)}. The resolver throws
     * {@link IllegalArgumentException} for an identifier it does not know; it must be thread-safe.
     *
     * @param resolver the identifier of a school or an organization from its text
     */
    public CommunitySchoolsModule(Function<String, EducationOrganizationId> resolver) {
        super("CommunitySchoolsModule", Version.unknownVersion());
        Objects.requireNonNull(resolver, "resolver");
        add(StudentId.class, DomainCodecs.STUDENT_ID);
        addKey(StudentId.class, StudentId::of, StudentId::value);
        add(SchoolId.class, DomainCodecs.SCHOOL_ID);
        addKey(SchoolId.class, SchoolId::of, SchoolId::value);
        add(OrganizationId.class, DomainCodecs.ORGANIZATION_ID);
        addKey(OrganizationId.class, OrganizationId::of, OrganizationId::value);
        add(StaffId.class, DomainCodecs.STAFF_ID);
        addKey(StaffId.class, StaffId::of, StaffId::value);
        add(IncidentId.class, DomainCodecs.INCIDENT_ID);
        addKey(IncidentId.class, IncidentId::of, IncidentId::value);
        add(InterventionId.class, DomainCodecs.INTERVENTION_ID);
        addKey(InterventionId.class, InterventionId::of, InterventionId::value);
        add(ConsentId.class, DomainCodecs.CONSENT_ID);
        addKey(ConsentId.class, ConsentId::of, ConsentId::value);
        add(AgreementId.class, DomainCodecs.AGREEMENT_ID);
        addKey(AgreementId.class, AgreementId::of, AgreementId::value);
        add(EducationOrganizationId.class, DomainCodecs.educationOrganizationId(resolver));
        addKey(EducationOrganizationId.class, resolver, EducationOrganizationId::value);
        add(SchoolYear.class, Codecs.SCHOOL_YEAR);
        addKey(SchoolYear.class, SchoolYear::parse, SchoolYear::toString);
        add(GradeLevel.class, Codecs.GRADE);
        addKey(GradeLevel.class, GradeLevel::parse, GradeLevel::code);
        add(DayShare.class, Codecs.DAY_SHARE);
        add(DateRange.class, DomainCodecs.DATE_RANGE);
        for (Class<? extends Enum<?>> type : DomainCodecs.CODE_ENUMS) {
            addEnum(type);
        }
        add(Organization.class, DomainCodecs.ORGANIZATION);
        add(School.class, DomainCodecs.SCHOOL);
        add(Partnership.class, DomainCodecs.PARTNERSHIP);
        add(Student.class, DomainCodecs.STUDENT);
        add(StudentCharacteristic.class, DomainCodecs.STUDENT_CHARACTERISTIC);
        add(InstructionalDay.class, DomainCodecs.INSTRUCTIONAL_DAY);
        add(Enrollment.class, DomainCodecs.ENROLLMENT);
        add(Diploma.class, DomainCodecs.DIPLOMA);
        add(AttendanceRecord.class, DomainCodecs.ATTENDANCE_RECORD);
        add(BehaviorIncident.class, DomainCodecs.BEHAVIOR_INCIDENT);
        add(CourseMark.class, DomainCodecs.COURSE_MARK);
        add(Staff.class, DomainCodecs.STAFF);
        add(StaffAssignment.class, DomainCodecs.staffAssignment(resolver));
        add(StudentStaffRelationship.class, DomainCodecs.STUDENT_STAFF);
        add(Intervention.class, DomainCodecs.intervention(resolver));
        add(InterventionParticipant.class, DomainCodecs.INTERVENTION_PARTICIPANT);
        add(Consent.class, DomainCodecs.CONSENT);
        add(Signatory.class, DomainCodecs.SIGNATORY);
        add(org.communityschools.core.model.MeetingId.class, MeetingCodecs.MEETING_ID);
        add(org.communityschools.core.model.ActionStepId.class, MeetingCodecs.ACTION_STEP_ID);
        addEnum(org.communityschools.core.model.AgendaReason.class);
        addEnum(org.communityschools.core.model.ActionStepStatus.class);
        add(org.communityschools.core.model.Meeting.class, MeetingCodecs.MEETING);
        add(org.communityschools.core.model.AgendaItem.class, MeetingCodecs.AGENDA_ITEM);
        add(org.communityschools.core.model.ActionStep.class, MeetingCodecs.ACTION_STEP);
        add(DataSharingAgreement.class, DomainCodecs.AGREEMENT);
    }

    private <T> void add(Class<T> type, Codec<T> codec) {
        addSerializer(type, JacksonAdapters.serializer(type, codec));
        addDeserializer(type, JacksonAdapters.deserializer(type, codec));
    }

    /** Map keys: the same text as the value's JSON string (a school year as {@code "2018"}). */
    private <T> void addKey(Class<T> type, Function<String, ? extends T> parse, Function<T, String> text) {
        addKeySerializer(type, JacksonAdapters.keySerializer(type, text));
        addKeyDeserializer(type, JacksonAdapters.keyDeserializer(type, parse::apply));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addEnum(Class<? extends Enum<?>> type) {
        Class raw = type;
        add(raw, Codecs.code(raw));
    }
}
