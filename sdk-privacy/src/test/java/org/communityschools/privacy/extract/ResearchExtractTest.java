package org.communityschools.privacy.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.TinyCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Research extracts under a studies agreement (34 CFR 99.31(a)(6)) on the tiny synthetic city. */
class ResearchExtractTest {
    static final AgreementId STUDY = AgreementId.of("DSA-RES01-STUDY");
    static final byte[] KEY = "0123456789abcdef-project-7-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final StaffId RESEARCHER = StaffId.of("R-0001");

    static DataSharingAgreement study(DistrictData data) {
        return data.agreement(STUDY).orElseThrow();
    }

    /** The last day of the agreement's term: an extract then covers every record of its scope. */
    static Clock during(DataSharingAgreement a) {
        return Clock.fixed(a.endDate().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    static ResearchExtract.Builder builder(DistrictData data, AgreementId id) {
        return ResearchExtract.builder(data, id).clock(during(data.agreement(id).orElseThrow()))
                .pseudonyms(Pseudonymizer.hmacSha256("project-7-key-1", KEY)).recipient(RESEARCHER);
    }

    static DataSharingAgreement copy(DataSharingAgreement a, AgreementStatus status, LegalBasis basis, Set<String> elements) {
        return new DataSharingAgreement(a.id(), a.version(), status, a.disclosingOrganizationId(), a.recipientOrganizationId(),
                basis, a.purpose(), a.schoolIds(), a.schoolYears(), elements, a.permittedRoles(), a.effectiveDate(),
                a.endDate(), a.signedDate(), a.signatories(), a.destructionDays(), a.redisclosureAllowed());
    }

    static DistrictData withStudy(AgreementStatus status, LegalBasis basis, Set<String> elements) {
        return TinyCity.withAgreements(a -> a.id().equals(STUDY) ? copy(a, status, basis, elements) : a);
    }

    @Test
    void carriesOnlyTheAgreementsFieldsAndNoDirectIdentifier() {
        DistrictData data = TinyCity.DATA;
        ResearchExtract extract = builder(data, STUDY).k(1).build();

        // DSA-RES01-STUDY grants ATTENDANCE, COURSEWORK, DEMOGRAPHICS, PROGRAMS: no directory, no identity
        assertThat(extract.table("students.csv").orElseThrow().header())
                .containsExactly("research_id", "birth_year", "sex", "race_ethnicity", "ninth_grade_cohort");
        assertThat(extract.tables()).extracting(ExtractTable::name)
                .containsExactly("students.csv", "attendance.csv", "characteristics.csv");
        assertThat(extract.withheldFields()).containsKeys("attendance.records.reason", "coursework.marks")
                .doesNotContainKey("demographics.sex");
        assertThat(extract.fields()).contains("demographics.birthDate", "attendance.records")
                .noneMatch(f -> f.startsWith("identity.") || f.startsWith("contact."));
        Set<String> identifying = new HashSet<>();
        for (Student s : data.students()) {
            identifying.add(s.id().value());
            identifying.add(s.firstName());
            identifying.add(s.lastName());
            identifying.add(s.birthDate().toString());
        }
        for (ExtractTable t : extract.tables()) {
            assertThat(t.rows()).as(t.name()).allSatisfy(row -> assertThat(row).doesNotContainAnyElementsOf(identifying));
        }
        assertThat(extract.studentCount()).isPositive();
        assertThat(extract.table("attendance.csv").orElseThrow().rows()).isNotEmpty();
    }

    @Test
    void refusesAnAgreementWhoseBasisIsNotStudiesOrAuditEvaluation() {
        DataSharingAgreement official = TinyCity.DATA.agreements().stream()
                .filter(a -> a.legalBasis() == LegalBasis.SCHOOL_OFFICIAL).findFirst().orElseThrow();
        assertThatThrownBy(() -> builder(TinyCity.DATA, official.id()).build())
                .isInstanceOf(ExtractRefusedException.class).hasMessageContaining("SCHOOL_OFFICIAL")
                .hasMessageContaining("99.31(a)(6)");
        DistrictData consent = withStudy(AgreementStatus.ACTIVE, LegalBasis.DIRECTORY, study(TinyCity.DATA).dataElements());
        assertThatThrownBy(() -> builder(consent, STUDY).build()).isInstanceOf(ExtractRefusedException.class);
    }

    @Test
    void anAuditEvaluationAgreementIsAccepted() {
        DistrictData audit = withStudy(AgreementStatus.ACTIVE, LegalBasis.AUDIT_EVALUATION, Set.of("DEMOGRAPHICS"));
        assertThat(builder(audit, STUDY).k(1).build().agreement().legalBasis()).isEqualTo(LegalBasis.AUDIT_EVALUATION);
    }

    @Test
    void refusesAnInactiveOrExpiredAgreement() {
        DistrictData suspended = withStudy(AgreementStatus.SUSPENDED, LegalBasis.STUDIES, study(TinyCity.DATA).dataElements());
        assertThatThrownBy(() -> builder(suspended, STUDY).build()).isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining("SUSPENDED");

        DataSharingAgreement a = study(TinyCity.DATA);
        Clock afterEnd = Clock.fixed(a.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        assertThatThrownBy(() -> ResearchExtract.builder(TinyCity.DATA, STUDY).clock(afterEnd)
                .pseudonyms(Pseudonymizer.randomTokens()).recipient(RESEARCHER).build())
                .isInstanceOf(ExtractRefusedException.class).hasMessageContaining("not in force");
    }

    @Test
    void followsTheVersionInEffectOnTheDayOfTheExtractNotALaterTermination() {
        DataSharingAgreement v1 = study(TinyCity.DATA);
        LocalDate terminated = v1.effectiveDate().plusDays(15);
        DataSharingAgreement v2 = new DataSharingAgreement(v1.id(), 2, AgreementStatus.TERMINATED, v1.disclosingOrganizationId(),
                v1.recipientOrganizationId(), v1.legalBasis(), v1.purpose(), v1.schoolIds(), v1.schoolYears(),
                v1.dataElements(), v1.permittedRoles(), v1.effectiveDate(), v1.endDate(), terminated.minusDays(3),
                v1.signatories(), v1.destructionDays(), false, terminated);
        DistrictData data = TinyCity.withChanges(a -> false, b -> b.add(v2));
        // ten days after the effective date v1 still governs: the extract is made under it
        assertThat(ResearchExtract.builder(data, STUDY).clock(on(v1.effectiveDate().plusDays(10)))
                .pseudonyms(Pseudonymizer.hmacSha256("project-7-key-1", KEY)).recipient(RESEARCHER).k(1).build()
                .agreement().version()).isEqualTo(1);
        Clock onTermination = Clock.fixed(terminated.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        assertThatThrownBy(() -> ResearchExtract.builder(data, STUDY).clock(onTermination)
                .pseudonyms(Pseudonymizer.hmacSha256("project-7-key-1", KEY)).recipient(RESEARCHER).k(1).build())
                .isInstanceOf(ExtractRefusedException.class).hasMessageContaining("is TERMINATED, not ACTIVE");
    }

    @Test
    void carriesOnlyTheRecordsInTheAgreementsScopeUpToTheDayOfTheExtract() {
        // The study narrowed to one school year, the one containing the day of the extract (in its autumn). By 34 CFR 99.31(a)(6)(iii)(C) the extract holds only what the agreement covers: attendance
        // at the agreement's schools dated from max(July 1 of that year, effective date) to the day of the extract.
        DataSharingAgreement a = study(TinyCity.DATA);
        // the latest of the agreement's school years with attendance in the data, and a day in its autumn
        org.communityschools.core.model.SchoolYear year = a.schoolYears().stream().sorted(java.util.Comparator.reverseOrder())
                .filter(y -> TinyCity.DATA.students().stream().anyMatch(st -> TinyCity.DATA.attendance()
                        .recordsOf(st.id()).stream().anyMatch(r -> y.contains(r.date()))))
                .findFirst().orElseThrow();
        LocalDate today = year.firstDay().plusDays(120);
        DataSharingAgreement oneYear = new DataSharingAgreement(a.id(), a.version(), a.status(),
                a.disclosingOrganizationId(), a.recipientOrganizationId(), a.legalBasis(), a.purpose(), a.schoolIds(),
                Set.of(year), a.dataElements(), a.permittedRoles(), a.effectiveDate(), a.endDate(), a.signedDate(),
                a.signatories(), a.destructionDays(), a.redisclosureAllowed());
        // the tiny city's copy helper leaves attendance out: carried over here
        DistrictData narrowed = TinyCity.withChanges(x -> x.id().equals(STUDY), b -> {
            b.add(oneYear);
            TinyCity.DATA.students().forEach(st -> TinyCity.DATA.attendance().recordsOf(st.id()).forEach(b::add));
        });
        LocalDate from = year.firstDay().isAfter(a.effectiveDate()) ? year.firstDay() : a.effectiveDate();
        // the expectation, counted from the data directly: students with an enrollment day at an agreement school
        // in [from, today], and their attendance records at agreement schools in [from, today]
        long expected = 0;
        for (Student st : narrowed.students()) {
            boolean in = narrowed.enrollmentsOf(st.id()).stream().anyMatch(e -> a.schoolIds().contains(e.schoolId())
                    && !e.entryDate().isAfter(today) && e.exitWithdrawDate().map(d -> !d.isBefore(from)).orElse(true));
            if (in) {
                expected += narrowed.attendance().recordsOf(st.id()).stream().filter(r -> a.schoolIds().contains(r.schoolId())
                        && !r.date().isBefore(from) && !r.date().isAfter(today)).count();
            }
        }
        ResearchExtract extract = ResearchExtract.builder(narrowed, STUDY).clock(on(today))
                .pseudonyms(Pseudonymizer.hmacSha256("project-7-key-1", KEY)).recipient(RESEARCHER).k(1).build();
        assertThat(expected).as("the worked example has records in scope").isPositive();
        List<List<String>> rows = extract.table("attendance.csv").orElseThrow().rows();
        assertThat(rows).hasSize((int) expected).allSatisfy(r -> assertThat(LocalDate.parse(r.get(1)))
                .isBetween(from, today));
        // a characteristic begun before the scope shows no start date (it lies outside what the agreement covers)
        assertThat(extract.table("characteristics.csv").orElseThrow().rows())
                .allSatisfy(r -> assertThat(r.get(2).isEmpty() || !LocalDate.parse(r.get(2)).isBefore(from)).isTrue());
    }

    @Test
    void anUnknownAgreementIsRefused() {
        assertThatThrownBy(() -> ResearchExtract.builder(TinyCity.DATA, AgreementId.of("DSA-NONE"))
                .pseudonyms(Pseudonymizer.randomTokens()).recipient(RESEARCHER).build())
                .isInstanceOf(ExtractRefusedException.class).hasMessageContaining("no agreement");
    }

    @Test
    void directoryFieldsCanBeGeneralizedToSchoolTypeAndGradeBand() {
        Set<String> elements = new LinkedHashSet<>(study(TinyCity.DATA).dataElements());
        elements.add("DIRECTORY");
        DistrictData data = withStudy(AgreementStatus.ACTIVE, LegalBasis.STUDIES, elements);

        ResearchExtract exact = builder(data, STUDY).k(1).generalize(Set.of()).build();
        ResearchExtract coarse = builder(data, STUDY).k(1).generalize(Set.of(Generalization.BIRTH_DATE_TO_YEAR,
                Generalization.GRADE_TO_BAND, Generalization.SCHOOL_TO_TYPE)).build();

        assertThat(exact.table("students.csv").orElseThrow().header()).contains("birth_date", "school_id", "grade");
        assertThat(coarse.table("students.csv").orElseThrow().header()).contains("birth_year", "school_type", "grade_band");
        assertThat(coarse.table("students.csv").orElseThrow().column("grade_band")).isSubsetOf("PK-05", "06-08", "09-12");
        assertThat(coarse.table("enrollments.csv").orElseThrow().header()).contains("school_type", "entry_grade_band")
                .doesNotContain("school_id");
        assertThat(coarse.table("attendance.csv").orElseThrow().header()).contains("school_type").doesNotContain("school_id");
    }

    @Test
    void kAnonymityIsReachedByGeneralizingThenSuppressing() {
        ResearchExtract all = builder(TinyCity.DATA, STUDY).k(1).build();
        int k = 8;
        ResearchExtract extract = builder(TinyCity.DATA, STUDY).k(k).generalize(Set.of()).build();

        assertThat(extract.violations()).isNotEmpty();
        assertThat(extract.generalizations()).contains(Generalization.BIRTH_DATE_TO_YEAR);
        assertThat(extract.studentCount() + extract.suppressedStudents()).isEqualTo(all.studentCount());
        ExtractTable students = extract.table("students.csv").orElseThrow();
        List<List<String>> quasi = new ArrayList<>();
        for (List<String> row : students.rows()) {
            quasi.add(List.of(row.get(1), row.get(2), row.get(3)));
        }
        assertThat(KAnonymity.violations(quasi, k)).isEmpty();
        // the suppressed students are gone from every file
        Set<String> kept = new HashSet<>(students.column("research_id"));
        assertThat(extract.table("attendance.csv").orElseThrow().column("research_id")).allMatch(kept::contains);
    }

    @Test
    void kAnonymityCanRefuseOrOnlySuppress() {
        assertThatThrownBy(() -> builder(TinyCity.DATA, STUDY).k(8).onViolation(ResearchExtract.KStrategy.REFUSE).build())
                .isInstanceOf(ExtractRefusedException.class).hasMessageContaining("below k = 8");
        ResearchExtract suppressed = builder(TinyCity.DATA, STUDY).k(8).onViolation(ResearchExtract.KStrategy.SUPPRESS).build();
        assertThat(suppressed.generalizations()).containsExactly(Generalization.BIRTH_DATE_TO_YEAR);
        assertThat(suppressed.suppressedStudents())
                .isEqualTo(suppressed.violations().stream().mapToInt(EquivalenceClass::size).sum());
    }

    @Test
    void kAnonymityReportsTheViolatingClasses() {
        List<List<String>> rows = List.of(List.of("2010", "F"), List.of("2010", "F"), List.of("2011", "M"),
                List.of("2010", "F"), List.of("2012", "F"));
        assertThat(KAnonymity.violations(rows, 2)).containsExactly(new EquivalenceClass(List.of("2011", "M"), 1),
                new EquivalenceClass(List.of("2012", "F"), 1));
        assertThat(KAnonymity.violations(rows, 4)).hasSize(3);
        assertThat(KAnonymity.holds(rows, 1)).isTrue();
    }

    @Test
    void writingRecordsOneDisclosurePerStudentAndAManifest(@TempDir Path tmp) throws Exception {
        ResearchExtract extract = builder(TinyCity.DATA, STUDY).k(5).build();
        Path out = tmp.resolve("extract");
        List<DisclosureEntry> entries;
        try (DisclosureSink log = DisclosureLogs.inMemory()) {
            entries = extract.write(out, log, during(study(TinyCity.DATA)));
        }

        assertThat(entries).hasSize(extract.studentCount());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.disclosure().legalBasis()).isEqualTo(LegalBasis.STUDIES);
            assertThat(e.disclosure().agreementId()).contains(STUDY);
            assertThat(e.disclosure().isFerpaRecord()).isTrue();
        });
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.get("agreement").stringValue()).isEqualTo("DSA-RES01-STUDY");
        assertThat(manifest.get("destruction_date").stringValue())
                .isEqualTo(study(TinyCity.DATA).destructionDeadline().toString());
        assertThat(manifest.get("pseudonym").get("key_id").stringValue()).isEqualTo("project-7-key-1");
        assertThat(manifest.get("k").intValue()).isEqualTo(5);
        assertThat(manifest.get("suppressed_rows").intValue()).isEqualTo(extract.suppressedStudents());
        assertThat(manifest.get("disclosure_log").get("entries").intValue()).isEqualTo(extract.studentCount());
        assertThat(Files.readAllLines(out.resolve("students.csv"))).hasSize(extract.studentCount() + 1);
        assertThatThrownBy(() -> extract.write(out, DisclosureLogs.inMemory())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void theDestructionDateIsTheAgreementsDeadline() {
        ResearchExtract extract = builder(TinyCity.DATA, STUDY).k(1).build();
        DataSharingAgreement a = study(TinyCity.DATA);
        assertThat(extract.destructionDate()).isEqualTo(a.endDate().plusDays(a.destructionDays()));
        assertThat(extract.createdOn()).isEqualTo(a.endDate());
    }

    @Test
    void randomTokensComeWithACrosswalkTheDistrictKeepsApart(@TempDir Path tmp) throws Exception {
        Pseudonymizer tokens = Pseudonymizer.randomTokens();
        ResearchExtract extract = ResearchExtract.builder(TinyCity.DATA, STUDY).clock(during(study(TinyCity.DATA)))
                .pseudonyms(tokens).recipient(RESEARCHER).k(1).build();
        Path out = tmp.resolve("extract");
        extract.write(out, DisclosureLogs.inMemory());
        Path crosswalk = tmp.resolve("crosswalk.csv");
        tokens.writeCrosswalk(crosswalk);

        Map<String, String> back = new HashMap<>();
        Files.readAllLines(crosswalk).stream().skip(1).forEach(l -> back.put(l.split(",")[1], l.split(",")[0]));
        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(
                extract.table("students.csv").orElseThrow().column("research_id"));
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("crosswalk.csv");
        }
        assertThat(extract.manifest()).contains("\"method\":\"RANDOM_TOKEN\"").doesNotContain("key_id");
        assertThatThrownBy(() -> tokens.writeCrosswalk(crosswalk)).isInstanceOf(java.io.UncheckedIOException.class);
    }
}
