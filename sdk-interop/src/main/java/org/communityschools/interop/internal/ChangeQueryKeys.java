package org.communityschools.interop.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.interop.DescriptorMapping;

/**
 * The key of the model record an Ed-Fi resource's key values name ({@code keyValues} of a delete,
 * {@code oldKeyValues}/{@code newKeyValues} of a key change), with the import's descriptor mapping and identifiers:
 * an attendance event's key without its category and session (the model keeps one row per student, school and day),
 * an assignment's classification as its role, a program association's program type as its characteristic. Not
 * thread-safe.
 */
final class ChangeQueryKeys {
    private final DescriptorMapping mapping;
    private final DistrictData data;
    private final Issues issues;

    ChangeQueryKeys(DescriptorMapping mapping, DistrictData data, Issues issues) {
        this.mapping = mapping;
        this.data = data;
        this.issues = issues;
    }

    /**
     * The model key of a resource's key values; empty (with an error when a key value is missing or malformed, without
     * one for a resource the model keeps no record of or a descriptor the mapping ignores).
     */
    Optional<RecordKey> of(String element, Node keys) {
        try {
            return switch (element) {
                case "Student" -> key(DataFile.STUDENTS, id(keys, "StudentUniqueId"));
                case "Staff" -> key(DataFile.STAFF, id(keys, "StaffUniqueId"));
                case "StudentSchoolAssociation" -> key(DataFile.ENROLLMENTS, id(keys, "StudentUniqueId"), id(keys, "SchoolId"),
                        date(keys, "EntryDate"));
                case "StudentSchoolAttendanceEvent" -> key(DataFile.ATTENDANCE, id(keys, "StudentUniqueId"), id(keys, "SchoolId"),
                        date(keys, "EventDate"));
                case "StaffEducationOrganizationAssignmentAssociation" -> descriptor(keys, "StaffClassification", StaffRole.class)
                        .flatMap(role -> key(DataFile.STAFF_ASSIGNMENTS, id(keys, "StaffUniqueId"), id(keys, "EducationOrganizationId"),
                                role.name(), date(keys, "BeginDate")));
                default -> element.startsWith("Student") && element.endsWith("ProgramAssociation")
                        ? descriptor(keys, "ProgramType", StudentCharacteristicType.class)
                                .flatMap(type -> key(DataFile.STUDENT_CHARACTERISTICS, id(keys, "StudentUniqueId"), type.name(),
                                        date(keys, "BeginDate")))
                        : Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the district holds a record with {@code key} (of the files {@link #of} gives keys of). */
    boolean exists(RecordKey key) {
        List<String> v = key.values();
        StudentId student = StudentId.of(v.get(0));
        return switch (key.file()) {
            case STUDENTS -> data.student(student).isPresent();
            case STAFF -> data.staff(StaffId.of(v.get(0))).isPresent();
            case ENROLLMENTS -> data.enrollmentsOf(student).stream().anyMatch(e -> RecordKey.of(e).equals(key));
            case ATTENDANCE -> data.attendance().recordsOf(student, SchoolId.of(v.get(1))).stream().anyMatch(a -> RecordKey.of(a).equals(key));
            case STAFF_ASSIGNMENTS -> data.assignmentsOf(StaffId.of(v.get(0))).stream().anyMatch(a -> RecordKey.of(a).equals(key));
            case STUDENT_CHARACTERISTICS -> data.characteristicsOf(student).stream().anyMatch(c -> RecordKey.of(c).equals(key));
            default -> false;
        };
    }

    private static Optional<RecordKey> key(DataFile file, String... values) {
        return Optional.of(new RecordKey(file, new ArrayList<>(List.of(values))));
    }

    private String id(Node keys, String name) {
        Optional<Node> n = keys.find(name);
        Optional<String> v = n.flatMap(Node::text).map(String::strip).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            issues.error(n.orElse(keys), "field.required", Optional.empty(), "the key values must have " + name);
            throw new IllegalArgumentException(name);
        }
        return Ids.of(v.get());
    }

    private String date(Node keys, String name) {
        Optional<Node> n = keys.find(name);
        try {
            return LocalDate.parse(n.flatMap(Node::text).orElseThrow().strip()).toString();
        } catch (DateTimeParseException | java.util.NoSuchElementException e) {
            issues.error(n.orElse(keys), n.isEmpty() ? "field.required" : "field.format", n.flatMap(Node::text),
                    "the key values must have " + name + ", a date yyyy-MM-dd");
            throw new IllegalArgumentException(name);
        }
    }

    private <E extends Enum<E>> Optional<E> descriptor(Node keys, String name, Class<E> type) {
        Optional<Node> n = keys.find(name);
        if (n.isEmpty() || n.get().text().isEmpty()) {
            issues.error(n.orElse(keys), "field.required", Optional.empty(), "the key values must have " + name);
            return Optional.empty();
        }
        DescriptorMapping.Resolution<E> r = mapping.resolve(n.get().text().get(), type);
        if (r.outcome() == DescriptorMapping.Outcome.UNKNOWN) {
            issues.error(n.get(), "descriptor.unknown", n.get().text(), "the descriptor value is not in the descriptor mapping for "
                    + type.getSimpleName());
        }
        return r.value();
    }
}
