package org.communityschools.privacy.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;

/**
 * The synthetic tiny city (seed 11), generated once per test JVM, plus copies with some records changed, for the
 * policy tests. Attendance rows are not copied: the policy engine never reads them.
 */
public final class TinyCity {
    /** The district's time zone. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** The city, loaded once per test JVM (also by the view tests). */
    public static final DistrictData DATA = generate();

    private TinyCity() {}

    private static DistrictData generate() {
        try {
            Path dir = Files.createTempDirectory("policy-tiny-city");
            try {
                SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
                return DistrictDataReader.builder().build().read(dir).data();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Noon of {@code date} in the district's zone. */
    public static Instant noon(LocalDate date) {
        return date.atTime(12, 0).atZone(ZONE).toInstant();
    }

    static PolicyEngine engine(DistrictData data) {
        return PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(ZONE).build();
    }

    /** A copy of the tiny city with agreements, consents, assignments and students transformed. */
    static DistrictData with(UnaryOperator<DataSharingAgreement> agreements, UnaryOperator<Consent> consents,
                             UnaryOperator<StaffAssignment> assignments, UnaryOperator<Student> students) {
        return with(agreements, consents, assignments, students, p -> true, b -> { });
    }

    /** A copy of the tiny city keeping the intervention participations that pass {@code keep}, plus {@code extra}. */
    static DistrictData withParticipants(Predicate<InterventionParticipant> keep, List<InterventionParticipant> extra) {
        return with(a -> a, c -> c, a -> a, s -> s, keep, b -> extra.forEach(b::add));
    }

    /** A copy of the tiny city without the agreements {@code drop} selects, plus the records {@code more} adds. */
    public static DistrictData withChanges(Predicate<DataSharingAgreement> drop, Consumer<DistrictDataBuilder> more) {
        return with(a -> a, c -> c, a -> a, s -> s, p -> true, more, drop, r -> r);
    }

    /** As {@link #withChanges(Predicate, Consumer)}, with the student-staff relationships transformed. */
    public static DistrictData withChanges(Predicate<DataSharingAgreement> drop, Consumer<DistrictDataBuilder> more,
                                           UnaryOperator<org.communityschools.core.model.StudentStaffRelationship> relationships) {
        return with(a -> a, c -> c, a -> a, s -> s, p -> true, more, drop, relationships);
    }

    private static DistrictData with(UnaryOperator<DataSharingAgreement> agreements, UnaryOperator<Consent> consents,
                                     UnaryOperator<StaffAssignment> assignments, UnaryOperator<Student> students,
                                     Predicate<InterventionParticipant> keep, Consumer<DistrictDataBuilder> more) {
        return with(agreements, consents, assignments, students, keep, more, a -> false, r -> r);
    }

    private static DistrictData with(UnaryOperator<DataSharingAgreement> agreements, UnaryOperator<Consent> consents,
                                     UnaryOperator<StaffAssignment> assignments, UnaryOperator<Student> students,
                                     Predicate<InterventionParticipant> keep, Consumer<DistrictDataBuilder> more,
                                     Predicate<DataSharingAgreement> drop,
                                     UnaryOperator<org.communityschools.core.model.StudentStaffRelationship> relationships) {
        DistrictData d = DATA;
        DistrictDataBuilder b = DistrictData.builder();
        d.organizations().forEach(b::add);
        d.schools().forEach(b::add);
        d.partnerships().forEach(b::add);
        d.students().forEach(s -> b.add(students.apply(s)));
        d.studentCharacteristics().forEach(b::add);
        for (InstructionalCalendar c : d.calendars().values()) {
            c.days().forEach(day -> b.add(new InstructionalDay(c.school(), day)));
        }
        d.enrollments().forEach(b::add);
        d.diplomas().forEach(b::add);
        d.behaviorIncidents().forEach(b::add);
        d.courseMarks().forEach(b::add);
        d.staff().forEach(b::add);
        d.staffAssignments().forEach(a -> b.add(assignments.apply(a)));
        d.studentStaffRelationships().forEach(r -> b.add(relationships.apply(r)));
        d.interventions().forEach(b::add);
        d.interventionParticipants().stream().filter(keep).forEach(b::add);
        d.consents().forEach(c -> b.add(consents.apply(c)));
        d.agreements().stream().filter(drop.negate()).forEach(a -> b.add(agreements.apply(a)));
        more.accept(b);
        return b.build();
    }

    public static DistrictData withAgreements(UnaryOperator<DataSharingAgreement> agreements) {
        return with(agreements, c -> c, a -> a, s -> s);
    }
}
