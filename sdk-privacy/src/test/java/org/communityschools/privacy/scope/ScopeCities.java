package org.communityschools.privacy.scope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.policy.HistoryWindow;
import org.communityschools.privacy.policy.Mask;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.Relationship;
import org.communityschools.privacy.policy.Rule;
import org.communityschools.privacy.policy.TinyCity;
import org.communityschools.privacy.FieldPath;

/**
 * Generated cities for the scope properties: the synthetic tiny city (seeds 11 and 29) changed at random by a seed:
 * agreements narrowed (school ids, school years, term, data elements, roles), amended by later versions (narrowing or
 * widening, suspending, terminating, reinstating), consents revoked or narrowed and new ones given, rosters and
 * caseloads ended early, staff assignments ended, directory opt-outs flipped, the researchers also assigned to a
 * school; and random variants of the default policy (history windows, masks, rules dropped, a studies rule).
 */
final class ScopeCities {
    private static final List<DistrictData> BASES = List.of(TinyCity.DATA, generate(29));
    private static final List<String> CATEGORIES = List.of("IDENTITY", "ATTENDANCE", "BEHAVIOR", "COURSEWORK",
            "INTERVENTIONS", "PROGRAMS", "DEMOGRAPHICS", "DIRECTORY", "attendance.records", "identity.name");

    private ScopeCities() {}

    static int baseCount() {
        return BASES.size();
    }

    static DistrictData base(int i) {
        return BASES.get(i);
    }

    private static DistrictData generate(long seed) {
        try {
            Path dir = Files.createTempDirectory("scope-tiny-city");
            try {
                SyntheticCity.builder().preset(Preset.TINY).seed(seed).build().writeTo(dir);
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

    /** A copy of {@code d}, attendance included, with its agreement versions transformed. */
    static DistrictData withAgreements(DistrictData d, UnaryOperator<DataSharingAgreement> change) {
        return copy(d, s -> s, a -> a, r -> r, b -> {
            d.consents().forEach(b::add);
            d.agreements().forEach(a -> b.add(change.apply(a)));
        });
    }

    /** {@code d} changed at random by {@code seed}; the changes made are added to {@code changes}. */
    static DistrictData mutate(DistrictData d, long seed, List<String> changes) {
        Random rnd = new Random(seed);
        List<SchoolId> schools = d.schools().stream().map(s -> s.id()).toList();
        int[] ended = new int[1];
        DistrictData out = copy(d, s -> rnd.nextInt(10) != 0 ? s : new Student(s.id(), s.firstName(), s.lastName(),
                s.birthDate(), s.sex(), s.raceEthnicity(), s.ninthGradeCohort(), !s.directoryOptOut()), a -> {
                    if (rnd.nextInt(20) != 0) {
                        return a;
                    }
                    LocalDate end = a.period().start().plusDays(1 + rnd.nextInt(1400));
                    changes.add("assignment " + a.staffId() + " " + a.role() + " ends " + end);
                    return new StaffAssignment(a.staffId(), a.organizationId(), a.role(),
                            DateRange.halfOpen(a.period().start(), end));
                }, r -> {
                    long days = r.period().lengthInDays().orElse(400L);
                    if (days < 2 || rnd.nextInt(6) != 0) {
                        return r;
                    }
                    ended[0]++;
                    return new StudentStaffRelationship(r.studentId(), r.staffId(), r.relationship(), DateRange.halfOpen(
                            r.period().start(), r.period().start().plusDays(1 + rnd.nextInt((int) days - 1))));
                }, b -> {
                    researcherAtASchool(d, rnd, schools, b, changes);
                    consents(d, rnd, b, changes);
                    agreements(d, rnd, schools, b, changes);
                });
        changes.add(ended[0] + " rosters and caseloads ended early");
        return out;
    }

    private static DistrictData copy(DistrictData d, UnaryOperator<Student> students,
                                     UnaryOperator<StaffAssignment> assignments,
                                     UnaryOperator<StudentStaffRelationship> relationships,
                                     Consumer<DistrictDataBuilder> consentsAndAgreements) {
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
        d.attendance().forEachRecord(b::add);
        d.behaviorIncidents().forEach(b::add);
        d.courseMarks().forEach(b::add);
        d.staff().forEach(b::add);
        d.staffAssignments().forEach(a -> b.add(assignments.apply(a)));
        d.studentStaffRelationships().forEach(r -> b.add(relationships.apply(r)));
        d.interventions().forEach(b::add);
        d.interventionParticipants().forEach(b::add);
        consentsAndAgreements.accept(b);
        return b.build();
    }

    /** The researchers of the city also hold their role at a school, so that a studies rule can apply (limit 4). */
    private static void researcherAtASchool(DistrictData d, Random rnd, List<SchoolId> schools, DistrictDataBuilder b,
                                            List<String> changes) {
        for (StaffAssignment a : d.staffAssignments()) {
            if (a.role() == StaffRole.RESEARCHER) {
                SchoolId at = schools.get(rnd.nextInt(schools.size()));
                changes.add("researcher " + a.staffId() + " also at " + at);
                b.add(new StaffAssignment(a.staffId(), at, StaffRole.RESEARCHER, a.period()));
            }
        }
    }

    private static void consents(DistrictData d, Random rnd, DistrictDataBuilder b, List<String> changes) {
        Consent model = d.consents().get(0);
        for (Consent c : d.consents()) {
            Set<DataCategory> categories = rnd.nextInt(4) == 0 ? categories(rnd) : c.categories();
            java.util.Optional<LocalDate> revoked = c.revokedDate();
            if (rnd.nextInt(4) == 0) {
                revoked = java.util.Optional.of(c.signedDate().plusDays(rnd.nextInt(900)));
                changes.add("consent " + c.id() + " revoked " + revoked.get());
            }
            b.add(new Consent(c.id(), c.studentId(), c.grantor(), c.recipientId(), c.purpose(), categories,
                    c.signedDate(), c.authentication(), revoked));
        }
        // new consents of students enrolled at a partnered school, to the school's partner
        for (int i = 0; i < 12; i++) {
            Partnership p = d.partnerships().get(rnd.nextInt(d.partnerships().size()));
            List<Enrollment> there = d.enrollmentsAt(p.schoolId());
            Enrollment e = there.get(rnd.nextInt(there.size()));
            LocalDate signed = e.entryDate().plusDays(rnd.nextInt(300));
            ConsentId id = ConsentId.of(e.studentId().value() + "-X" + i);
            changes.add("consent " + id + " to " + p.organizationId() + " signed " + signed);
            b.add(new Consent(id, e.studentId(), model.grantor(), p.organizationId(), model.purpose(), categories(rnd),
                    signed, model.authentication(), rnd.nextInt(3) == 0
                    ? java.util.Optional.of(signed.plusDays(rnd.nextInt(500))) : java.util.Optional.empty()));
        }
    }

    private static Set<DataCategory> categories(Random rnd) {
        Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
        for (String c : CATEGORIES) {
            if (Character.isUpperCase(c.charAt(0)) && rnd.nextInt(2) == 0) {
                out.add(DataCategory.valueOf(c));
            }
        }
        if (out.isEmpty()) {
            out.add(DataCategory.ATTENDANCE);
        }
        return out;
    }

    private static void agreements(DistrictData d, Random rnd, List<SchoolId> schools, DistrictDataBuilder b,
                                   List<String> changes) {
        for (DataSharingAgreement a : d.agreements()) {
            LocalDate effective = rnd.nextInt(3) == 0 ? a.effectiveDate().plusDays(rnd.nextInt(700)) : a.effectiveDate();
            DataSharingAgreement v1 = version(a, rnd, schools, 1, AgreementStatus.ACTIVE, effective, effective,
                    rnd.nextInt(2) == 0);
            b.add(v1);
            changes.add(describe(v1));
            DataSharingAgreement last = v1;
            int versions = rnd.nextInt(5) < 2 ? 1 + rnd.nextInt(2) : 0;
            for (int v = 2; v <= 1 + versions; v++) {
                LocalDate from = last.versionEffectiveDate().plusDays(30 + rnd.nextInt(900));
                int s = rnd.nextInt(10);
                AgreementStatus status = s < 6 ? AgreementStatus.ACTIVE : s < 8 ? AgreementStatus.SUSPENDED
                        : s < 9 ? AgreementStatus.TERMINATED : AgreementStatus.EXPIRED;
                last = version(last, rnd, schools, v, status, effective, from, true);
                b.add(last);
                changes.add(describe(last));
            }
        }
    }

    private static DataSharingAgreement version(DataSharingAgreement a, Random rnd, List<SchoolId> schools, int version,
                                                AgreementStatus status, LocalDate effective, LocalDate from,
                                                boolean change) {
        Set<SchoolId> ids = a.schoolIds();
        Set<SchoolYear> years = a.schoolYears();
        Set<String> elements = a.dataElements();
        Set<StaffRole> roles = a.permittedRoles();
        LocalDate end = a.endDate().isBefore(effective) ? effective.plusDays(400) : a.endDate();
        if (change) {
            if (rnd.nextBoolean()) {
                ids = new TreeSet<>(java.util.Comparator.comparing(SchoolId::value));
                for (SchoolId s : schools) {
                    if (rnd.nextInt(3) == 0) {
                        ids.add(s);
                    }
                }
                if (ids.isEmpty()) {
                    ids.add(schools.get(rnd.nextInt(schools.size())));
                }
            }
            if (rnd.nextBoolean()) {
                years = new TreeSet<>();
                for (int y = 2014; y <= 2019; y++) {
                    if (rnd.nextInt(2) == 0) {
                        years.add(SchoolYear.of(y));
                    }
                }
                if (years.isEmpty()) {
                    years.add(SchoolYear.of(2016 + rnd.nextInt(3)));
                }
            }
            if (rnd.nextInt(4) == 0) {
                elements = new TreeSet<>();
                for (String c : CATEGORIES) {
                    if (rnd.nextInt(3) > 0) {
                        elements.add(c);
                    }
                }
                if (elements.isEmpty()) {
                    elements.add("ATTENDANCE");
                }
            }
            if (rnd.nextInt(6) == 0 && roles.size() > 1) {
                roles = Set.of(roles.iterator().next());
            }
            if (rnd.nextInt(3) == 0) {
                end = effective.plusDays(100 + rnd.nextInt(1600));
            }
        }
        LocalDate signed = a.signedDate().isAfter(from) ? from : a.signedDate();
        return new DataSharingAgreement(a.id(), version, status, a.disclosingOrganizationId(), a.recipientOrganizationId(),
                a.legalBasis(), a.purpose(), ids, years, elements, roles, effective, end, signed, a.signatories(),
                a.destructionDays(), a.redisclosureAllowed(), from);
    }

    private static String describe(DataSharingAgreement a) {
        return a.id() + " v" + a.version() + " " + a.status() + " from " + a.versionEffectiveDate() + " schools "
                + new TreeSet<>(a.schoolIds().stream().map(SchoolId::value).toList()) + " years " + new TreeSet<>(a.schoolYears())
                + " term " + a.effectiveDate() + ".." + a.endDate() + " elements " + new TreeSet<>(a.dataElements())
                + " roles " + new TreeSet<>(a.permittedRoles());
    }

    private static HistoryWindow history(Random rnd) {
        int k = rnd.nextInt(4);
        return k == 0 ? HistoryWindow.relationship() : k == 1 ? HistoryWindow.wholeRecord()
                : HistoryWindow.schoolYears(rnd.nextInt(4));
    }

    /**
     * The default policy (a third of the time) or a variant: history windows changed, masks added, rules dropped, and
     * half the time a studies rule for researchers instead of the rule forbidding them everything.
     */
    static Policy policy(long seed, List<String> changes) {
        Random rnd = new Random(seed);
        Policy p = Policies.defaultPolicy();
        if (rnd.nextInt(3) == 0) {
            changes.add("default policy");
            return p;
        }
        Policy.Builder b = Policy.builder().id("variant").version(1);
        p.purposes().forEach((k, v) -> b.purpose(k.code(), v));
        b.directoryFields(p.directoryFields().stream().map(FieldPath::value).toArray(String[]::new));
        boolean studies = rnd.nextBoolean();
        if (studies) {
            // a studies rule instead of the researchers' forbid rule: basis STUDIES needs the study's agreement
            changes.add("researcher-study instead of researcher-no-records");
            b.rule(Rule.permit("researcher-study").roles(StaffRole.RESEARCHER).relationship(Relationship.ASSIGNED_SCHOOL)
                    .basis(LegalBasis.STUDIES).purposes("school-administration")
                    .fields("DEMOGRAPHICS", "ATTENDANCE", "COURSEWORK", "PROGRAMS").history(history(rnd)).build());
        }
        for (Rule r : p.rules()) {
            if (studies && r.id().equals("researcher-no-records")) {
                continue;
            }
            if (r.effect() == org.communityschools.privacy.policy.Effect.PERMIT && rnd.nextInt(12) == 0) {
                changes.add("rule " + r.id() + " dropped");
                continue;
            }
            HistoryWindow h = r.history();
            List<Mask> masks = new ArrayList<>(r.masks());
            if (r.effect() == org.communityschools.privacy.policy.Effect.PERMIT) {
                if (rnd.nextInt(5) < 2) {
                    h = history(rnd);
                    changes.add("rule " + r.id() + " history " + h.describe());
                }
                if (r.id().equals("teacher-roster") && rnd.nextInt(3) == 0) {
                    masks.add(new Mask(FieldPath.of("identity.name"), MaskTransform.INITIALS));
                    changes.add("teacher-roster masks identity.name INITIALS");
                }
                if (r.id().equals("principal-school") && rnd.nextInt(3) == 0) {
                    masks.add(new Mask(FieldPath.of("demographics.birthDate"), MaskTransform.BIRTH_YEAR_ONLY));
                    changes.add("principal-school masks demographics.birthDate BIRTH_YEAR_ONLY");
                }
            }
            b.rule(new Rule(r.id(), r.effect(), r.description(), r.roles(), r.relationship(), r.relationshipTypes(),
                    r.fields(), r.basis(), r.purposes(), r.authorizes(), masks, r.rows(), h));
        }
        return b.build();
    }
}
