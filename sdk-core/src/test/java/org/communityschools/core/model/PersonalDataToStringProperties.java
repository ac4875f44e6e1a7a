package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.testing.DomainArbitraries;
import org.junit.jupiter.api.Test;

/**
 * The rule of the package documentation: a record prints its type and identifiers, and a record that concerns no
 * person may add facts about the organization; nothing else, so no personal data. Every record is generated with its
 * text values marked ({@code «…»}), so that a leaked text is found by a plain search.
 */
class PersonalDataToStringProperties {
    private static final String OPEN = "«";
    private static final String CLOSE = "»";

    /** Value types: they print their value, which round-trips; none carries personal data on its own. */
    private static final Set<Class<?>> VALUE_TYPES = Set.of(StudentId.class, SchoolId.class, OrganizationId.class,
            StaffId.class, IncidentId.class, InterventionId.class, ConsentId.class, AgreementId.class, MeetingId.class, ActionStepId.class, DateRange.class,
            DayShare.class, Ratio.class, SchoolYear.class);

    /** One generator per record type that is not a value type. */
    private static final Map<Class<? extends Record>, Arbitrary<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry(Organization.class, DomainArbitraries.organizations()),
            Map.entry(School.class, DomainArbitraries.schools()),
            Map.entry(Partnership.class, DomainArbitraries.partnerships()),
            Map.entry(Student.class, DomainArbitraries.students()),
            Map.entry(StudentCharacteristic.class, DomainArbitraries.studentCharacteristics()),
            Map.entry(InstructionalDay.class, DomainArbitraries.instructionalDays()),
            Map.entry(Enrollment.class, DomainArbitraries.enrollments()),
            Map.entry(Diploma.class, DomainArbitraries.diplomas()),
            Map.entry(AttendanceRecord.class, DomainArbitraries.attendanceRecords()),
            Map.entry(BehaviorIncident.class, DomainArbitraries.behaviorIncidents()),
            Map.entry(CourseMark.class, DomainArbitraries.courseMarks()),
            Map.entry(Staff.class, DomainArbitraries.staff()),
            Map.entry(StaffAssignment.class, DomainArbitraries.staffAssignments()),
            Map.entry(StudentStaffRelationship.class, DomainArbitraries.studentStaffRelationships()),
            Map.entry(Intervention.class, DomainArbitraries.interventions()),
            Map.entry(InterventionParticipant.class, DomainArbitraries.interventionParticipants()),
            Map.entry(Consent.class, DomainArbitraries.consents()),
            Map.entry(Signatory.class, DomainArbitraries.signatories()),
            Map.entry(DataSharingAgreement.class, DomainArbitraries.agreements()),
            Map.entry(DestructionObligation.class, destructions()),
            Map.entry(Meeting.class, DomainArbitraries.meetings()),
            Map.entry(AgendaItem.class, DomainArbitraries.agendaItems()),
            Map.entry(ActionStep.class, DomainArbitraries.actionSteps()));

    /** The facts, other than identifiers, that a record concerning no person may print. */
    private static final Map<Class<?>, Set<String>> FACTS = Map.of(
            Organization.class, Set.of("type"),
            Partnership.class, Set.of("schoolYear", "role"),
            InstructionalDay.class, Set.of("date"),
            StaffAssignment.class, Set.of("role"),
            Intervention.class, Set.of("type"),
            Meeting.class, Set.of("date"),
            AgendaItem.class, Set.of("number"),
            DataSharingAgreement.class, Set.of("version"),
            DestructionObligation.class, Set.of("version", "cause", "endedOn", "deadline"));

    /** Destruction obligations concern an agreement, not a person. */
    private static Arbitrary<DestructionObligation> destructions() {
        return net.jqwik.api.Combinators.combine(DomainArbitraries.agreements(), Arbitraries.integers().between(0, 3650),
                Arbitraries.of(AgreementStatus.TERMINATED, AgreementStatus.EXPIRED)).as((a, days, cause) ->
                new DestructionObligation(a.id(), a.version(), a.recipientOrganizationId(), cause, a.endDate(),
                        a.endDate().plusDays(days)));
    }

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z]+)\\[(.*)]");

    @Provide
    Arbitrary<Record> records() {
        List<Arbitrary<Record>> each = new ArrayList<>();
        RECORDS.values().forEach(a -> each.add(a.map(PersonalDataToStringProperties::marked)));
        return Arbitraries.oneOf(each);
    }

    @Property(tries = 2000)
    void toStringShowsIdentifiersAndOrganizationFactsOnly(@ForAll("records") Record record) {
        String text = record.toString();
        Matcher m = SHAPE.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        assertThat(m.group(1)).isEqualTo(record.getClass().getSimpleName());
        Set<String> shown = shownValues(record);
        if (!m.group(2).isEmpty()) {
            for (String pair : m.group(2).split(", ")) {
                assertThat(pair).as(text).contains("=");
                assertThat(shown).as(text).contains(pair.substring(pair.indexOf('=') + 1));
            }
        }
    }

    @Property(tries = 2000)
    void toStringContainsNoneOfTheRecordsPersonalValues(@ForAll("records") Record record) {
        String text = record.toString();
        assertThat(text).doesNotContain(OPEN, CLOSE);
        for (String value : personalValues(record)) {
            assertThat(text).doesNotContain(value);
        }
    }

    @Test
    void everyRecordOfTheModelIsAValueTypeOrCoveredAbove() {
        Set<Class<?>> records = modelRecords();
        Set<Class<?>> covered = new HashSet<>(VALUE_TYPES);
        covered.addAll(RECORDS.keySet());
        assertThat(records).as("public records of the model package").containsExactlyInAnyOrderElementsOf(covered);
    }

    @Test
    void everyRecordOfTheModelDeclaresItsToString() throws NoSuchMethodException {
        for (Class<?> type : modelRecords()) {
            assertThat(type.getDeclaredMethod("toString").getDeclaringClass()).as(type.getName()).isEqualTo(type);
        }
    }

    @Test
    void aStudentShowsItsIdentifierOnly() {
        Student s = new Student(StudentId.of("STU00001"), "Ada", "Lovelace", LocalDate.of(2010, 12, 10), Sex.FEMALE,
                RaceEthnicity.ASIAN, Optional.empty(), false);
        assertThat(s).hasToString("Student[id=STU00001]");
    }

    /** The public records of the model package, found among the compiled classes. */
    private static Set<Class<?>> modelRecords() {
        try {
            Path dir = Path.of(Student.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(Student.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                        .map(n -> load(Student.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length())))
                        .filter(c -> c.isRecord() && Modifier.isPublic(c.getModifiers()))
                        .collect(Collectors.toSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts a record may print: its identifiers and its organization facts. */
    private static Set<String> shownValues(Record record) {
        Set<String> shown = new HashSet<>();
        Set<String> facts = FACTS.getOrDefault(record.getClass(), Set.of());
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = Optional.ofNullable(get(record, c)).map(v -> v instanceof Optional<?> o ? o.orElse(null) : v)
                    .orElse(null);
            if (value != null && (isIdentifier(value) || facts.contains(c.getName()))) {
                shown.add(value.toString());
            }
        }
        return shown;
    }

    private static boolean isIdentifier(Object value) {
        return value instanceof EducationOrganizationId || VALUE_TYPES.contains(value.getClass())
                && value.getClass().getSimpleName().endsWith("Id");
    }

    /**
     * The marked texts and the dates of a record's other components, looked into through optionals, collections and
     * records (unmarked texts are data elements, which are field paths).
     */
    private static List<String> personalValues(Record record) {
        Set<String> facts = FACTS.getOrDefault(record.getClass(), Set.of());
        List<String> values = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (!facts.contains(c.getName())) {
                collect(get(record, c), values);
            }
        }
        return values;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String s) {
            if (s.startsWith(OPEN)) {
                into.add(s);
            }
        } else if (value instanceof LocalDate d) {
            into.add(d.toString());
        } else if (value instanceof DateRange r) {
            into.add(r.start().toString());
            r.lastDay().ifPresent(d -> into.add(d.toString()));
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(v -> collect(v, into));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, into));
        } else if (value instanceof Record r && !VALUE_TYPES.contains(r.getClass())) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                collect(get(r, c), into);
            }
        }
    }

    /**
     * The same record with every free-text value (a string, an optional string, a list of signatories) marked; data
     * elements, which must keep their format and are not personal, stay as they are.
     */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R marked(R record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = markedValue(get(record, components[i]));
        }
        try {
            return (R) record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object markedValue(Object value) {
        if (value instanceof String s) {
            // the same length, so that the constructors' length rules still hold
            return s.length() == 1 ? OPEN : OPEN + s.substring(1, s.length() - 1) + CLOSE;
        } else if (value instanceof Optional<?> o) {
            return o.map(PersonalDataToStringProperties::markedValue);
        } else if (value instanceof List<?> l) {
            return l.stream().map(PersonalDataToStringProperties::markedValue).toList();
        } else if (value instanceof Record r && !VALUE_TYPES.contains(r.getClass())) {
            return marked(r);
        }
        return value;
    }

    private static Object get(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
