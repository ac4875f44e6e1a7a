package org.communityschools.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentCharacteristicType;

/**
 * How Ed-Fi descriptor values ({@code uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence}) map to the
 * domain model's enumerations. A descriptor value maps to one enumeration constant, or is explicitly
 * <em>ignored</em> (the record that carries it is not imported, without a violation: e.g. a program type that is not a
 * student characteristic, or a staff classification that is not one of our roles); any other value is
 * <em>unknown</em> and reported as {@code descriptor.unknown}, never guessed.
 *
 * <p>A key is either a full descriptor URI, which matches only that namespace, or {@code Name#CodeValue} (such as
 * {@code AttendanceEventCategoryDescriptor#Tardy}), which matches the value in any namespace; a full-URI entry wins.
 * Code values are compared exactly (Ed-Fi code values are case-sensitive). The defaults ({@link #defaults()}) cover
 * the Ed-Fi default descriptor values the model can represent and are listed in docs/interop-edfi.md; override or
 * extend them with {@link #toBuilder()}.
 *
 * <p>Values the Ed-Fi defaults have no code for (such as {@code StaffRole.SUCCESS_MENTOR}) are written by the export
 * in the SDK's own namespace, {@code uri://communityschools.org/StaffClassificationDescriptor#SUCCESS_MENTOR}
 * ({@link #descriptorUri(Enum)}), and such a URI resolves to its constant unless an entry says otherwise, so that our
 * data survives a round trip through Ed-Fi JSON. Immutable and thread-safe.
 */
public final class DescriptorMapping {
    /** What a descriptor value resolves to. */
    public enum Outcome {
        /** Mapped to an enumeration constant. */
        MAPPED,
        /** Explicitly ignored: the record carrying it is skipped without a violation. */
        IGNORED,
        /** Not in the mapping (or mapped to a constant of another enumeration): reported, never guessed. */
        UNKNOWN
    }

    /**
     * The resolution of one descriptor value.
     *
     * @param outcome mapped, ignored or unknown
     * @param value   the constant when mapped, else empty
     * @param <E>     the enumeration
     */
    public record Resolution<E extends Enum<E>>(Outcome outcome, Optional<E> value) {
        /**
         * Checks that a value is present exactly when mapped.
         *
         * @param outcome mapped, ignored or unknown
         * @param value the constant when mapped, else empty
         */
        public Resolution {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(value, "value");
            if (value.isPresent() != (outcome == Outcome.MAPPED)) {
                throw new IllegalArgumentException("a value is present exactly when the outcome is MAPPED");
            }
        }
    }

    /** The namespace of the SDK's own descriptor values: {@code uri://communityschools.org/}. */
    public static final String NAMESPACE = "uri://communityschools.org/";

    /** The Ed-Fi namespace the export writes default code values in. */
    private static final String ED_FI = "uri://ed-fi.org/";

    /** Which Ed-Fi descriptor each enumeration is read from and written as. */
    private static final Map<Class<?>, String> DESCRIPTORS = Map.ofEntries(
            Map.entry(AttendanceCategory.class, "AttendanceEventCategoryDescriptor"),
            Map.entry(BehaviorType.class, "BehaviorDescriptor"),
            Map.entry(DisciplineActionType.class, "DisciplineDescriptor"),
            Map.entry(ExitWithdrawType.class, "ExitWithdrawTypeDescriptor"),
            Map.entry(GradeLevel.class, "GradeLevelDescriptor"),
            Map.entry(SchoolType.class, "SchoolTypeDescriptor"),
            Map.entry(StudentCharacteristicType.class, "ProgramTypeDescriptor"),
            Map.entry(StaffRole.class, "StaffClassificationDescriptor"),
            Map.entry(Sex.class, "SexDescriptor"),
            Map.entry(RaceEthnicity.class, "RaceDescriptor"),
            Map.entry(InterventionType.class, "InterventionClassDescriptor"));

    private static final DescriptorMapping DEFAULTS = buildDefaults();

    private final Map<String, Optional<Enum<?>>> entries;

    private DescriptorMapping(Map<String, Optional<Enum<?>>> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** {@return the documented default mapping (docs/interop-edfi.md)} */
    public static DescriptorMapping defaults() {
        return DEFAULTS;
    }

    /** {@return an empty builder: nothing mapped} */
    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** {@return a builder starting from this mapping, to override or add entries} */
    public Builder toBuilder() {
        return new Builder(entries);
    }

    /**
     * {@return every entry: key ({@code Name#CodeValue} or a full URI) → the constant, or empty when ignored}
     * Unmodifiable.
     */
    public Map<String, Optional<Enum<?>>> entries() {
        return entries;
    }

    /**
     * Resolves a descriptor value for an enumeration.
     *
     * @param descriptor the descriptor value as written in the file, such as
     *                   {@code uri://ed-fi.org/BehaviorDescriptor#State Offense}
     * @param type       the enumeration expected
     * @param <E>        the enumeration
     * @return mapped (with the constant), ignored, or unknown
     */
    public <E extends Enum<E>> Resolution<E> resolve(String descriptor, Class<E> type) {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(type, "type");
        String uri = descriptor.strip();
        Optional<Enum<?>> hit = entries.get(uri);
        if (hit == null) {
            hit = entries.get(shortKey(uri));
        }
        if (hit == null) {
            return ownNamespace(uri, type);
        }
        if (hit.isEmpty()) {
            return new Resolution<E>(Outcome.IGNORED, Optional.<E>empty());
        }
        Enum<?> v = hit.get();
        if (!type.isInstance(v)) {
            return new Resolution<E>(Outcome.UNKNOWN, Optional.<E>empty());
        }
        return new Resolution<>(Outcome.MAPPED, Optional.of(type.cast(v)));
    }

    private static <E extends Enum<E>> Resolution<E> ownNamespace(String uri, Class<E> type) {
        String descriptor = DESCRIPTORS.get(type);
        String prefix = NAMESPACE + descriptor + "#";
        if (descriptor != null && uri.startsWith(prefix)) {
            String name = uri.substring(prefix.length());
            for (E c : type.getEnumConstants()) {
                if (c.name().equals(name)) {
                    return new Resolution<>(Outcome.MAPPED, Optional.of(c));
                }
            }
        }
        return new Resolution<E>(Outcome.UNKNOWN, Optional.<E>empty());
    }

    /**
     * The descriptor URI the export writes for a constant: the Ed-Fi default code value listed first for it in this
     * mapping ({@code uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence}; a full-URI entry is written as
     * is), else the SDK's own {@link #NAMESPACE} ({@code uri://communityschools.org/InterventionClassDescriptor#TUTORING}).
     * The URI resolves back to the same constant.
     *
     * @param value the constant, of one of the enumerations the mapping covers
     * @return the URI
     * @throws IllegalArgumentException for an enumeration without an Ed-Fi descriptor
     */
    public String descriptorUri(Enum<?> value) {
        Objects.requireNonNull(value, "value");
        String descriptor = DESCRIPTORS.get(value.getDeclaringClass());
        if (descriptor == null) {
            throw new IllegalArgumentException("no Ed-Fi descriptor is mapped to " + value.getDeclaringClass().getSimpleName());
        }
        for (Map.Entry<String, Optional<Enum<?>>> e : entries.entrySet()) {
            if (e.getValue().isPresent() && e.getValue().get() == value) {
                String key = e.getKey();
                if (key.startsWith(descriptor + "#")) {
                    return ED_FI + key;
                }
                if (shortKey(key).startsWith(descriptor + "#")) {
                    return key;
                }
            }
        }
        return NAMESPACE + descriptor + "#" + value.name();
    }

    /** {@code uri://ed-fi.org/XDescriptor#Code} → {@code XDescriptor#Code}; a key without a path is returned as is. */
    static String shortKey(String uri) {
        int hash = uri.indexOf('#');
        if (hash < 0) {
            return uri;
        }
        int slash = uri.lastIndexOf('/', hash);
        return slash < 0 ? uri : uri.substring(slash + 1);
    }

    /** Builds a {@link DescriptorMapping}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Optional<Enum<?>>> entries;

        private Builder(Map<String, Optional<Enum<?>>> start) {
            this.entries = new LinkedHashMap<>(start);
        }

        /**
         * Maps a descriptor value (a full URI or {@code Name#CodeValue}) to a constant, replacing any entry.
         *
         * @param descriptor the key
         * @param value      the constant
         * @return this builder
         */
        public Builder map(String descriptor, Enum<?> value) {
            entries.put(key(descriptor), Optional.of(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Marks a descriptor value as ignored: records carrying it are skipped without a violation.
         *
         * @param descriptor the key
         * @return this builder
         */
        public Builder ignore(String descriptor) {
            entries.put(key(descriptor), Optional.empty());
            return this;
        }

        /**
         * Removes an entry, so that the value becomes unknown.
         *
         * @param descriptor the key
         * @return this builder
         */
        public Builder remove(String descriptor) {
            entries.remove(key(descriptor));
            return this;
        }

        private static String key(String descriptor) {
            Objects.requireNonNull(descriptor, "descriptor");
            String k = descriptor.strip();
            if (k.indexOf('#') <= 0 || k.endsWith("#")) {
                throw new IllegalArgumentException("a descriptor key is Name#CodeValue or a full URI, was '" + descriptor + "'");
            }
            return k;
        }

        /** {@return the mapping} */
        public DescriptorMapping build() {
            return new DescriptorMapping(entries);
        }
    }

    private static DescriptorMapping buildDefaults() {
        Builder b = builder();
        String a = "AttendanceEventCategoryDescriptor#";
        b.map(a + "Excused Absence", AttendanceCategory.EXCUSED_ABSENCE)
                .map(a + "Unexcused Absence", AttendanceCategory.UNEXCUSED_ABSENCE)
                .map(a + "Tardy", AttendanceCategory.TARDY)
                .map(a + "Early departure", AttendanceCategory.EARLY_DEPARTURE)
                .map(a + "Partial", AttendanceCategory.PARTIAL)
                .map(a + "In Attendance", AttendanceCategory.PRESENT)
                .map(a + "Present", AttendanceCategory.PRESENT);
        String be = "BehaviorDescriptor#";
        b.map(be + "State Offense", BehaviorType.STATE_OFFENSE)
                .map(be + "School Code of Conduct", BehaviorType.SCHOOL_CODE_OF_CONDUCT)
                .map(be + "School Violation", BehaviorType.SCHOOL_VIOLATION)
                .map(be + "Other", BehaviorType.OTHER);
        String d = "DisciplineDescriptor#";
        b.map(d + "Removal from Classroom", DisciplineActionType.REMOVAL_FROM_CLASSROOM)
                .map(d + "In School Suspension", DisciplineActionType.IN_SCHOOL_SUSPENSION)
                .map(d + "Out of School Suspension", DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION)
                .map(d + "Expulsion", DisciplineActionType.EXPULSION)
                .map(d + "Expulsion with Services", DisciplineActionType.EXPULSION)
                .map(d + "Expulsion under Guns Free School Act", DisciplineActionType.EXPULSION)
                .map(d + "Expulsion under Guns Free School Act with Services", DisciplineActionType.EXPULSION)
                .map(d + "Community Service", DisciplineActionType.OTHER)
                .map(d + "Other", DisciplineActionType.OTHER)
                .map(d + "No action for incident", DisciplineActionType.NONE);
        String e = "ExitWithdrawTypeDescriptor#";
        b.map(e + "Graduated", ExitWithdrawType.GRADUATED)
                .map(e + "Completed", ExitWithdrawType.GRADUATED)
                .map(e + "Transferred", ExitWithdrawType.TRANSFERRED)
                .map(e + "Died or is permanently incapacitated", ExitWithdrawType.DIED)
                .map(e + "Dropout", ExitWithdrawType.DROPPED_OUT)
                .map(e + "Withdrawn", ExitWithdrawType.DROPPED_OUT)
                .map(e + "No show", ExitWithdrawType.DROPPED_OUT)
                .map(e + "Enrolled in a high school diploma program", ExitWithdrawType.GED_PROGRAM)
                .map(e + "Expelled", ExitWithdrawType.EXPELLED)
                .map(e + "Involuntarily Removed", ExitWithdrawType.EXPELLED)
                .map(e + "Incarcerated", ExitWithdrawType.INCARCERATED)
                .map(e + "End of school year", ExitWithdrawType.END_OF_YEAR)
                .map(e + "Reached maximum age", ExitWithdrawType.OTHER)
                .map(e + "Invalid enrollment", ExitWithdrawType.OTHER)
                .map(e + "Other", ExitWithdrawType.OTHER);
        String g = "GradeLevelDescriptor#";
        b.map(g + "Preschool/Prekindergarten", GradeLevel.PK)
                .map(g + "Prekindergarten", GradeLevel.PK)
                .map(g + "Preschool", GradeLevel.PK)
                .map(g + "Transitional Kindergarten", GradeLevel.KG)
                .map(g + "Kindergarten", GradeLevel.KG);
        String[] ordinals = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                "Eleventh", "Twelfth"};
        for (int i = 0; i < ordinals.length; i++) {
            b.map(g + ordinals[i] + " grade", GradeLevel.ofNumber(i + 1));
        }
        String s = "SchoolTypeDescriptor#";
        b.map(s + "Regular", SchoolType.REGULAR)
                .map(s + "Alternative", SchoolType.ALTERNATIVE)
                .map(s + "Special Education", SchoolType.SPECIAL_EDUCATION)
                .map(s + "Career and Technical Education", SchoolType.REGULAR)
                .map(s + "JJAEP", SchoolType.ALTERNATIVE)
                .map(s + "DAEP", SchoolType.ALTERNATIVE);
        String p = "ProgramTypeDescriptor#";
        b.map(p + "Special Education", StudentCharacteristicType.DISABILITY)
                .map(p + "Section 504 Placement", StudentCharacteristicType.SECTION_504)
                .map(p + "Homeless", StudentCharacteristicType.HOMELESS)
                .map(p + "Migrant Education", StudentCharacteristicType.MIGRANT)
                .map(p + "English as a Second Language (ESL)", StudentCharacteristicType.ENGLISH_LEARNER)
                .map(p + "Bilingual", StudentCharacteristicType.ENGLISH_LEARNER)
                .map(p + "Bilingual Summer", StudentCharacteristicType.ENGLISH_LEARNER)
                .map(p + "Compensatory Services for Disadvantaged Students", StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED)
                .map(p + "School Food Service", StudentCharacteristicType.ECONOMICALLY_DISADVANTAGED)
                .ignore(p + "Career and Technical Education")
                .ignore(p + "Gifted and Talented")
                .ignore(p + "Neglected and Delinquent Program")
                .ignore(p + "Title I Part A")
                .ignore(p + "Support")
                .ignore(p + "Athletics")
                .ignore(p + "Other");
        String c = "StaffClassificationDescriptor#";
        for (String t : new String[] {"Teacher", "Pre-Kindergarten Teacher", "Kindergarten Teacher", "Elementary Teacher",
                "Secondary Teacher", "Ungraded Teacher", "Substitute Teacher"}) {
            b.map(c + t, StaffRole.TEACHER);
        }
        for (String t : new String[] {"Counselor", "School Counselor", "Elementary School Counselor", "Secondary School Counselor"}) {
            b.map(c + t, StaffRole.COUNSELOR);
        }
        b.map(c + "Principal", StaffRole.PRINCIPAL)
                .map(c + "School Leader", StaffRole.PRINCIPAL)
                .map(c + "Superintendent", StaffRole.DISTRICT_ADMIN)
                .map(c + "Assistant Superintendent", StaffRole.DISTRICT_ADMIN)
                .map(c + "LEA Administrator", StaffRole.DISTRICT_ADMIN)
                .map(c + "LEA System Administrator", StaffRole.DISTRICT_ADMIN);
        for (String t : new String[] {"Assistant Principal", "School Administrator", "Paraprofessional/Instructional Aide",
                "Instructional Aide", "Librarian/Media Specialist", "Library/Media Support Staff",
                "LEA Administrative Support Staff", "School Administrative Support Staff", "School Psychologist",
                "Student Support Services Staff (w/o Psychology)", "All Other Support Staff",
                "Instr Coordinator and Supervisor to the Staff", "Instructional Coordinator", "LEA Specialist",
                "Missing", "Operational Support", "Other", "School Specialist", "State Administrator",
                "Support Services Staff"}) {
            b.ignore(c + t);
        }
        String sx = "SexDescriptor#";
        b.map(sx + "Female", Sex.FEMALE)
                .map(sx + "Male", Sex.MALE)
                .map(sx + "Non-binary", Sex.NON_BINARY)
                .map(sx + "Not Selected", Sex.NOT_SELECTED);
        String r = "RaceDescriptor#";
        b.map(r + "American Indian or Alaska Native", RaceEthnicity.AMERICAN_INDIAN)
                .map(r + "Asian", RaceEthnicity.ASIAN)
                .map(r + "Black or African American", RaceEthnicity.BLACK)
                .map(r + "Native Hawaiian or Pacific Islander", RaceEthnicity.PACIFIC_ISLANDER)
                .map(r + "White", RaceEthnicity.WHITE)
                .map(r + "Middle Eastern or North African", RaceEthnicity.WHITE)
                .map(r + "Hispanic or Latino", RaceEthnicity.HISPANIC)
                .map(r + "Choose Not to Respond", RaceEthnicity.NOT_REPORTED)
                .ignore(r + "Other");
        String i = "InterventionClassDescriptor#";
        b.map(i + "Curriculum", InterventionType.OTHER)
                .map(i + "Practice", InterventionType.OTHER)
                .map(i + "Supplement", InterventionType.OTHER)
                .map(i + "Other", InterventionType.OTHER);
        return b.build();
    }
}
