package org.communityschools.core.data;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.internal.read.DefaultValidator;
import org.communityschools.core.internal.read.RecordChecks;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Meeting;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DistrictData} from records made in code (a vendor's own database, tests, imports), checked by the
 * same rules as a district data directory read strictly by {@link DistrictDataReader}: each record's Jakarta
 * Validation annotations ({@code field.constraint}: a birth date in the past, a name of at most 100 characters, ...)
 * and the cross-record rules (docs/data-directory-rules.md: references, uniqueness, enrollments that do not overlap,
 * attendance on instructional days inside an enrollment, agreement versions, ...), applied in {@link DataFile} order
 * whatever the order of adding. A record is refused in code exactly when its row would be refused in a directory, with
 * the same rule code. The field rules of the records' constructors hold already.
 *
 * <p>{@link #build()} throws {@link DataValidationException} with every broken rule in
 * {@link DataValidationException#recordViolations()}, each located by record (type, position among the records of that
 * type, identifiers, component, rule code), and builds nothing.
 *
 * <pre>{@code
 * DistrictData data = DistrictData.builder()
 *         .add(district).add(school).add(student).add(enrollment)
 *         .build();
 * }</pre>
 *
 * <p>Annotations are checked with the Jakarta Validation provider on the class or module path unless
 * {@link #validator(Validator)} gives one or {@link #withoutBeanValidation()} turns the check off; each may be set once.
 * Obtained from {@link DistrictData#builder()}. Not thread-safe; one builder builds once.
 */
public final class DistrictDataBuilder {
    private final Map<DataFile, List<Object>> records = new EnumMap<>(DataFile.class);
    private @Nullable Validator validator;
    private boolean withoutBeanValidation;
    private boolean built;

    DistrictDataBuilder() {}

    /**
     * The Jakarta Validation validator that checks each record's annotations (default: the provider on the class or
     * module path).
     *
     * @param validator the validator
     * @return this builder
     * @throws IllegalStateException when bean validation was already configured
     */
    public DistrictDataBuilder validator(Validator validator) {
        Objects.requireNonNull(validator, "validator");
        if (this.validator != null || withoutBeanValidation) {
            throw new IllegalStateException("bean validation was already configured");
        }
        this.validator = validator;
        return this;
    }

    /**
     * Skips the records' Jakarta Validation annotations (the cross-record rules still apply), as
     * {@link DistrictDataReader.Builder#withoutBeanValidation()} does for a read: for a host without a provider that
     * has checked its records otherwise.
     *
     * @return this builder
     * @throws IllegalStateException when bean validation was already configured
     */
    public DistrictDataBuilder withoutBeanValidation() {
        if (this.validator != null || withoutBeanValidation) {
            throw new IllegalStateException("bean validation was already configured");
        }
        this.withoutBeanValidation = true;
        return this;
    }

    private DistrictDataBuilder put(DataFile file, Object record) {
        Objects.requireNonNull(record, "record");
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        records.computeIfAbsent(file, f -> new ArrayList<>()).add(record);
        return this;
    }

    /**
     * Adds an organization (the district or a community organization).
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Organization record) {
        return put(DataFile.ORGANIZATIONS, record);
    }

    /**
     * Adds a school.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(School record) {
        return put(DataFile.SCHOOLS, record);
    }

    /**
     * Adds a school–organization partnership.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Partnership record) {
        return put(DataFile.PARTNERSHIPS, record);
    }

    /**
     * Adds a student.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Student record) {
        return put(DataFile.STUDENTS, record);
    }

    /**
     * Adds a student characteristic.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(StudentCharacteristic record) {
        return put(DataFile.STUDENT_CHARACTERISTICS, record);
    }

    /**
     * Adds an instructional day of a school's calendar.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(InstructionalDay record) {
        return put(DataFile.CALENDAR, record);
    }

    /**
     * Adds an enrollment.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Enrollment record) {
        return put(DataFile.ENROLLMENTS, record);
    }

    /**
     * Adds a diploma.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Diploma record) {
        return put(DataFile.DIPLOMAS, record);
    }

    /**
     * Adds an attendance record.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(AttendanceRecord record) {
        return put(DataFile.ATTENDANCE, record);
    }

    /**
     * Adds a behavior incident.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(BehaviorIncident record) {
        return put(DataFile.BEHAVIOR, record);
    }

    /**
     * Adds a course mark.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(CourseMark record) {
        return put(DataFile.COURSE_MARKS, record);
    }

    /**
     * Adds a staff member.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Staff record) {
        return put(DataFile.STAFF, record);
    }

    /**
     * Adds a staff assignment.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(StaffAssignment record) {
        return put(DataFile.STAFF_ASSIGNMENTS, record);
    }

    /**
     * Adds a student–staff relationship.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(StudentStaffRelationship record) {
        return put(DataFile.STUDENT_STAFF, record);
    }

    /**
     * Adds an intervention.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Intervention record) {
        return put(DataFile.INTERVENTIONS, record);
    }

    /**
     * Adds an intervention participant.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(InterventionParticipant record) {
        return put(DataFile.INTERVENTION_PARTICIPANTS, record);
    }

    /**
     * Adds a consent.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Consent record) {
        return put(DataFile.CONSENTS, record);
    }

    /**
     * Adds a school team's meeting.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(Meeting record) {
        return put(DataFile.MEETINGS, record);
    }

    /**
     * Adds an agenda item of a meeting.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(AgendaItem record) {
        return put(DataFile.AGENDA_ITEMS, record);
    }

    /**
     * Adds an action step of a meeting.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(ActionStep record) {
        return put(DataFile.ACTION_STEPS, record);
    }

    /**
     * Adds a version of a data-sharing agreement.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalStateException when {@link #build()} was already called
     */
    public DistrictDataBuilder add(DataSharingAgreement record) {
        return put(DataFile.AGREEMENTS, record);
    }

    /**
     * Applies the rules and builds the data.
     *
     * @return the data
     * @throws DataValidationException with every broken rule, located by record, when any record breaks one
     * @throws IllegalStateException when called twice, or when no validator was given, bean validation was not turned
     *     off, and no Jakarta Validation provider is on the class or module path
     */
    public DistrictData build() {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        Validator v = validator != null || withoutBeanValidation ? validator
                : records.isEmpty() ? null : DefaultValidator.get("DistrictDataBuilder");
        built = true;
        return DistrictData.of(RecordChecks.check(records, v));
    }
}
