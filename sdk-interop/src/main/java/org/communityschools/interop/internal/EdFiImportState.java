package org.communityschools.interop.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.interop.DescriptorMapping;

/**
 * What an Ed-Fi import has read so far, shared by its passes: the settings, the records of the first pass (the ones
 * others refer to), the associations and events of the second, and the seeded district of a change query; and how
 * one record's values are read and checked (required fields, identifiers, dates, school years, descriptors), each
 * problem reported to {@link Issues} with the record's location. The layers above it: {@link EdFiReferencePass},
 * {@link EdFiEventPass}, {@link EdFiAssembly}, {@link Importer}.
 */
abstract class EdFiImportState {
    final Importer.Format format;
    final DescriptorMapping mapping;
    final Optional<List<InstructionalDay>> suppliedCalendar;
    final DayShare partialDefault;
    final boolean lenient;
    final ReadLimits limits;
    final Issues issues;
    final Map<String, Long> counts = new TreeMap<>();


    // pass 1
    final Map<String, String> xmlIds = new HashMap<>();            // id attribute -> education organization id
    final Map<String, Organization> organizations = new LinkedHashMap<>();
    final Map<String, String> providerParent = new HashMap<>();     // community provider -> its organization
    final Map<String, Node> schoolNodes = new LinkedHashMap<>();
    final Map<String, School> schools = new LinkedHashMap<>();
    final List<Session> sessions = new ArrayList<>();
    final Map<String, String> calendarSchool = new HashMap<>();
    final Map<String, Map<LocalDate, Boolean>> calendarDates = new HashMap<>(); // school -> date -> instructional
    final Map<String, Student> students = new LinkedHashMap<>();
    final Map<String, Node> studentNodes = new HashMap<>();
    final Map<String, Node> staffNodes = new LinkedHashMap<>();
    final Map<String, Intervention> interventions = new LinkedHashMap<>();
    final Map<String, InterventionWindow> interventionWindows = new HashMap<>();
    final Map<String, Incident> incidentsByXmlId = new HashMap<>();
    final Map<String, Incident> incidentsByKey = new LinkedHashMap<>();   // school|identifier

    // pass 2
    final List<Enrollment> givenEnrollments = new ArrayList<>();
    final List<Located<AttendanceRecord>> attendance = new ArrayList<>();
    final List<BehaviorDraft> behaviors = new ArrayList<>();
    final Map<String, List<ActionDraft>> actions = new HashMap<>();       // student|school|identifier
    final List<InterventionParticipant> participants = new ArrayList<>();
    final List<StudentCharacteristic> characteristics = new ArrayList<>();
    final List<StaffAssignment> assignments = new ArrayList<>();
    final Map<String, String> employers = new HashMap<>();
    final Map<String, Set<String>> studentSchools = new LinkedHashMap<>();
    final Set<String> demographicsSet = new HashSet<>();

    // change queries: the records of the district the changes apply to (see seed)
    final Set<String> replaceable = new HashSet<>();    // seeded students a changed Student record may replace once
    final Set<String> knownStaff = new HashSet<>();
    final Map<String, String> seededEmployers = new HashMap<>(); // a changed Staff record keeps its employer

    record Session(String school, SchoolYear year, LocalDate begin, LocalDate end, Optional<Integer> total, Node node) {}

    record Incident(String school, String identifier, LocalDate date, Optional<BehaviorType> behavior, Node node) {}

    record InterventionWindow(LocalDate begin, Optional<LocalDate> end) {}

    record Located<T>(T record, Node.At node) {}

    record BehaviorDraft(String student, Incident incident, Optional<BehaviorType> behavior, Optional<String> description, Node.At node) {}

    record ActionDraft(DisciplineActionType type, BigDecimal days) {}


    EdFiImportState(Importer.Format format, DescriptorMapping mapping, Optional<List<InstructionalDay>> suppliedCalendar, DayShare partialDefault,
            boolean lenient, ReadLimits limits, Issues issues) {
        this.issues = issues;
        this.limits = limits;
        this.format = format;
        this.mapping = mapping;
        this.suppliedCalendar = suppliedCalendar;
        this.partialDefault = partialDefault;
        this.lenient = lenient;
    }

    void count(String name) {
        counts.merge(name, 1L, Long::sum);
    }


    /** A person's name part: XML {@code Name/FirstName}, JSON {@code firstName}. */
    static Optional<String> personName(Node n, String part) {
        return n.path("Name", part).or(() -> n.child(part)).flatMap(Node::text);
    }

    Optional<String> required(Node n, String child) {
        Optional<String> v = n.child(child).flatMap(Node::text);
        if (v.isEmpty()) {
            issues.error(n.child(child).orElse(n), "field.required", Optional.empty(), n.name() + " must have a " + child);
        }
        return v;
    }

    Optional<String> name(Node n) {
        return required(n, "NameOfInstitution").map(s -> s.length() > 200 ? s.substring(0, 200) : s);
    }

    /** An identifier of the model (1–32 characters, no whitespace); longer ones are shortened with a warning. */
    Optional<String> id(Node n, String element, String value) {
        if (value.chars().anyMatch(Character::isWhitespace)) {
            issues.error(n.child(element).orElse(n), "field.format", Optional.of(value), element + " must not contain whitespace");
            return Optional.empty();
        }
        return Optional.of(shortId(n.child(element).orElse(n), value));
    }

    /**
     * Ids longer than 32 characters keep their first 23 characters, a hyphen and 8 hex digits of their SHA-256, so that
     * they stay unique and recognizable; a warning names the original.
     */
    String shortId(Node at, String value) {
        return shortId(at.at(), value);
    }

    String shortId(Node.At at, String value) {
        String s = Ids.of(value);
        String whole = value.strip().replaceAll("\\s+", "_");
        if (whole.length() > 32) {
            issues.warning(at, "id.shortened", Optional.of(whole), "an identifier longer than 32 characters is imported as " + s);
        }
        return s;
    }

    Optional<LocalDate> date(Node n, String child, boolean required) {
        Optional<Node> c = n.child(child);
        if (c.isEmpty() || c.get().text().isEmpty()) {
            if (required) {
                issues.error(c.orElse(n), "field.required", Optional.empty(), n.name() + " must have a " + child);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(c.get().text().get()));
        } catch (DateTimeParseException e) {
            issues.error(c.get(), "field.format", personal(child) ? Optional.of("<redacted>") : c.get().text(), child + " must be a date yyyy-MM-dd");
            return Optional.empty();
        }
    }

    static boolean personal(String element) {
        return element.equals("BirthDate");
    }

    Optional<SchoolYear> schoolYear(Node n, String child) {
        Optional<String> v = required(n, child);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SchoolYear.parse(v.get()));
        } catch (IllegalArgumentException e) {
            issues.error(n.child(child).orElse(n), "field.format", v, child + " must be a school year such as 2022 or 2021-2022");
            return Optional.empty();
        }
    }

    <E extends Enum<E>> Optional<E> descriptor(Node n, String child, Class<E> type, boolean required) {
        Optional<Node> c = n.child(child);
        if (c.isEmpty() || c.get().text().isEmpty()) {
            if (required) {
                issues.error(c.orElse(n), "field.required", Optional.empty(), n.name() + " must have a " + child);
            }
            return Optional.empty();
        }
        return resolved(c.get(), c.get().text().get(), type);
    }

    <E extends Enum<E>> Optional<E> resolved(Node at, String value, Class<E> type) {
        DescriptorMapping.Resolution<E> r = mapping.resolve(value, type);
        if (r.outcome() == DescriptorMapping.Outcome.UNKNOWN) {
            unknown(at, value, type);
        }
        return r.value();
    }

    void unknown(Node at, String value, Class<?> type) {
        issues.error(at, "descriptor.unknown", Optional.of(value), "the descriptor value is not in the descriptor mapping for "
                + type.getSimpleName() + "; add it with DescriptorMapping.toBuilder().map(...) or .ignore(...)");
    }
}
